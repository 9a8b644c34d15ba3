"""What a written page depends on, as a short digest.

A page is written again only when its key changed. The key of an article
page covers everything the article carries (text, metadata, and what plugins
attached: "Thông tin khác", organizations, credit line); a list page covers
the articles it shows and its neighbours; every key covers the site-wide
inputs (settings, templates, plugin code, menu).
"""

import datetime
import functools
import hashlib
import importlib.metadata
import os
import sys
from pathlib import Path

from markupsafe import Markup
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

import trangxa
from trangxa import compat

PACKAGE_FOLDER = Path(trangxa.__file__).parent

# Attributes that are not part of what a page shows, or are reached otherwise
# (a content's build context and its HTML before links are resolved: compat).
SKIPPED_ATTRIBUTES = {"settings", *compat.CONTENT_INTERNALS, "articles", "paginator"}


def digest(*parts):
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def text_digest(text):
    """A long text (a page's HTML) hashed as it is: cheaper than in ``repr``."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


PLAIN_TYPES = frozenset({type(None), str, int, float, bool})
# What Pelican's Category/Tag/Author hold; it makes a new one for each article.
PLAIN_WRAPPER_ATTRIBUTES = frozenset({"settings", *compat.TAXONOMY_INTERNALS, "name", "slug"})


class Keys:
    """Keys of one build; objects shared by many pages (a category, an organization, an
    article listed in "Thông tin khác") are described once, by identity."""

    def __init__(self):
        self._shared = {}
        self._content_keys = {}  # build-long: the contents stay alive, so ids stay unique

    def stable(self, value):
        """A repr-able, run-independent form of ``value`` (no memory addresses)."""
        kind = type(value)
        if kind in PLAIN_TYPES or kind is Markup:
            return value
        # Plain items of lists and dicts are taken as they are, without a call each: a
        # rebuild describes 10,000 articles' metadata twice (about 0.5 s at 10,000).
        if kind is list or kind is tuple:
            return [item if type(item) in PLAIN_TYPES else self.stable(item) for item in value]
        if kind is dict:
            return sorted(
                (str(key), item if type(item) in PLAIN_TYPES else self.stable(item))
                for key, item in value.items()
            )
        if isinstance(value, (Content, URLWrapper)):
            shared = self._shared.get(id(value))
            if shared is None:
                if isinstance(value, URLWrapper) and vars(value).keys() <= PLAIN_WRAPPER_ATTRIBUTES:
                    # Equal ones (same type, name, slug) look the same; one object is
                    # often shared by many articles (trangxa.compat.share_taxonomy_objects).
                    described = self.plain_wrapper(value)
                else:
                    # Kept as a digest: pages repeat it (8 times in each "Thông tin khác").
                    described = digest(self.describe(value))
                # The value is kept too, so that its id() stays unique.
                shared = self._shared[id(value)] = (value, described)
            return shared[1]
        if isinstance(value, (list, tuple)):
            return [self.stable(item) for item in value]
        if isinstance(value, (str, int, float)):  # subclasses (Markup...)
            return value
        if isinstance(value, (datetime.date, datetime.time)):
            return value.isoformat()
        if isinstance(value, dict):
            return sorted((str(key), self.stable(item)) for key, item in value.items())
        if isinstance(value, (set, frozenset)):
            return sorted(repr(self.stable(item)) for item in value)
        text = repr(value)
        return type(value).__name__ if " at 0x" in text else text

    def plain_wrapper(self, value):
        """Pelican's own taxonomy object: equal ones (same type, name, slug) look the same."""
        identity = (type(value), value.name, value.slug)
        described = self._shared.get(identity)
        if described is None:
            described = self._shared[identity] = digest(self.describe(value))
        return described

    def describe(self, value):
        if isinstance(value, Content):  # another article, as a list item shows it
            # A page (a translation listed by its page) has no date.
            return ("content", value.url, value.title, self.stable(getattr(value, "date", None)))
        # Category, tag, author, organization. name and slug are computed lazily into
        # the instance: read them, not vars().
        extra = sorted(
            (key, self.stable(item))
            for key, item in vars(value).items()
            if key[0] != "_" and key not in ("name", "slug") and key not in SKIPPED_ATTRIBUTES
        )
        return (type(value).__name__, value.name, value.slug, value.url, extra)

    def attributes(self, obj, skipped=SKIPPED_ATTRIBUTES):
        values = vars(obj)
        return [(name, self.stable(values[name])) for name in sorted(values) if name not in skipped]

    def content_key(self, content):
        """Everything an article or page carries, its final HTML included (its metadata
        are attributes too, so the dict itself is skipped). Feeds ask for it again."""
        key = self._content_keys.get(id(content))
        if key is None:
            attributes = self.attributes(content, SKIPPED_ATTRIBUTES | {"metadata"})
            key = digest(text_digest(content.content), attributes)
            self._content_keys[id(content)] = key
        return key

    def item_key(self, content):
        """An article as a list shows it: its metadata (title, date, image...), no body."""
        return digest(content.url, content.summary, self.stable(content.metadata))


def stable(value):
    return Keys().stable(value)


@functools.cache
def installed_versions():
    """Python's version and every installed distribution's (name, version): a new Markdown,
    typogrify, nh3, Jinja or Pagefind changes what a build makes (0.05 s, once a process)."""
    names = {(dist.metadata["Name"] or "", dist.version) for dist in importlib.metadata.distributions()}
    return (sys.version, sorted(names))


def file_digest(path):
    """Digest of a file's bytes (what decides, never its modification time)."""
    with open(path, "rb") as handle:
        return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()


def bytes_digest(data):
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def current_digest(path, record):
    """The content digest of ``path``, taken from ``record`` ([mtime_ns, size, digest], updated
    in place) while its time and size are the recorded ones, computed again otherwise (a fresh
    clone, a restored cache: new times, same bytes). None if the file is missing."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if record[:2] != [stat.st_mtime_ns, stat.st_size] or record[2] is None:
        record[:] = [stat.st_mtime_ns, stat.st_size, file_digest(path)]
    return record[2]


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
    versions = installed_versions()
    return digest(
        stable(settings),
        files_digest(templates, "**/*"),
        files_digest([PACKAGE_FOLDER], "**/*.py"),  # the code of every plugin of trangxa
        stable(menu),
        versions,
    )
