"""Every use of Pelican's (or a library's) internals, in one place.

Pelican's public surface is its signals, settings, content attributes and the
context. Whatever this project needs beyond that is one small function here,
with what it relies on, why, what it gains and the version it was written for.
Plugins call these functions, never the private names. ``check_versions()``
(run by the test suite) fails loudly on a version this module does not know.
"""

import pelican.writers

WRITTEN_FOR = {"pelican": "4.12.0"}


# --- The writer's paginator ---------------------------------------------------------------
# Relies on: pelican.writers.Paginator, the class Writer.write_file instantiates for
# paginated templates (module global, Pelican 4.12.0).
# Why: trangxa.pagination numbers archive pages from the oldest article, so a new
# article does not move every older list page (a rebuild writes 1 list page, not all).
# Gain: at 10,000 articles, +1 article rewrites ~20 pages instead of ~1,500.


def use_paginator(paginator_class):
    """Make Pelican's writer (and trangxa's incremental writer) paginate with this class."""
    pelican.writers.Paginator = paginator_class


def writer_paginator():
    """The paginator class Pelican's writer uses now."""
    return pelican.writers.Paginator
