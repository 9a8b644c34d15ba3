"""Which page paths get their own row in ``page_views``: the site's own pages only.

Any path a browser sends is counted in the total, but only the site's pages are stored one by
one, so a client inventing paths cannot grow the database. A path is the site's when, after the
optional sub-path prefix (``/xa-tan-hoa`` for https://example.gov.vn/xa-tan-hoa/), it matches one
of the URL patterns or is listed in the pages file written by the build.
"""

import logging
import os
import re
import time

logger = logging.getLogger(__name__)

# Pelican's slugs: ASCII letters, digits, "-" and "_" (diacritics are removed by the vietnamese plugin).
SLUG = r"[A-Za-z0-9_-]{1,200}"
PAGE_NUMBER = r"trang-[0-9]{1,6}/"
# The URLs of pelicanconf.py (ARTICLE_URL, PAGE_URL, CATEGORY_URL, TAG_URL, SEARCH_URL,
# PAGINATION_PATTERNS) and of the organizations plugin (to-chuc/{slug}/).
DEFAULT_PATH_PATTERNS = (
    r"/",
    rf"/{PAGE_NUMBER}",
    rf"/bai-viet/[0-9]{{4}}/{SLUG}\.html",
    rf"/trang/{SLUG}\.html",
    r"/tim-kiem/",
    rf"/(?:chuyen-muc|chu-de|to-chuc)/(?:{SLUG}/(?:{PAGE_NUMBER})?)?",
)
# The pages file is looked at again at most this often (the build rewrites it when publishing).
PAGES_RECHECK_SECONDS = 30.0


def normalize_prefix(prefix):
    """``"/xa-tan-hoa/"`` -> ``"/xa-tan-hoa"``; ``""`` and ``"/"`` -> ``""``."""
    prefix = (prefix or "").strip().rstrip("/")
    if prefix and not prefix.startswith("/"):
        raise ValueError(f"counter: COUNTER_PATH_PREFIX phải bắt đầu bằng '/' (đang là {prefix!r})")
    return prefix


def compile_patterns(patterns):
    """One expression matching any of ``patterns`` in full; None when there is no pattern."""
    patterns = [pattern for pattern in patterns if pattern.strip()]
    if not patterns:
        return None
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"counter: COUNTER_PATH_PATTERNS: biểu thức sai {pattern!r}: {error}") from None
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


def site_path(path):
    """A page's canonical form: ``/x/index.html`` is the page ``/x/``."""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def read_pages(filename):
    """The paths listed in ``filename``: one a line, relative to the site root; ``#`` starts a comment."""
    with open(filename, encoding="utf-8") as lines:
        return frozenset(
            site_path("/" + line.strip().lstrip("/"))
            for line in lines
            if line.strip() and not line.lstrip().startswith("#")
        )


class SitePaths:
    """Tells which paths are the site's pages; re-reads the pages file when the build rewrites it."""

    def __init__(self, patterns=DEFAULT_PATH_PATTERNS, prefix="", pages_file=None, clock=time.monotonic):
        self.prefix = normalize_prefix(prefix)
        self.pattern = compile_patterns(patterns)
        self.pages_file = pages_file
        self.clock = clock
        self.pages = frozenset()
        self._pages_mtime = None
        self._next_check = 0.0
        if self.pattern is None and not pages_file:
            raise ValueError(
                "counter: cần COUNTER_PATH_PATTERNS hoặc COUNTER_PAGES (không trang nào được đếm riêng)"
            )
        if pages_file:
            self._load_pages()

    def page_key(self, path):
        """The path to store for ``path`` (canonical, prefix kept), or None if it is not the site's page."""
        page = self._without_prefix(path)
        if page is None:
            return None
        page = site_path(page)
        if self._is_listed(page) or (self.pattern is not None and self.pattern.fullmatch(page)):
            return self.prefix + page
        return None

    def _without_prefix(self, path):
        if not self.prefix:
            return path
        if path == self.prefix:
            return "/"
        if path.startswith(self.prefix + "/"):
            return path[len(self.prefix) :]
        return None

    def _is_listed(self, page):
        if not self.pages_file:
            return False
        if self.clock() >= self._next_check:
            self._reload_if_changed()
        return page in self.pages

    def _load_pages(self):
        """Read the pages file at start; a missing or unreadable file is a start-up error."""
        try:
            self._pages_mtime = os.stat(self.pages_file).st_mtime_ns
            self.pages = read_pages(self.pages_file)
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"counter: không đọc được COUNTER_PAGES {self.pages_file}: {error}") from None
        self._next_check = self.clock() + PAGES_RECHECK_SECONDS
        logger.info("counter: %d trang trong danh sách %s", len(self.pages), self.pages_file)

    def _reload_if_changed(self):
        """Later changes: keep the last good list if the file is missing or half-written."""
        self._next_check = self.clock() + PAGES_RECHECK_SECONDS
        try:
            mtime = os.stat(self.pages_file).st_mtime_ns
            if mtime == self._pages_mtime:
                return
            self.pages = read_pages(self.pages_file)
            self._pages_mtime = mtime
        except (OSError, UnicodeDecodeError) as error:
            logger.warning("counter: không đọc lại được %s, giữ danh sách cũ: %s", self.pages_file, error)
            return
        logger.info("counter: đọc lại %s: %d trang", self.pages_file, len(self.pages))
