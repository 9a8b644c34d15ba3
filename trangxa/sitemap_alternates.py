"""The sitemap's language alternates, as search engines read them.

pelican-sitemap (1.2.2, pinned in requirements.txt) lists a page's translations as
``<xhtml:link rel="alternate" hreflang="en" ref="…"/>``: the attribute must be ``href``
(https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap),
so search engines ignore the line. Once sitemap.xml is written, this plugin renames the
attribute on those lines only. A fixed pelican-sitemap writes ``href`` itself and this does
nothing (tests/test_english.py checks the result, not the version).
"""

import logging
import os
import re

from pelican import signals

logger = logging.getLogger(__name__)
RUNS_AFTER = ("sitemap",)  # its finalized receiver writes sitemap.xml first

ALTERNATE_WITH_REF = re.compile(r'(<xhtml:link rel="alternate" hreflang="[^"]*") ref="')


def fix_alternates(xml):
    """The sitemap text with ``href`` for each alternate's address."""
    return ALTERNATE_WITH_REF.sub(r'\1 href="', xml)


def fix_sitemap(pelican):
    path = os.path.join(pelican.settings["OUTPUT_PATH"], "sitemap.xml")
    try:
        with open(path, encoding="utf-8") as handle:
            xml = handle.read()
    except FileNotFoundError:  # no sitemap plugin, or the "txt" format
        return
    fixed = fix_alternates(xml)
    if fixed != xml:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(fixed)


def register():
    signals.finalized.connect(fix_sitemap)
