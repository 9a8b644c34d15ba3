"""``invoke check``: read every article and page, run the checks, write nothing."""

import logging
import sys

from pelican import Pelican
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.log import init as init_logging
from pelican.settings import read_settings

from trangxa import compat

from . import content_checks


def run_checks(settings):
    """Read the content as a build would, without writing; return the error count."""
    Pelican(settings)  # loads the plugins and sends `initialized`
    # The static generator last: it finds the files under content/ that nothing uses.
    generators = (ArticlesGenerator, PagesGenerator, StaticGenerator)
    compat.generate_contexts(settings, generators, localsiteurl="", staticfiles=[])
    return content_checks.summarize()


def main(settings_file, **overrides):
    init_logging(logging.WARNING)
    # Unlike a build, the check also lists drafts, scheduled articles and inferred organizations.
    errors = run_checks(read_settings(settings_file, override={"CONTENT_CHECKS_NOTICES": True, **overrides}))
    verdict = f"Kiểm tra nội dung: {errors} lỗi." if errors else "Kiểm tra nội dung: không có lỗi."
    print(verdict, file=sys.stderr if errors else sys.stdout)
    return errors


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1] if len(sys.argv) > 1 else "pelicanconf.py") else 0)
