"""``invoke check``: read every article, page and data file, run the checks, write nothing."""

import logging
import sys
from collections.abc import Iterable

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.log import init as init_logging
from pelican.settings import read_settings

from trangxa import compat

from . import content_checks


def run_checks(settings):
    """Read the content as a build would, without writing; return the error count."""
    pelican = Pelican(settings)  # loads the plugins and sends `initialized`
    # The plugins' generators read their own files (documents, the week's schedule, the
    # public-service links); the static generator last: it finds the files nothing uses.
    generators = (ArticlesGenerator, PagesGenerator, *plugin_generators(pelican), StaticGenerator)
    compat.generate_contexts(settings, generators, localsiteurl="", staticfiles=[])
    return content_checks.summarize()


def plugin_generators(pelican):
    """The generator classes the project's plugins add (their get_generators receivers). Only
    ours are asked: pelican-sitemap's receiver remembers the Pelican that asked and then writes
    no sitemap for any other until that one sends `finalized`, which a check never does."""
    found = []
    for receiver in signals.get_generators.receivers_for(pelican):
        if getattr(receiver, "__module__", "").startswith("trangxa."):
            value = receiver(pelican)
            found.extend(value if isinstance(value, Iterable) else [value])
    return [generator for generator in found if generator is not None]  # a plugin turned off


def main(settings_file, **overrides):
    init_logging(logging.WARNING)
    # Unlike a build, the check also lists drafts, scheduled articles and inferred organizations.
    errors = run_checks(read_settings(settings_file, override={"CONTENT_CHECKS_NOTICES": True, **overrides}))
    verdict = f"Kiểm tra nội dung: {errors} lỗi." if errors else "Kiểm tra nội dung: không có lỗi."
    print(verdict, file=sys.stderr if errors else sys.stdout)
    return errors


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1] if len(sys.argv) > 1 else "pelicanconf.py") else 0)
