"""Choose the "Thông tin khác" list of every article, in linear time.

Which articles: relevance first: articles sharing an organization, then articles
of the same category, then any others; within each tier, the nearest
publication date. Each article looks only at the neighbours of its own position
in a few date-sorted lists (its organizations', its category's, the whole
site's), so the whole site costs O(n · count), never a comparison of every pair.

In what order: the chosen articles are shown newest first, as readers of the old
portal expect (relevance decides what is listed, not where).

Setting: ``OTHER_NEWS_COUNT`` (default 8).
"""

from collections import defaultdict

from pelican import signals

from trangxa.lib.text import fold

RUNS_AFTER = ("trangxa.organizations",)  # "Thông tin khác" ranks by shared organizations

DEFAULT_COUNT = 8


class DateIndex:
    """Articles sorted by date, with each one's position for neighbour walks."""

    def __init__(self, articles):
        self.articles = sorted(articles, key=lambda a: a.date)
        self.position = {id(a): i for i, a in enumerate(self.articles)}

    def nearest(self, article, count, exclude):
        """Up to ``count`` articles nearest in date to ``article``, not in ``exclude``."""
        found = []
        start = self.position[id(article)]
        before, after = start - 1, start + 1
        while len(found) < count and (before >= 0 or after < len(self.articles)):
            take_after = before < 0 or (
                after < len(self.articles)
                and self.articles[after].date - article.date <= article.date - self.articles[before].date
            )
            if take_after:
                candidate, after = self.articles[after], after + 1
            else:
                candidate, before = self.articles[before], before - 1
            if id(candidate) not in exclude:
                found.append(candidate)
        return found


def organization_keys(article):
    """Keys of an article's organizations: registry slugs, or folded names."""
    keys = []
    for organization in getattr(article, "organizations", None) or []:
        keys.append(getattr(organization, "slug", None) or fold(organization))
    return keys


def choose_other_news(articles, count=DEFAULT_COUNT):
    """Map id(article) -> its list of other news, for every article given."""
    by_organization = defaultdict(list)
    by_category = defaultdict(list)
    for article in articles:
        for key in dict.fromkeys(organization_keys(article)):
            by_organization[key].append(article)
        by_category[getattr(article, "category", None)].append(article)
    organization_index = {key: DateIndex(group) for key, group in by_organization.items()}
    category_index = {key: DateIndex(group) for key, group in by_category.items()}
    site_index = DateIndex(articles)

    chosen = {}
    for article in articles:
        picked, seen = [], {id(article)}
        shared = []
        # dict.fromkeys, not set: the same order in every process, so a rebuild
        # rewrites no page whose list did not really change.
        for key in dict.fromkeys(organization_keys(article)):
            shared.extend(organization_index[key].nearest(article, count, seen))
        shared.sort(key=lambda other: (abs(other.date - article.date), other.date))
        _fill(picked, seen, shared, count)
        category = getattr(article, "category", None)
        _fill(picked, seen, category_index[category].nearest(article, count, seen), count)
        _fill(picked, seen, site_index.nearest(article, count, seen), count)
        chosen[id(article)] = picked
    return chosen


def _fill(picked, seen, candidates, count):
    for candidate in candidates:
        if len(picked) == count:
            return
        if id(candidate) not in seen:
            seen.add(id(candidate))
            picked.append(candidate)


def newest_first(chosen):
    """The chosen articles in the order they are shown: newest first (ties: as chosen)."""
    return sorted(chosen, key=lambda other: other.date, reverse=True)


# The last choice made in this process: (shape, {source path: [source paths]}). make serve
# rebuilds after each save, and an edit of an article's text leaves every list as it was
# (0.3 s a build at 10,000 articles).
_last_choice = []


def shape(articles, count):
    """Everything choose_other_news depends on: the order, dates, categories (grouped as Pelican
    compares them: by slug) and organizations of the articles; None without source paths."""
    paths = [getattr(a, "source_path", None) for a in articles]
    if None in paths:
        return None
    return count, [
        (path, a.date, _category_key(a), tuple(organization_keys(a)))
        for path, a in zip(paths, articles, strict=True)
    ]


def _category_key(article):
    category = getattr(article, "category", None)
    return getattr(category, "slug", category)


def add_other_news(generator):
    count = generator.settings.get("OTHER_NEWS_COUNT", DEFAULT_COUNT)
    articles = generator.articles
    current = shape(articles, count)
    if current is not None and _last_choice and _last_choice[0] == current:
        # The same inputs: the same lists, made of this build's article objects.
        by_path = {article.source_path: article for article in articles}
        for article in articles:
            article.other_news = [by_path[path] for path in _last_choice[1][article.source_path]]
        return
    chosen = choose_other_news(articles, count)
    for article in articles:
        article.other_news = newest_first(chosen[id(article)])
    if current is not None:
        _last_choice[:] = [current, {a.source_path: [o.source_path for o in a.other_news] for a in articles}]


def register():
    signals.article_generator_finalized.connect(add_other_news)
