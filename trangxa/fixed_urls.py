"""Pin ``url`` and ``save_as`` of every article and page once they are final.

Pelican recomputes ``article.url`` (a format string over the settings and the
article's metadata) at every access; a page lists up to 20 other articles, so
at 10,000 articles that is hundreds of thousands of recomputations. Pelican
honours ``override_url`` / ``override_save_as`` (what the ``URL:`` and
``Save_as:`` metadata set), so they are filled in with the computed values.

Articles are pinned as soon as Pelican has sorted them into published, draft and
hidden (``article_generator_pretaxonomy``; a future-dated article becomes a draft
only after it is created), before the content checks ask for every address.
The plugin is listed before ``content_checks`` so that it runs first.
"""

from pelican import signals

from trangxa import compat


def pin_urls(contents):
    for content in contents:
        compat.pin_address(content)


def pin_article_urls(generator):
    pin_urls([*generator.articles, *generator.translations, *generator.drafts, *generator.hidden_articles])


def pin_page_urls(generator):
    pin_urls([*generator.pages, *generator.hidden_pages, *generator.draft_pages])


def register():
    compat.memoize_relative_source_paths()  # asked for at every URL formatting, before pinning
    signals.article_generator_pretaxonomy.connect(pin_article_urls)
    signals.page_generator_finalized.connect(pin_page_urls)
