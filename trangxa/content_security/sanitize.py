"""Clean the HTML made from editors' Markdown, and say what was taken out.

nh3 (the ammonia sanitizer) does the cleaning with an allow-list of what Markdown
(``extra``, ``sane_lists``, pymdownx caption) produces. It does not say what it
dropped, so when its output differs from its input, a stdlib ``html.parser`` pass
with the same allow-list lists the removals, for the editor. nh3's output is
always the one kept: the report never decides what is safe.

Plain functions, no Pelican signals. Settings: CONTENT_EMBED_HOSTS (hosts whose
https:// pages an ``<iframe>`` may show), CONTENT_CHECKS_STRICT (a removal is an
error, which fails the strict build, instead of a warning).
"""

import functools
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nh3

from . import messages
from .urls import URL_SCHEMES, allowed_url, embed_allowed, url_scheme

DEFAULT_EMBED_HOSTS = ("www.youtube.com", "www.youtube-nocookie.com")

ALLOWED_TAGS = frozenset(
    {
        *("p", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "div", "blockquote"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("a", "img", "figure", "figcaption", "iframe"),
        *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("em", "strong", "code", "pre", "sup", "sub", "abbr"),
    }
)
# Removed with everything inside them (the others keep their text).
DROPPED_WITH_CONTENT = frozenset({"script", "style"})
# attr_list (in ``extra``) writes class and id on any element; footnotes use both.
ANY_TAG_ATTRIBUTES = frozenset({"class", "id"})
TAG_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},  # sane_lists: a list that starts at 3
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    # What video sites' "embed" code holds; the host of src is checked apart.
    "iframe": {
        *("src", "width", "height", "title", "allow", "allowfullscreen"),
        *("loading", "referrerpolicy", "frameborder"),
    },
}
URL_ATTRIBUTES = frozenset({"href", "src"})
# Elements without an end tag (an unknown one must not seem to hold what follows).
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

# Markdown's tables write alignment as an inline style, which the page's
# Content-Security-Policy blocks; a class of the theme's CSS does the same.
MARKDOWN_ALIGNMENT = re.compile(r'<(th|td) style="text-align: (left|center|right);">')
# nh3 writes every attribute as name="value" with no '"' inside the value.
IFRAME_WITHOUT_SRC = re.compile(r'<iframe(?:\s(?!src=)[\w-]+="[^"]*")*>.*?</iframe>', re.DOTALL)


@dataclass(frozen=True)
class Removal:
    """One thing nh3 took out: what the editor reads, and where to find it in the source."""

    message: str
    needles: tuple  # compiled expressions finding it in the Markdown source, tried in order


def _code_digest():
    """Digest of this package's code: a read sanitized by other code is read again."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_DIGEST = _code_digest()


def sanitizer_version(settings):
    """What a sanitized read depends on besides the file: this code, the embed hosts and
    the level of the problems. The reader stores it with each read (see content_security)."""
    return f"{CODE_DIGEST}:{','.join(embed_hosts(settings))}:{removal_level(settings)}"


def embed_hosts(settings):
    return tuple(host.strip().lower() for host in settings.get("CONTENT_EMBED_HOSTS", DEFAULT_EMBED_HOSTS))


def cover_problem(image):
    """The message for a cover image that is neither a file nor an http(s) address, or None."""
    return None if url_scheme(image) in (None, "http", "https") else messages.cover_message(image)


def removal_level(settings):
    """A strict (publish) build fails on a removal; a development build shows it and goes on."""
    return "error" if settings.get("CONTENT_CHECKS_STRICT") else "warning"


@functools.lru_cache(maxsize=8)
def cleaner(hosts):
    """One nh3 Cleaner per list of embed hosts (building one costs more than a cleaning)."""

    def keep_attribute(tag, name, value):
        if tag == "iframe" and name == "src" and not embed_allowed(value, hosts):
            return None
        return value

    attributes = {tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={"*": set(ANY_TAG_ATTRIBUTES), **attributes},
        attribute_filter=keep_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,  # links stay as editors wrote them
        strip_comments=True,  # editors' notes to themselves are not for the public
    )


def clean_html(html, settings):
    """(clean HTML, [Removal]) for an HTML fragment made from an editor's Markdown."""
    html = MARKDOWN_ALIGNMENT.sub(r'<\1 class="align-\2">', html)
    hosts = embed_hosts(settings)
    cleaned = cleaner(hosts).clean(html)
    if cleaned == html:  # the usual case: nothing to look for
        return html, []
    cleaned = IFRAME_WITHOUT_SRC.sub("", cleaned)  # an embed whose address was refused
    return cleaned, find_removals(html, hosts)


def find_removals(html, hosts):
    finder = RemovalFinder(hosts)
    finder.feed(html)
    finder.close()
    return finder.removals


class RemovalFinder(HTMLParser):
    """Walks the HTML with the allow-list of ``cleaner`` and notes what does not pass."""

    def __init__(self, hosts):
        super().__init__(convert_charrefs=True)
        self.hosts = hosts
        self.removals = []
        self.unknown_open = []  # unknown elements we are in: what they hold goes with them

    def handle_starttag(self, tag, attrs):
        self.check_element(tag, attrs)
        if tag not in ALLOWED_TAGS and tag not in VOID_ELEMENTS:
            self.unknown_open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.check_element(tag, attrs)

    def handle_endtag(self, tag):
        # Closing an unknown element also closes what was left open inside it.
        while tag in self.unknown_open and self.unknown_open.pop() != tag:
            pass

    def check_element(self, tag, attrs):
        if tag in DROPPED_WITH_CONTENT:
            self.report(messages.dropped_element_message(tag), rf"<{tag}\b")
        elif tag not in ALLOWED_TAGS:
            if not self.unknown_open:
                handlers = [name for name, _ in attrs if name.startswith("on")]
                self.report(messages.unknown_tag_message(tag, handlers), rf"<{tag}\b")
        else:
            for name, value in attrs:
                self.check_attribute(tag, name, value or "")

    def check_attribute(self, tag, name, value):
        if name.startswith("on"):
            self.report(messages.handler_message(tag, name), attribute_needle(name))
        elif name == "style":
            self.report(messages.style_message(tag), attribute_needle(name))
        elif name not in ANY_TAG_ATTRIBUTES and name not in TAG_ATTRIBUTES.get(tag, ()):
            self.report(messages.attribute_message(tag, name), attribute_needle(name))
        elif tag == "iframe" and name == "src" and not embed_allowed(value, self.hosts):
            self.report(messages.embed_message(value, self.hosts), re.escape(value[:60]))
        elif name in URL_ATTRIBUTES and not allowed_url(value):
            self.report(messages.url_message(tag, value), re.escape(value[:60]))

    def report(self, message, needle):
        """Raw HTML in Markdown is kept as written: its tag is the surest place to point at;
        ``needle`` finds what Markdown wrote itself ([text](javascript:…))."""
        written = self.get_starttag_text()
        needles = (re.compile(re.escape(written)),) if written else ()
        self.removals.append(Removal(message, (*needles, re.compile(needle, re.IGNORECASE))))


def attribute_needle(name):
    return rf"\b{re.escape(name)}\s*="


def locate(removals, source, first_line):
    """[(line, message)] of the removals, found in ``source`` (which starts at ``first_line``).

    The n-th removal of a kind is put at the n-th place it is written; one not found
    in the source is put at ``first_line``. A message repeated on one line is given once.
    """
    cursors, located = {}, {}
    for removal in removals:
        line = first_line
        for needle in removal.needles:
            key = (needle.pattern, needle.flags, removal.message)
            match = needle.search(source, cursors.get(key, 0))
            if match:
                cursors[key] = match.end()
                line = first_line + source.count("\n", 0, match.start())
                break
        located.setdefault((line, removal.message), None)
    return list(located)
