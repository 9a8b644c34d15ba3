"""The ``news_article_json_ld`` template filter (schema.org NewsArticle).

Open Graph and Twitter tags are plain template lines (partials/seo.html);
JSON-LD is built here because it is a nested structure that must be valid
JSON, which ``|tojson`` then escapes safely for a <script> element.
"""

from jinja2 import pass_context
from pelican import signals

from trangxa.lib.text import plain_text


def absolute(site_url, path):
    path = str(path or "")
    return path if "://" in path else f"{site_url.rstrip('/')}/{path.lstrip('/')}"


def news_article(article, site_url, publisher_name, logo_path, default_image):
    """The NewsArticle dict of one article (plain data, tested directly)."""
    image = absolute(site_url, getattr(article, "image", None) or default_image)
    modified = getattr(article, "modified", None) or article.date
    author = str(article.metadata.get("author") or publisher_name)
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": one_line(article.title)[:110],
        "description": one_line(article.summary),
        "datePublished": article.date.isoformat(),
        "dateModified": modified.isoformat(),
        "inLanguage": "vi",
        "mainEntityOfPage": absolute(site_url, article.url),
        "url": absolute(site_url, article.url),
        "image": [image],
        "author": [{"@type": "Person", "name": author}],
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": publisher_name,
            "logo": {"@type": "ImageObject", "url": absolute(site_url, logo_path)},
        },
        "articleSection": str(getattr(article, "category", "") or ""),
    }


def one_line(html):
    """Plain text on one line, without typogrify's no-break spaces."""
    return " ".join(plain_text(html).split())


@pass_context
def news_article_json_ld(context, article):
    return news_article(
        article,
        context["SITEURL"],
        context.get("GOVERNING_BODY") or context["SITENAME"],
        context.get("SHARING_LOGO", "theme/img/og-default.png"),
        context.get("SHARING_DEFAULT_IMAGE", "theme/img/og-default.png"),
    )


def add_filter(generator):
    generator.env.filters["news_article_json_ld"] = news_article_json_ld


def register():
    signals.generator_init.connect(add_filter)
