"""Which search bundle (shard) each indexed page goes to.

Pagefind has no incremental mode: it reads every page again. The index is
therefore split into bundles that rarely change, which the search page merges
in the browser (Pagefind's ``mergeIndex``): one per year of articles (a year
with more than ``limit`` articles: one per quarter), and one for the other
pages. A new article re-indexes the bundle of its year (or quarter) only, and
Pagefind's memory grows with the largest bundle, not with the site.
"""

from collections import Counter

OTHER_PAGES = "trang"


def shard_names(files, article_dates, limit):
    """{relative path: shard name} for the files to index.

    ``article_dates`` maps an article's output path to its date; other files
    (pages) go to OTHER_PAGES.
    """
    per_year = Counter(date.year for path, date in article_dates.items() if path in files)
    names = {}
    for path in files:
        date = article_dates.get(path)
        if date is None:
            names[path] = OTHER_PAGES
        elif per_year[date.year] > limit:
            names[path] = f"{date.year}-q{(date.month - 1) // 3 + 1}"
        else:
            names[path] = str(date.year)
    return names


def bundle_order(shards):
    """The bundle names newest first, the other pages last (the first is the primary one)."""
    years = sorted((name for name in set(shards) if name != OTHER_PAGES), reverse=True)
    return years + ([OTHER_PAGES] if OTHER_PAGES in shards else [])
