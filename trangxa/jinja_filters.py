"""Jinja filters for the theme: dates, numbers and titles the Vietnamese way, and line
breaks that fit e-mail and web addresses (``break_addresses``).

The plugin registers them with every Pelican generator; the plain functions
live in ``trangxa.lib`` (dates, text), where other plugins import them too.
"""

import functools
import html
import re

from markupsafe import Markup, escape
from pelican import signals
from pelican.urlwrappers import Category

from .lib.dates import format_date, format_datetime
from .lib.text import format_number, plain_text, truncate_at_word, vietnamese_sorted

_WRAPPING_PARAGRAPH = re.compile(r"^\s*<p>(.*)</p>\s*$", re.DOTALL)


def truncate_title(title, limit=90):
    """Plain-text title cut at a word with "..." (escape it in the template)."""
    return truncate_at_word(plain_text(title), limit)


def unwrap_paragraph(html):
    """Inner HTML of a fragment that is one <p>, so a lead can get its own <p>."""
    html = str(html or "")
    match = _WRAPPING_PARAGRAPH.match(html)
    if match and "<p" not in match.group(1):
        html = match.group(1)
    return Markup(html)


# --- Line breaks inside e-mail addresses and web addresses ------------------------------
# A phone is narrower than "ubnd.tanhoa@binhnguyen.gov.vn" in a side column; left alone, the
# browser breaks it anywhere ("tanho|a@"). <wbr> offers the breaks a reader expects
# (Chicago Manual of Style): after "@" and "://", before a dot, a slash and the like. After a
# hyphen, browsers break by themselves, as in any text. <wbr> is no character: copying,
# search and screen readers see the address unchanged.

_EMAIL = r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)+"
# In escaped text: "&amp;" is the one entity an address holds; others (&nbsp;, typogrify's
# quotes) end it.
_URL = r"(?:\bhttps?://|(?<![\w.@/-])www\.)(?:&amp;|[^\s<>&\"'])+"
_ADDRESS = re.compile(f"{_EMAIL}|{_URL}")
_TRAILING = ".,;:!?'\")]"
# Where a break goes: after "://" and "@"; before . / ? # & = _ ~ % , when it follows a
# letter or digit and something follows it (no break between "//", none before a last "/").
_BREAK = re.compile(r"(?<=://)(?=.)|(?<=@)(?=.)|(?<=[^./?#&=_~%,:@-])(?=[./?#&=_~%,].)")
_TAG = re.compile(r"<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.DOTALL)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_UNBROKEN = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea", "title"})


def _trim(address):
    """An address without the punctuation of the sentence around it."""
    end = len(address)
    while end and address[end - 1] in _TRAILING:
        if address[end - 1] == ")" and address[:end].count("(") >= address[:end].count(")"):
            break  # "…/Tân_Hòa_(xã)" keeps its parenthesis
        end -= 1
    return address[:end]


def _break_address(match):
    escaped = match.group(0)
    address = _trim(escaped)
    rest = escaped[len(address) :]
    pieces = _BREAK.split(html.unescape(address))
    return "<wbr>".join(str(escape(piece)) for piece in pieces) + rest


def break_addresses(value):
    """Text or HTML with <wbr> at the sensible breaks of each e-mail or web address.

    A string is text (escaped first); Markup is HTML, whose text alone changes: tags,
    attributes (href="mailto:…") and the insides of <pre>, <code>, <kbd>… stay as they are.
    """
    source = str(escape(value))
    # Short values (an e-mail in every footer, a teaser on five list pages) come back often.
    return _break_short(source) if len(source) <= 2000 else _break(source)


def _may_hold_address(text):
    return "@" in text or "://" in text or "www." in text


def _break(source):
    # Most pages have addresses in attributes only (href, src): their text is left as it is.
    if not _may_hold_address(source) or not _may_hold_address(_TAG.sub(" ", source)):
        return Markup(source)
    out, inside, position = [], [], 0  # inside: the open elements whose text stays whole
    for tag in _TAG.finditer(source):
        out.append(_break_in_text(source[position : tag.start()], inside))
        out.append(tag.group(0))
        position = tag.end()
        found = _TAG_NAME.match(tag.group(0))
        name = found and found.group(2).lower()
        if name in _UNBROKEN and not found.group(1):
            inside.append(name)
        elif name in inside and found.group(1):
            del inside[len(inside) - 1 - inside[::-1].index(name) :]  # up to its opening tag
    out.append(_break_in_text(source[position:], inside))
    return Markup("".join(out))


_break_short = functools.lru_cache(maxsize=4096)(_break)


def _break_in_text(text, inside):
    return text if inside or not text else _ADDRESS.sub(_break_address, text)


ALL_FILTERS = {
    "vi_date": format_date,
    "vi_datetime": format_datetime,
    "vi_number": format_number,
    "plain_text": plain_text,
    "truncate_title": truncate_title,
    "unwrap_paragraph": unwrap_paragraph,
    "vi_sort": vietnamese_sorted,
    "break_addresses": break_addresses,
}


def category_url(name, settings):
    """The address of a configured category, even in a build that holds none of its
    articles (invoke preview reads one article: its menu still lists every category)."""
    return Category(name, settings).url


def render_once(key, caller, fragments):
    """``{% call render_once(key) %}…{% endcall %}``: the fragment's HTML, rendered at its first
    use in the build and reused for every page with an equal ``key`` (the chrome of 15,000 pages
    is about a seventh of their rendering at 10,000 articles). The fragment must depend on
    nothing but the settings and what ``key`` holds (the page's language, SITEURL…)."""
    html = fragments.get(key)
    if html is None:
        html = fragments[key] = Markup(caller())
    return html


def add_filters(generator):
    generator.env.filters.update(ALL_FILTERS)
    # One store per environment: Pelican makes new ones for each build (make serve builds
    # again in the same process, maybe with other settings or templates).
    generator.env.globals["render_once"] = functools.partial(render_once, fragments={})
    generator.env.filters["category_url"] = functools.partial(category_url, settings=generator.settings)


def register():
    signals.generator_init.connect(add_filters)
