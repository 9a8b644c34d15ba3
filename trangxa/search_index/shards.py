"""Which search bundle (shard) each indexed page goes to.

Pagefind has no incremental mode: it reads every page again. The index is
therefore split into bundles that rarely change, which the search page merges
in the browser (Pagefind's ``mergeIndex``): one per year of articles; a year
with more than ``limit`` articles gets one per quarter, and a quarter with more
than ``limit`` one per month (a portal gathering many communes). A new article
re-indexes the bundle of its period only, and Pagefind's memory grows with the
largest bundle, not with the site. Calendar periods keep the bundles stable:
a new article never moves older ones to another bundle.
"""

from collections import Counter

OTHER_PAGES = "trang"


def quarter(date):
    return (date.month - 1) // 3 + 1


def shard_names(files, article_dates, limit):
    """{relative path: shard name} for the files to index.

    ``article_dates`` maps an article's output path to its date; other files
    (pages) go to OTHER_PAGES.
    """
    dates = [date for path, date in article_dates.items() if path in files]
    per_year = Counter(date.year for date in dates)
    per_quarter = Counter((date.year, quarter(date)) for date in dates)
    names = {}
    for path in files:
        date = article_dates.get(path)
        if date is None:
            names[path] = OTHER_PAGES
        elif per_year[date.year] <= limit:
            names[path] = str(date.year)
        elif per_quarter[date.year, quarter(date)] <= limit:
            names[path] = f"{date.year}-q{quarter(date)}"
        else:
            names[path] = f"{date.year}-{date.month:02d}"
    return names


def _last_month(name):
    """(year, last month covered) of a bundle name: "2026", "2026-q3" or "2026-08"."""
    year, _, part = name.partition("-")
    if not part:
        return int(year), 12
    if part.startswith("q"):
        return int(year), int(part[1:]) * 3
    return int(year), int(part)


def bundle_order(shards):
    """The bundle names newest first, the other pages last (the first is the primary one)."""
    periods = sorted((name for name in set(shards) if name != OTHER_PAGES), key=_last_month, reverse=True)
    return periods + ([OTHER_PAGES] if OTHER_PAGES in shards else [])
