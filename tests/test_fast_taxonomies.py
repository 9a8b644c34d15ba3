"""fast_taxonomies: same lists, constant-time membership."""

from types import SimpleNamespace

from trangxa.fast_taxonomies import ArticleList, speed_up_taxonomies


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


def test_generator_lists_are_replaced_by_equal_ones_in_the_context():
    a, b, c = Article("a"), Article("b"), Article("c")
    generator = SimpleNamespace(
        categories=[("Kinh tế", [a, b]), ("Thông báo", [c])],
        authors=[("Minh Chiến", [a])],
        tags={"lúa": [b, c], "đê": [a]},
        context={},
    )
    speed_up_taxonomies(generator)
    assert generator.categories == [("Kinh tế", [a, b]), ("Thông báo", [c])]
    assert all(isinstance(articles, ArticleList) for _, articles in generator.categories)
    assert generator.tags == {"lúa": [b, c], "đê": [a]}
    assert list(generator.tags) == ["lúa", "đê"]  # Pelican's order kept
    assert c in generator.tags["lúa"] and a not in generator.tags["lúa"]
    # As Pelican's _update_context leaves them: dicts flattened to lists of items.
    assert generator.context["tags"] == [("lúa", [b, c]), ("đê", [a])]
    assert generator.context["categories"] is generator.categories
    assert generator.context["authors"] is generator.authors


def test_category_and_tag_pages_list_their_articles_newest_first(site):
    for page in ("chuyen-muc/kinh-te/index.html", "chu-de/nha-dai-doan-ket/index.html"):
        dates = [t["datetime"] for t in site.soup(page).select(".article-list .teaser-meta time")]
        assert dates and dates == sorted(dates, reverse=True), page


def test_translations_grouped_as_pelican_groups_them(caplog):
    from pelican.contents import Article as PelicanArticle
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import process_translations as pelican_process_translations

    from trangxa.fast_taxonomies import process_translations

    settings = dict(DEFAULT_CONFIG, DEFAULT_LANG="vi")

    def corpus(folder="a"):
        made = []
        for number, (slug, lang, translation) in enumerate(
            [("a", "vi", None), ("b", "en", None), ("a", "en", None), ("c", "vi", None),
             ("b", "vi", None), ("d", "en", "true"), ("d", "vi", None), ("e", "fr", None),
             ("c", "vi", None), ("f", "en", "true"), ("f", "fr", "true")]
        ):  # fmt: skip
            metadata = {"title": f"Bài {number}", "slug": slug, "lang": lang}
            if translation:
                metadata["translation"] = translation
            source = f"{folder}/{number}.md"  # Pelican logs a repeated warning once: new paths
            made.append(PelicanArticle("<p>x</p>", metadata=metadata, settings=settings, source_path=source))
        return made

    def described(result):
        index, translations = result
        return (
            [(a.title, sorted(t.title for t in a.translations)) for a in index],
            [a.title for a in translations],
        )

    caplog.set_level("WARNING")
    expected = described(pelican_process_translations(corpus(), "slug"))
    pelican_warnings = [r.getMessage() for r in caplog.records]
    caplog.clear()
    assert described(process_translations(corpus("b"), "slug")) == expected
    assert [r.getMessage().replace("b/", "a/") for r in caplog.records] == pelican_warnings
    assert len(pelican_warnings) == 4
    assert expected[1], "the corpus has translations"
    assert described(process_translations(corpus(), ["slug", "lang"])) == described(
        pelican_process_translations(corpus(), ["slug", "lang"])
    )
    assert described(process_translations(corpus(), None)) == described(
        pelican_process_translations(corpus(), None)
    )
