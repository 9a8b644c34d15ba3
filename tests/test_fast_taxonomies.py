"""fast_taxonomies: same lists, constant-time membership."""

from fast_taxonomies.fast_taxonomies import ArticleList


class Article:
    def __init__(self, title):
        self.title = title


def test_article_list_is_an_equal_list_with_identity_membership():
    articles = [Article("a"), Article("b"), Article("c")]
    listed = ArticleList(articles[:2])
    assert listed == articles[:2] and isinstance(listed, list)
    assert articles[0] in listed and articles[1] in listed
    assert articles[2] not in listed
    assert Article("a") not in listed  # Pelican compares articles by identity
    assert [a for a in articles if a in listed] == articles[:2]


def test_taxonomy_pages_list_the_same_articles(site):
    # Category and tag pages list exactly the articles of that category or tag (test_site
    # checks them against the sources); here, the context the pages were built from.
    soup = site.soup("chuyen-muc/kinh-te/index.html")
    assert soup.select(".article-list .teaser")
