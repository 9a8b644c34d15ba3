"""A saved HTML page read into blocks (BeautifulSoup), with what its head tells: the
old address, the title and dates of its meta tags, and the element that holds the
article (the one with the most paragraph text, as reading modes find it)."""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from . import chrome
from .blocks import Block, collapse, escape

# Elements that never hold the article's text; elements that start a new block.
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "svg", "canvas", "object", "embed", "audio",
    "video", "map", "area", "select", "option", "button", "input", "textarea", "nav", "aside",
    "iframe", "frame", "frameset", "label", "link", "meta", "title", "dialog",
})  # fmt: skip
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
})  # fmt: skip
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LEAVES = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "figcaption"}
)
NOT_INLINE_LIST = sorted(BLOCK_TAGS | {"img", "br", "iframe", "table"})
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)
SINGLE_FILE = re.compile(r"url:\s*(https?://\S+)")
LAZY_SRC = ("data-src", "data-original", "data-lazy-src", "data-srcset")


@dataclass
class Page:
    blocks: list
    kind: str  # "html" or "text"
    old_urls: list = field(default_factory=list)
    meta_title: str = ""
    meta_dates: list = field(default_factory=list)
    breadcrumbs: list = field(default_factory=list)
    container: object = None  # id of the element holding the article (HTML)
    evidence: list = field(default_factory=list)  # texts where a year may be found
    base_url: str = ""


@dataclass
class Context:
    path: tuple = ()
    element: object = None
    heading: int = 0
    item: bool = False
    ordered: bool = False
    group: int = 0
    italic: bool = False
    bold: bool = False
    link: str = ""
    align: str = ""
    caption: bool = False
    titleish: bool = False
    dateish: bool = False
    in_article: bool = False


def read_html(html):
    """The Page of an HTML document (text already decoded)."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup(["script", "style", "noscript", "template"]):
        script.decompose()
    page = Page([], "html")
    read_head(soup, page)
    for by_class in (True, False):  # a page whose every paragraph is in a misleading class: again
        page.breadcrumbs = []
        walker = Walker(page, by_class)
        walker.visit(soup.body or soup, Context())
        walker.flush()
        page.blocks = walker.blocks
        if any(b.is_text() and len(b.text) >= 80 for b in page.blocks):
            break
    page.evidence.append(collapse(soup.get_text(" ")))
    page.container = find_container(page.blocks)
    return page


def read_head(soup, page):
    urls = []
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        found = SAVED_FROM.search(comment) or ("SingleFile" in comment and SINGLE_FILE.search(comment))
        if found:
            urls.append(found.group(1))
    canonical = soup.find("link", rel=lambda r: r and "canonical" in r)
    og_url = soup.find("meta", property="og:url")
    urls += [canonical and canonical.get("href"), og_url and og_url.get("content")]
    base = soup.find("base", href=True)
    page.old_urls = [u.strip() for u in urls if u and u.strip()]
    page.base_url = (base and base["href"]) or (page.old_urls[0] if page.old_urls else "")
    for name in ("og:title", "twitter:title"):
        tag = soup.find("meta", property=name) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content"):
            page.meta_title = collapse(tag["content"]).strip()
            break
    if not page.meta_title and soup.title and soup.title.string:
        page.meta_title = collapse(soup.title.string).strip()
    for attrs in (
        {"property": "article:published_time"},
        {"itemprop": "datePublished"},
        {"name": re.compile(r"^(pubdate|publishdate|date|dc\.date\.issued)$", re.I)},
    ):
        for tag in soup.find_all(attrs=attrs):
            page.meta_dates.append(tag.get("content") or tag.get("datetime") or tag.get_text(" "))
    for tag in soup.find_all("time", datetime=True):
        page.meta_dates.append(tag["datetime"])
    page.evidence += page.old_urls + page.meta_dates


class Walker:
    """Turns the element tree into blocks; inline elements become Markdown."""

    def __init__(self, page, by_class=True):
        self.page = page
        self.by_class = by_class  # drop elements whose class or id says they are the portal's
        self.blocks = []
        self.pieces = []  # (md, text, italic chars, bold chars, link chars)
        self.context = None
        self.groups = 0

    def visit(self, node, ctx):
        if isinstance(node, (Comment, Doctype, ProcessingInstruction)):
            return
        if isinstance(node, NavigableString):
            self.add_text(str(node), ctx)
            return
        if not isinstance(node, Tag):
            return
        name = node.name.lower()
        if name in DROP_TAGS or (name == "footer" and not ctx.in_article):
            return
        if chrome.is_chrome_element(node, self.by_class):
            if "breadcrumb" in chrome.joined(node):
                crumbs = [collapse(t).strip(" /›»>") for t in node.stripped_strings]
                self.page.breadcrumbs.append(" › ".join(c for c in crumbs if c))
            return
        if name in ("br", "hr"):
            self.flush()
        elif name == "img":
            self.flush()
            self.add_image(node, ctx)
        elif name == "table" and is_data_table(node):
            self.flush()
            self.add_table(node, ctx)
        elif name in BLOCK_TAGS:
            self.flush()
            inner = self.enter_block(node, name, ctx)
            for child in list(node.children):
                self.visit(child, inner)
            self.flush()
        elif name in ("strong", "b", "em", "i", "a", "span", "font", "u") and not node.find(NOT_INLINE_LIST):
            md, text, stats = render_inline(node, ctx, self.page.base_url, by_class=self.by_class)
            self.add_piece(md, text, stats, ctx)
        else:
            inner = enter_inline(node, name, ctx, self.page.base_url)
            for child in list(node.children):
                self.visit(child, inner)

    def enter_block(self, node, name, ctx):
        words = chrome.tokens(node)
        inner = Context(**vars(ctx))
        inner.path = (*ctx.path, id(node))
        inner.element = node
        inner.align = alignment(node) or ctx.align
        # A class says what a small element holds ("header-title", "date"); on a large one
        # ("show-asset-title" around the whole article) it says nothing of each line.
        size = (
            len(node.get_text())
            if words & (chrome.CAPTION_TOKENS | chrome.TITLE_TOKENS | chrome.DATE_TOKENS)
            else 0
        )
        inner.caption = (
            ctx.caption or name == "figcaption" or bool(words & chrome.CAPTION_TOKENS and size <= 400)
        )
        inner.titleish = ctx.titleish or bool(words & chrome.TITLE_TOKENS and size <= 300)
        inner.dateish = ctx.dateish or bool(words & chrome.DATE_TOKENS and size <= 100)
        inner.in_article = ctx.in_article or name in ("article", "main")
        if name in HEADINGS:
            inner.heading = HEADINGS[name]
        if name in ("ul", "ol"):
            self.groups += 1
            inner.group, inner.ordered = self.groups, name == "ol"
        if name == "li":
            inner.item = True
        return inner

    def add_text(self, text, ctx):
        text = collapse(text)
        if not text:
            return
        md = escape(text)
        if text.strip():
            md = wrap(md, "*") if ctx.italic else md
            md = wrap(md, "**") if ctx.bold else md
            if ctx.link:
                md = f"[{md.strip()}]({ctx.link})" if md.strip() else md
        letters = len(text.strip())
        stats = (letters if ctx.italic else 0, letters if ctx.bold else 0, letters if ctx.link else 0)
        self.add_piece(md, text, stats, ctx)

    def add_piece(self, md, text, stats, ctx):
        if not self.pieces:
            self.context = ctx
        self.pieces.append((md, text, *stats))

    def flush(self):
        pieces, self.pieces = self.pieces, []
        text = collapse("".join(p[1] for p in pieces)).strip()
        if not text:
            return
        ctx = self.context
        # Runs of emphasis next to each other (<b>Tin</b><b>, ảnh</b>) make one.
        md = collapse("".join(p[0] for p in pieces)).replace("****", "").replace("** **", " ").strip()
        letters = len(text.replace(" ", ""))
        italic, bold, link = (sum(p[i] for p in pieces) for i in (2, 3, 4))
        kind = "heading" if ctx.heading else "item" if ctx.item else "para"
        self.blocks.append(
            Block(
                kind, text, md, level=ctx.heading, ordered=ctx.ordered, group=ctx.group,
                italic=italic >= 0.9 * letters, bold=bold >= 0.9 * letters,
                link_only=link >= 0.9 * letters, link_chars=link, align=ctx.align, caption=ctx.caption,
                titleish=ctx.titleish, dateish=ctx.dateish, path=ctx.path, element=ctx.element,
            )
        )  # fmt: skip

    def add_image(self, node, ctx):
        src = str(node.get("src") or "").strip()
        for attribute in LAZY_SRC:
            lazy = str(node.get(attribute) or "").strip().split(" ")[0]
            if lazy and (not src or src.startswith("data:image/gif") or "blank" in src or "loading" in src):
                src = lazy
        if not src or is_icon(node, src):
            return
        alt = collapse(str(node.get("alt") or node.get("title") or "")).strip()
        path = (*ctx.path, id(node))
        self.blocks.append(Block("image", src=src, alt=alt, align=ctx.align, path=path, element=node))

    def add_table(self, node, ctx):
        rows, merged = [], False
        for row in node.find_all("tr"):
            cells = []
            for cell in row.find_all(["td", "th"], recursive=False):
                md, _, _ = render_inline(cell, ctx, self.page.base_url, flatten=True)
                cells.append(md.replace("|", "\\|").strip())
                merged = merged or any(int(cell.get(a, 1) or 1) > 1 for a in ("rowspan", "colspan"))
            if any(cells):
                rows.append(cells)
        if rows:
            text = " ".join(" ".join(r) for r in rows)
            self.blocks.append(
                Block(
                    "table",
                    text=text,
                    rows=rows,
                    merged_cells=merged,
                    path=(*ctx.path, id(node)),
                    element=node,
                )
            )


def enter_inline(node, name, ctx, base_url):
    inner = Context(**vars(ctx))
    inner.italic = ctx.italic or name in ("em", "i")
    inner.bold = ctx.bold or name in ("strong", "b")
    if name == "a":
        inner.link = link_target(node, base_url) or ctx.link
    return inner


def render_inline(node, ctx, base_url, flatten=False, by_class=True):
    """(Markdown, text, (italic, bold, link) letters) of an element holding only inline content.

    ``flatten``: block content too, on one line (a table cell)."""
    if isinstance(node, NavigableString):
        if isinstance(node, (Comment, Doctype, ProcessingInstruction)):
            return "", "", (0, 0, 0)
        text = collapse(str(node))
        letters = len(text.strip())
        return (
            escape(text),
            text,
            (letters if ctx.italic else 0, letters if ctx.bold else 0, letters if ctx.link else 0),
        )
    name = node.name.lower() if isinstance(node, Tag) else ""
    if not name or name in DROP_TAGS or chrome.is_chrome_element(node, by_class):
        return "", "", (0, 0, 0)
    parts = [" "] if name in ("br", "img") or (flatten and name in BLOCK_TAGS) else []
    inner = enter_inline(node, name, ctx, base_url)
    mds, texts, stats = [], [], [0, 0, 0]
    for child in node.children:
        md, text, counts = render_inline(child, inner, base_url, flatten, by_class)
        mds.append(md)
        texts.append(text)
        stats = [a + b for a, b in zip(stats, counts, strict=True)]
    md, text = "".join(parts + mds + parts), "".join(parts + texts + parts)
    if name in ("strong", "b") and not ctx.bold:
        md = wrap(md, "**")
    elif name in ("em", "i") and not ctx.italic:
        md = wrap(md, "*")
    elif name == "a" and inner.link and inner.link != ctx.link and md.strip():
        lead, trail = md[: len(md) - len(md.lstrip())], md[len(md.rstrip()) :]
        md = f"{lead}[{md.strip()}]({inner.link}){trail}"
    return md, text, tuple(stats)


def wrap(md, marker):
    if not md.strip():
        return md
    lead, trail = md[: len(md) - len(md.lstrip())], md[len(md.rstrip()) :]
    return f"{lead}{marker}{md.strip()}{marker}{trail}"


def link_target(node, base_url):
    href = str(node.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "data:")):
        return ""
    href = urljoin(base_url, href) if base_url else href
    if not re.match(r"^(https?://|mailto:|tel:)", href):
        return ""
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def alignment(node):
    style = str(node.get("style") or "").replace(" ", "").lower()
    found = re.search(r"text-align:(center|right|justify|left)", style)
    value = found.group(1) if found else str(node.get("align") or "").lower()
    return value if value in ("center", "right") else ""


def is_icon(node, src):
    """Spacers, icons and buttons: no photo of the article."""
    for attribute in ("width", "height"):
        value = re.match(r"\d+", str(node.get(attribute) or ""))
        if value and int(value.group(0)) <= 40:
            return True
    name = src.rsplit("/", 1)[-1].lower()
    return bool(
        re.search(
            r"(spacer|blank|icon|logo|button|btn|print|email|facebook|zalo|twitter|rss|arrow|bullet)", name
        )
    )


def is_data_table(node):
    """A table of data (rows and columns of text), not a table used for layout."""
    if node.find("table") or node.find("img") or node.find("iframe"):
        return False
    rows = node.find_all("tr")
    widths = [len(row.find_all(["td", "th"], recursive=False)) for row in rows]
    return len(rows) >= 2 and max(widths, default=0) >= 2


def find_container(blocks):
    """id of the element with the most paragraph text (its paragraphs, half of its
    children's), lowered by the share of link text, raised by a class such as "content"."""
    scores, elements = {}, {}
    for block in blocks:
        if (
            block.kind not in ("para", "item")
            or len(block.text) < 25
            or block.link_only
            or block.element is None
        ):
            continue
        points = 1 + block.text.count(",") + min(len(block.text) // 100, 3)
        target = block.element.parent if block.element.name in LEAVES else block.element
        for weight in (1, 0.5):
            if not isinstance(target, Tag) or target.name in ("[document]", "html"):
                break
            scores[id(target)] = scores.get(id(target), 0) + points * weight
            elements[id(target)] = target
            target = target.parent
    if not scores:
        return None
    text_of, links_of = {}, {}
    for block in blocks:
        for key in block.path:
            if key in scores:
                text_of[key] = text_of.get(key, 0) + len(block.text)
                links_of[key] = links_of.get(key, 0) + block.link_chars

    def final(key):
        density = links_of.get(key, 0) / max(text_of.get(key, 1), 1)
        bonus = 5 if chrome.tokens(elements[key]) & chrome.CONTENT_TOKENS else 0
        return scores[key] * (1 - density) + bonus

    return max(scores, key=final)
