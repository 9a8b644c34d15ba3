"""Jinja filters for the theme: dates, numbers and titles the Vietnamese way.

The plugin registers them with every Pelican generator; the plain functions
live in ``trangxa.lib`` (dates, text), where other plugins import them too.
"""

import re

from markupsafe import Markup
from pelican import signals

from .lib.dates import format_date, format_datetime
from .lib.text import format_number, plain_text, truncate_at_word, vietnamese_sorted

_WRAPPING_PARAGRAPH = re.compile(r"^\s*<p>(.*)</p>\s*$", re.DOTALL)


def truncate_title(title, limit=90):
    """Plain-text title cut at a word with "..." (escape it in the template)."""
    return truncate_at_word(plain_text(title), limit)


def unwrap_paragraph(html):
    """Inner HTML of a fragment that is one <p>, so a lead can get its own <p>."""
    html = str(html or "")
    match = _WRAPPING_PARAGRAPH.match(html)
    if match and "<p" not in match.group(1):
        html = match.group(1)
    return Markup(html)


ALL_FILTERS = {
    "vi_date": format_date,
    "vi_datetime": format_datetime,
    "vi_number": format_number,
    "plain_text": plain_text,
    "truncate_title": truncate_title,
    "unwrap_paragraph": unwrap_paragraph,
    "vi_sort": vietnamese_sorted,
}


def add_filters(generator):
    generator.env.filters.update(ALL_FILTERS)


def register():
    signals.generator_init.connect(add_filters)
