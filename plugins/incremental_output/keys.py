"""What a written page depends on, as a short digest.

A page is written again only when its key changed. The key of an article
page covers everything the article carries (text, metadata, and what plugins
attached: "Thông tin khác", organizations, credit line); a list page covers
the articles it shows and its neighbours; every key covers the site-wide
inputs (settings, templates, plugin code, menu).
"""

import datetime
import hashlib
import importlib.metadata
from pathlib import Path

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Attributes that are not part of what a page shows, or are reached otherwise.
SKIPPED_ATTRIBUTES = {"settings", "_context", "_content", "articles", "paginator"}


def digest(*parts):
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Keys:
    """Keys of one build; objects shared by many pages (a category, an organization, an
    article listed in "Thông tin khác") are described once, by identity."""

    def __init__(self):
        self._shared = {}
        self._content_keys = {}  # build-long: the contents stay alive, so ids stay unique

    def stable(self, value):
        """A repr-able, run-independent form of ``value`` (no memory addresses)."""
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        if isinstance(value, (datetime.date, datetime.time)):
            return value.isoformat()
        if isinstance(value, (Content, URLWrapper)):
            shared = self._shared.get(id(value))
            if shared is None:
                shared = self._shared[id(value)] = (value, self.describe(value))  # keeps id() unique
            return shared[1]
        if isinstance(value, dict):
            return sorted((str(key), self.stable(item)) for key, item in value.items())
        if isinstance(value, (set, frozenset)):
            return sorted(repr(self.stable(item)) for item in value)
        if isinstance(value, (list, tuple)):
            return [self.stable(item) for item in value]
        text = repr(value)
        return type(value).__name__ if " at 0x" in text else text

    def describe(self, value):
        if isinstance(value, Content):  # another article, as a list item shows it
            return ("content", value.url, value.title, self.stable(value.date))
        # Category, tag, author, organization. name and slug are computed lazily into
        # the instance: read them, not vars().
        extra = [
            (key, item)
            for key, item in self.attributes(value)
            if not key.startswith("_") and key not in ("name", "slug")
        ]
        return (type(value).__name__, value.name, value.slug, value.url, extra)

    def attributes(self, obj, skipped=SKIPPED_ATTRIBUTES):
        return [(name, self.stable(item)) for name, item in sorted(vars(obj).items()) if name not in skipped]

    def content_key(self, content):
        """Everything an article or page carries, its final HTML included (its metadata
        are attributes too, so the dict itself is skipped). Feeds ask for it again."""
        key = self._content_keys.get(id(content))
        if key is None:
            key = digest(content.content, self.attributes(content, SKIPPED_ATTRIBUTES | {"metadata"}))
            self._content_keys[id(content)] = key
        return key

    def item_key(self, content):
        """An article as a list shows it: its metadata (title, date, image...), no body."""
        return digest(content.url, content.summary, self.stable(content.metadata))


def stable(value):
    return Keys().stable(value)


def files_digest(folders, pattern):
    hasher = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(Path(folder).glob(pattern)):
            if path.is_file():
                hasher.update(path.as_posix().encode())
                hasher.update(path.read_bytes())
    return hasher.hexdigest()


def site_key(settings, context):
    """Inputs shared by every page: settings, theme, plugin code, menu."""
    theme = Path(settings["THEME"])
    templates = [theme / "templates", *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    menu = (
        [(page.slug, page.url, page.title, page.status) for page in context.get("pages", [])],
        [(category.name, category.url) for category, _ in context.get("categories", [])],
        [(org.slug, org.name, org.url) for org in context.get("organizations", [])],
    )
    versions = [importlib.metadata.version(name) for name in ("pelican", "jinja2", "markdown")]
    return digest(
        stable(settings),
        files_digest(templates, "**/*"),
        files_digest(settings.get("PLUGIN_PATHS", []), "**/*.py"),
        stable(menu),
        versions,
    )
