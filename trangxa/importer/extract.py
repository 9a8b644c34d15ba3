"""From a page's blocks to an article: title, date, lead, body, captions, credit.

The same rules for saved HTML and copied text; HTML adds what its tags tell (headings,
the element that holds the article, emphasis, alignment). Nothing is invented: a title
or a date that cannot be established leaves the article a draft, with the reason.
"""

import re
from dataclasses import dataclass, field

from trangxa.lib.text import fold, truncate_at_word

from . import chrome
from .blocks import Block, plain_sentence_end
from .credit import Credit, looks_like_credit, parse_credit
from .dates import date_field, fold_keep_length, lead_date, parse_iso, years_for
from .flags import Flag

LEAD_MIN = 40  # a lead is a real paragraph
CAPTION_MAX = 200  # "a short line right after an image"
DATE_LINE_REST = 20  # letters a date line may hold besides the date and its labels
NUMBERED_HEADING = re.compile(r"^([IVXLC]+|\d+|[a-zđ])[.)]\s")
# A file linked on the old portal (a decision in PDF): gone with the portal.
ATTACHMENT = re.compile(r"\]\((https?://[^)\s]+\.(?:pdf|docx?|xlsx?|pptx?|zip|rar))\)", re.IGNORECASE)


@dataclass
class Article:
    title: str = ""
    date: object = None  # datetime or None
    has_time: bool = False
    lead: Block | None = None
    body: list = field(default_factory=list)
    credit: Credit = field(default_factory=Credit)
    category: str | None = None
    flags: list = field(default_factory=list)
    empty: bool = False  # no text at all: not an article page


def extract(page, categories=()):
    """The Article of a Page (trangxa.importer.html_page, sources.read_text)."""
    article = Article()
    blocks = [strip_null(b) for b in page.blocks]
    region, title = locate(page, blocks)
    if not any(b.is_text() for b in region):
        article.empty = True
        return article
    lead_index = next((i for i, b in enumerate(region) if is_lead(b)), None)
    if lead_index is None:
        lead_index = next(i for i, b in enumerate(region) if b.is_text())
    head, lead, body = region[:lead_index], region[lead_index], region[lead_index + 1 :]
    body = cut_trailer(body)
    field_date, top_credit, kept_head = read_head(head)
    body, tail_date = cut_after_credit(body)
    article.lead = lead
    article.credit, body = read_credit(body, top_credit, article.flags)
    body = remove_repeats([lead, *kept_head, *body], title, article.flags) or [lead]
    article.lead, body = body[0], body[1:]
    article.body = mark_captions(body)
    if any(b.kind == "table" and b.merged_cells for b in body):
        article.flags.append(Flag("table_merged"))
    for block in [article.lead, *body]:
        for address in ATTACHMENT.findall(block.md if block.is_text() else ""):
            article.flags.append(Flag("old_attachment", address))
    article.title = (
        title.text if title else meta_title(page.meta_title) or guess_title(article.lead.text, article.flags)
    )
    set_date(article, page, field_date or tail_date)
    article.category = category_of(page.breadcrumbs, categories)
    return article


def strip_null(block):
    """Liferay prints "null " before a title whose prefix field is empty."""
    if block.is_text() and re.match(r"^null\s+\S", block.text):
        block.text = block.text[4:].lstrip()
        block.md = re.sub(r"^(\W*)null\s+", r"\1", block.md)
    return block


def locate(page, blocks):
    """(the blocks of the article after its title, the title block or None)."""
    for block in blocks:
        if block.is_text() and chrome.is_breadcrumb(block.text):
            page.breadcrumbs.append(block.text)
    if page.container is not None:
        inside = [i for i, b in enumerate(blocks) if page.container in b.path]
        first, last = inside[0], inside[-1]
        lead = next((i for i in inside if is_lead(blocks[i])), first)
        title_at = find_title(blocks, lead, page.meta_title, headings_only=True)
        if title_at is None:  # a title in bold or centred, right before the lead
            title_at = find_title(
                blocks, lead, page.meta_title, begin=max(first - 3, 0), emphasized_only=True
            )
        if title_at is None:
            start = first
        elif title_at >= first or shares_ancestor(blocks[title_at], blocks[first], page.container):
            start = title_at + 1
        else:  # a title far from the article (a page banner): keep only what is inside
            start = first
        candidates = blocks[start : last + 1]
        above = blocks[title_at - 1] if title_at else None
        if (
            above is not None
            and is_date_line(above)
            and shares_ancestor(above, blocks[first], page.container)
        ):
            candidates.insert(0, above)  # the date written above the title (not the header's clock)
    else:
        markers = [i for i, b in enumerate(blocks) if b.is_text() and chrome.is_start_marker(b.text)]
        leads = [i for i, b in enumerate(blocks) if is_lead(b) and (not markers or i > markers[0])]
        # Without the portal's marker, a sidebar's paragraph may come first: the lead is the
        # first paragraph with a title-like line just before it (else the first paragraph).
        lead = next(
            (
                i
                for i in leads
                if markers or find_title(blocks, i, page.meta_title, begin=max(i - 4, 0)) is not None
            ),
            leads[0] if leads else None,
        )
        begin = max((i for i in markers if lead is None or i < lead), default=-1) + 1
        title_at = find_title(blocks, lead if lead is not None else len(blocks), page.meta_title, begin=begin,
                              first_after_marker=bool(markers))  # fmt: skip
        start = title_at + 1 if title_at is not None else begin
        candidates = blocks[start:]
    region = [
        b
        for b in candidates
        if not (b.is_text() and (chrome.is_chrome_line(b.text) or chrome.is_breadcrumb(b.text)))
    ]
    return region, blocks[title_at] if title_at is not None else None


def shares_ancestor(title, first, container):
    """The title and the article's first block are in one element below <body>."""
    container_path = first.path[: first.path.index(container) + 1]
    common = 0
    for a, b in zip(title.path, container_path, strict=False):
        if a != b:
            break
        common += 1
    return common >= 2


def is_lead(block):
    """A paragraph of the article: long enough, a sentence (a long title is not one)."""
    sentence = plain_sentence_end(block.text) or len(block.text) >= 150
    return (
        block.kind in ("para", "item")
        and len(block.text) >= LEAD_MIN
        and sentence
        and not block.link_only
        and not block.caption
        and not is_date_line(block)
        and not (block.is_text() and chrome.trailer_strength(block.text))
    )


def find_title(blocks, lead, meta_title, begin=0, headings_only=False, first_after_marker=False,
               emphasized_only=False):  # fmt: skip
    """Index of the title: a heading before the lead (the one the page's meta title names,
    else the nearest); in copied text, the line after the portal's "Chi tiết bài viết"."""
    candidates = [i for i in range(begin, lead) if is_title_like(blocks[i], headings_only)]
    if emphasized_only:
        candidates = [
            i for i in candidates
            if (blocks[i].bold or blocks[i].align == "center") and not plain_sentence_end(blocks[i].text)
        ]  # fmt: skip
    if not candidates:
        return None
    if first_after_marker:
        return candidates[0]
    if meta_title:
        wanted = fold(meta_title)
        for i in reversed(candidates):
            text = fold(blocks[i].text)
            if text == wanted or (len(text) >= 0.6 * len(wanted) and text in wanted):
                return i
    return candidates[-1]


def is_title_like(block, headings_only):
    if not block.is_text() or block.link_only or not 8 <= len(block.text) <= 300:
        return False
    if (
        chrome.is_chrome_line(block.text)
        or chrome.trailer_strength(block.text)
        or chrome.is_breadcrumb(block.text)
    ):
        return False
    if chrome.SITE_NAME.search(fold(block.text)) or is_date_line(block) or parse_credit_labelled(block.text):
        return False
    if block.kind == "heading" or block.titleish:
        return True
    if headings_only:
        return False
    sentence = re.search(r"[.:;]$|\.\s", block.text)  # a paragraph, not a title
    return len(block.text.split()) >= 4 and len(block.text) >= 15 and not sentence


def parse_credit_labelled(text):
    credit = parse_credit(text)
    return credit is not None and ":" in text


def is_date_line(block):
    """A short line that holds a date and little else: "Ngày đăng: 05/02/2020 | Lượt xem: 12"."""
    if not block.is_text() or len(block.text) > 100 or date_field(block.text) is None:
        return False
    rest = re.sub(
        r"\d+|thu (hai|ba|tu|nam|sau|bay)|chu nhat|ngay|thang|nam|dang|cap nhat|xuat ban|luc|gio|phut|"
        r"luot xem|luot doc|gmt|\W|_",
        "",
        fold_keep_length(block.text),
    )
    return len(rest) <= DATE_LINE_REST


def read_head(head):
    """What lies between the title and the lead: the date line, an author line; images
    are kept; other short lines are the portal's (category, view counter...)."""
    found_date, credit, kept = None, None, []
    for block in head:
        if block.kind in ("image", "table"):
            kept.append(block)
        elif is_date_line(block):
            found_date = found_date or date_field(block.text)
        elif parse_credit_labelled(block.text) and credit is None:
            credit = parse_credit(block.text)
        elif len(block.text) >= LEAD_MIN:
            kept.append(block)
    return found_date, credit, kept


def cut_trailer(body):
    """The body ends at the widgets and lists that follow the article."""
    for index, block in enumerate(body):
        strength = block.is_text() and chrome.trailer_strength(block.text)
        if strength == 2:
            return body[:index]
        if strength == 1 and not any(b.is_text() and len(b.text) >= 200 for b in body[index + 1 :]):
            return body[:index]
    return body


def cut_after_credit(body):
    """Short lines after a credit line with roles ("Tin, ảnh: …") are the portal's; a date
    line among them is the page's date."""
    for index in range(len(body) - 1, max(len(body) - 8, -1), -1):
        block = body[index]
        if block.is_text() and parse_credit_labelled(block.text):
            after = body[index + 1 :]
            if all(b.is_text() and len(b.text) <= 80 for b in after):
                dates = [date_field(b.text) for b in after if is_date_line(b)]
                return body[: index + 1], next((d for d in dates if d), None)
            break
    return body, None


def read_credit(body, top_credit, flags):
    """(Credit, body without the credit line). The last short line, or two ("Tin: X" /
    "Ảnh: Y"); a short last line of another shape stays and is flagged."""
    texts = [i for i, b in enumerate(body) if b.is_text()]
    if texts and texts[-1] == len(body) - 1:
        last = body[-1]
        credit = parse_credit(last.text) if last.kind == "para" else None
        if credit:
            if len(texts) >= 2 and texts[-2] == len(body) - 2 and parse_credit_labelled(body[-2].text):
                merged = parse_credit(f"{body[-2].text} – {last.text}")
                if merged and parse_credit_labelled(last.text):
                    return merged, body[:-2]
            return credit, body[:-1]
        if last.kind == "para" and looks_like_credit(last.text) and not plain_sentence_end(last.text):
            flags.append(Flag("credit_unknown", last.text))
            return top_credit or Credit(), body
    if top_credit:
        return top_credit, body
    flags.append(Flag("credit_missing"))
    return Credit(), body


def remove_repeats(blocks, title, flags):
    """A paragraph repeated right after itself is kept once (the lead is the first)."""
    kept = []
    for block in blocks:
        if block.is_text() and kept and kept[-1].is_text() and kept[-1].text == block.text:
            flags.append(Flag("duplicate_paragraph", truncate_at_word(block.text, 60)))
            continue
        if title and block.is_text() and block.text == title.text and len(kept) <= 1:
            continue  # the title again at the top of the body
        kept.append(block)
    return kept


def mark_captions(body):
    """A short line right after a photo is its caption."""
    for index, block in enumerate(body[:-1]):
        following = body[index + 1]
        if block.kind != "image" or following.kind != "para":
            continue
        if following.caption or (
            len(following.text) <= CAPTION_MAX
            and not following.link_only
            and not NUMBERED_HEADING.match(following.text)
            and len(re.findall(r"[.!?](\s|$)", following.text)) <= 2
        ):
            following.kind = "caption"
    return body


def meta_title(text):
    """The article's title in the page's <title> or og:title, without the site's name
    ("Hội nghị … - Cổng TTĐT xã …"); "" when it names only the portal's page."""
    parts = [p.strip() for p in re.split(r"\s+[-|–—]\s+", text or "") if p.strip()]
    parts = [p for p in parts if not chrome.SITE_NAME.search(fold(p)) and not chrome.is_chrome_line(p)]
    parts = [p for p in parts if not re.search(r"\b(ttdt|ubnd|cong ttdt)\b", fold(p)) or len(p.split()) > 6]
    return parts[0] if len(parts) == 1 and len(parts[0].split()) >= 4 else ""


def guess_title(lead_text, flags):
    sentence = re.split(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ“\"])", lead_text, maxsplit=1)[0]
    title = truncate_at_word(sentence.rstrip("."), 200, "…")
    flags.append(Flag("title_guessed", title))
    return title


def set_date(article, page, field_date):
    """The page's date field, its meta date, else the first date of the lead; a date
    without a year only with the year the rest of the page gives unambiguously."""
    found = field_date
    if found is None:
        found = next((d for d in map(parse_iso, page.meta_dates) if d and d.year), None)
    if found is None:
        found = lead_date(article.lead.text)
        if found is not None and found.year:
            article.flags.append(Flag("date_from_lead", found.text))
        elif found is not None:
            evidence = [*page.evidence, *(b.src for b in page.blocks if b.kind == "image")]
            years = years_for(found.day, found.month, evidence)
            if len(years) == 1:
                ((year, where),) = years.items()
                found = found.__class__(found.position, found.day, found.month, year, text=found.text)
                article.flags.append(Flag("year_inferred", found.text, where))
            else:
                maybe = f" (có thể là năm {' hoặc '.join(map(str, sorted(years)))})" if years else ""
                article.flags.append(Flag("year_missing", found.text, maybe))
                return
    if found is None:
        article.flags.append(Flag("date_missing"))
        return
    article.date = found.moment()
    article.has_time = found.hour is not None


def category_of(breadcrumbs, categories):
    """The site category a breadcrumb names ("Trang chủ › Tin tức - Sự kiện"), if any."""

    def key(text):
        return re.sub(r"[\s\-–—]+", " ", fold(text)).strip()

    wanted = {key(name): name for name in categories}
    found = None
    for trail in breadcrumbs:
        for crumb in re.split(r"\s*[>»›/|]\s*", trail):
            found = wanted.get(key(crumb), found)
    return found
