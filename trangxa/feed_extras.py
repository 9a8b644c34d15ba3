"""Complete Pelican's feeds: the site language, the title's dash, and each article's cover image.

Pelican writes no language into its feeds; readers use it to pick fonts,
hyphenation and voices, so ``DEFAULT_LANG`` is set on every feed.

Pelican titles a category's or an organization's feed "<SITENAME> - <name>"; pages
join the parts of their titles with the spaced en dash Vietnamese uses, and so does
the feed ("<SITENAME> – <name>", ``FEED_TITLE_SEPARATOR``, through ``trangxa.compat``).

Feed readers show the item's summary; a commune's news reads better with its
photo. The cover (``image`` metadata, a path under content/) is added at the
top of the summary with an absolute URL, and as an enclosure, which readers
such as Zalo's and Feedly's previews use.
"""

import mimetypes
import os
from html import escape

from pelican import signals

from trangxa import compat

FEED_TITLE_SEPARATOR = " – "  # as in the pages' <title> (theme/templates)


def articles_by_link(context, site_url):
    """Absolute link -> article, for the articles of this build."""
    articles = [*context.get("articles", ()), *context.get("hidden_articles", ())]
    return {f"{site_url.rstrip('/')}/{article.url}": article for article in articles}


def image_url(article, site_url):
    image = str(getattr(article, "image", "") or "").strip()
    if not image:
        return None
    if "://" in image:
        return image
    return f"{site_url.rstrip('/')}/{image.lstrip('/')}"


def cover_html(url):
    # The title beside it says what the photo is about: decorative, empty alt.
    return f'<p><img src="{escape(url, quote=True)}" alt=""></p>'


def enclosure(article, url, content_path):
    """feedgenerator's Enclosure for a local cover image, or None if it is not a file."""
    from feedgenerator import Enclosure  # noqa: PLC0415 (only needed when writing feeds)

    path = os.path.join(content_path, str(article.image).lstrip("/"))
    if not os.path.isfile(path):
        return None
    mime_type = mimetypes.guess_type(path)[0] or "image/jpeg"
    return Enclosure(url, str(os.path.getsize(path)), mime_type)


# One index per build (a build has its own articles list), shared by its feeds.
_index = {"key": None, "articles": {}}


def complete_feed(context, feed):
    """feed_generated: runs once per feed, after its items were added."""
    feed.feed["language"] = context.get("DEFAULT_LANG", "vi")
    articles = context.get("articles") or ()
    # An empty feed (a body with no article yet) is dated by the oldest article (the list is newest
    # first), which a new article does not change: it is not rewritten and sent again each time.
    compat.date_empty_feed(feed, articles[-1].date if articles else None)
    feed.feed["title"] = compat.feed_title_with_separator(
        feed.feed["title"], context.get("SITENAME", ""), FEED_TITLE_SEPARATOR
    )
    site_url = context.get("FEED_DOMAIN") or context.get("SITEURL", "")
    key = (id(context.get("articles")), site_url)
    if _index["key"] != key:
        _index.update(key=key, articles=articles_by_link(context, site_url))
    for item in feed.items:
        article = _index["articles"].get(item["link"])
        url = article and image_url(article, site_url)
        if not url:
            continue
        item["description"] = cover_html(url) + (item.get("description") or "")
        found = enclosure(article, url, context["PATH"])
        if found:
            item["enclosures"] = [found]


def register():
    signals.feed_generated.connect(complete_feed)
