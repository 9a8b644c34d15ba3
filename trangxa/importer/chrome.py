"""What the old portals put around an article: texts, class names and tags to drop.

Matching is done on folded text (``trangxa.lib.text.fold``: no diacritics, lower case), and
only on short blocks: a sentence of the article that happens to start with "Đánh giá" or
"Bình luận" is never taken for a widget.
"""

import re

from trangxa.lib.text import fold

SHORT = 60  # a widget's or a menu's line is shorter than this

# Lines of the portal's frame, anywhere on the page (rating, comments, captcha, share
# buttons, print, view counters, font size), and the titles of the portlet itself.
_CHROME_LINES = r"""
xuat ban thong tin
chi tiet( bai viet| tin| tin bai| noi dung)?( tin tuc| su kien| tin tuc - su kien| tin hoat dong)?
null
danh gia( bai viet| trung binh| cua ban)?( ?:)?( \(?\d+(/\d+)?\)?)?
\(?\d+ ?(luot|nguoi) (danh gia|binh chon|xem|thich)\)?
(luot|so luot) (danh gia|binh chon|xem|doc|truy cap)( ?: ?[\d.,]*)?
\(\s*\d*\s*\)
\d+([.,]\d+)? ?/ ?5( sao)?
(gui |viet |y kien )?binh luan( \(\d+\))?( cua ban)?
y kien (ban doc|cua ban)
(nhap )?(ma xac (thuc|nhan)|ma bao ve|ma captcha|captcha)( ?: ?.*)?
(doi|lay|thay doi|tao) ma( khac| moi)?
moi ban (la nguoi dau tien|gui).*
(hay la nguoi dau tien|chua co (binh luan|y kien)).*
(ho (va )?ten|dia chi email|email|so dien thoai|noi dung|tieu de)( \*)?( ?:)?
(gui|lam lai|nhap lai|huy|dong y|xoa|tim kiem|dang nhap|dang ky)
(chia se|share|tweet|like|thich|facebook|zalo|twitter)( bai viet| len \w+)?( ?:)?
(in|in bai|in bai viet|in trang|ban in|print|gui email|gui mail|gui cho ban be|luu tin|luu bai|email)
(len|ve) dau trang|(quay|tro) (lai|ve)|tro lai|xem tiep|xem them|doc tiep|back|top
co chu( ?:)?( a[-+]?)*
(a[-+]? ){2,}a[-+]?
(ngay |thoi gian )?(dang|cap nhat|xuat ban)( luc| ngay)?( ?:)?
(nguoi dang|nguoi cap nhat|tai khoan|admin)( ?: ?.*)?
(tu khoa|the|tags?)( ?: ?.*)?
"""
CHROME_LINE = re.compile("|".join(f"(?:{p})" for p in _CHROME_LINES.strip().splitlines()))

# Titles of what follows an article: the other-news list, the widgets, the sidebars. The
# body ends at the first strong one after the lead; at a weak one only when no long
# paragraph follows (a short "Video" heading may belong to the article).
_STRONG_TRAILERS = r"""
(cac )?(thong tin|tin|bai viet|bai) (khac|lien quan|cung chuyen muc|moi hon|cu hon|da dua)
danh gia( bai viet)?
(gui |y kien )?binh luan|y kien ban doc|gui y kien
lien ket website|lien ket web|website lien ket|weblinks?
thong ke( truy cap)?|(so luot|tong (so )?luot|luot) truy cap( ?: ?[\d.,]+)?
(dang )?(online|truc tuyen|truy cap)( ?: ?[\d.,]+)?
"""
_WEAK_TRAILERS = r"""
tin (moi|moi nhat|noi bat|doc nhieu|xem nhieu|tieu diem|anh)
(doc|xem) nhieu( nhat)?|lien ket( khac)?
ban do( hanh chinh| dia gioi)?|(danh sach )?bai hat|nghe nhac|am nhac
thu vien (video|anh|hinh anh)|video|video clip|hinh anh hoat dong|phong su anh
van ban( moi| chi dao( dieu hanh)?| phap luat)?|lich cong tac( tuan)?
tham do y kien|tien ich|chuyen muc|danh muc
"""
STRONG_TRAILER = re.compile("|".join(f"(?:{p})" for p in _STRONG_TRAILERS.strip().splitlines()))
WEAK_TRAILER = re.compile("|".join(f"(?:{p})" for p in _WEAK_TRAILERS.strip().splitlines()))

# Where the article starts in text copied from a Liferay portal.
START_MARKERS = re.compile(r"xuat ban thong tin|chi tiet( bai viet| tin)?( tin tuc| su kien)?")

BREADCRUMB = re.compile(r"^trang chu\s*([>»›/|]|-|–)")

# class/id tokens of elements to drop with everything inside them
CHROME_TOKENS = frozenset({
    "breadcrumb", "breadcrumbs", "menu", "menus", "navbar", "navigation", "nav", "sidebar", "dockbar",
    "footer", "rating", "ratings", "stars", "discussion", "comment", "comments", "captcha", "share",
    "sharing", "social", "bookmarks", "addthis", "sharethis", "a2a", "fb", "zalo", "twitter", "print",
    "toolbar", "related", "counter", "statistic", "statistics", "thongke", "online", "visitor",
    "banner", "advert", "advertisement", "ads", "quangcao", "marquee", "music", "song", "songs",
    "baihat", "audio", "player", "bando", "search", "login", "signin", "poll", "vote", "calendar",
    "weather", "hotline", "clock", "language", "pagination", "paging", "pager", "hidden", "hide",
    "invisible", "tags", "tag",
})  # fmt: skip
# Longer markers, looked for in the class/id with separators removed.
CHROME_JOINED = (
    "tinkhac", "tinlienquan", "baivietkhac", "baivietlienquan", "othernews", "relatednews",
    "relatedarticles", "newsother", "newsrelated", "otherarticles", "assetlinks", "assetratings",
    "taglibratings", "lfrdiscussion", "socialbookmarks", "weblink", "lienket", "srhelper",
    "helperhidden", "headerbackto", "visuallyhidden", "sronly",
)  # fmt: skip
# Tokens that say an element holds the article (container scoring).
CONTENT_TOKENS = frozenset({
    "article", "content", "detail", "details", "body", "entry", "post", "news", "journal", "noidung",
    "chitiet", "main", "story", "text",
})  # fmt: skip
TITLE_TOKENS = frozenset({
    "title", "tieude", "headline", "heading",
})  # fmt: skip
DATE_TOKENS = frozenset({
    "date", "time", "datetime", "ngay", "ngaydang", "publish", "published", "pubdate", "created",
})  # fmt: skip
CAPTION_TOKENS = frozenset({
    "caption", "chuthich", "figcaption", "imagecaption",
})  # fmt: skip
SITE_NAME = re.compile(r"cong thong tin|trang thong tin dien tu|website|portal")


def folded(text):
    """Folded form of a short line, its closing colon and spaces off."""
    return fold(text).strip(" :.-–|•*")


def is_chrome_line(text):
    return len(text) <= SHORT and bool(CHROME_LINE.fullmatch(folded(text)))


def trailer_strength(text):
    """2 for a strong trailer title, 1 for a weak one, 0 for a line of the article."""
    if len(text) > SHORT:
        return 0
    line = folded(text)
    return 2 if STRONG_TRAILER.fullmatch(line) else 1 if WEAK_TRAILER.fullmatch(line) else 0


def is_start_marker(text):
    return len(text) <= SHORT and bool(START_MARKERS.fullmatch(folded(text)))


def is_breadcrumb(text):
    return bool(BREADCRUMB.match(fold(text)))


def tokens(tag):
    """The class and id words of an element, folded, split at - and _."""
    words = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    return set(re.split(r"[\s_\-]+", fold(words))) - {""}


def joined(tag):
    words = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    return re.sub(r"[^a-z0-9]", "", fold(words))


def is_chrome_element(tag, by_class=True):
    """An element of the portal's frame, by its class or id, or hidden. A class may mislead
    ("print-content" around the whole article): an element holding paragraphs of prose is
    kept, unless it is the comments."""
    if tag.get("hidden") is not None or tag.get("aria-hidden") == "true":
        return True
    style = str(tag.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if not by_class:
        return False
    words, markers = tokens(tag), joined(tag)
    if not (words & CHROME_TOKENS or any(marker in markers for marker in CHROME_JOINED)):
        return False
    if words & COMMENT_TOKENS:
        return True
    return not holds_prose(tag)


COMMENT_TOKENS = frozenset({"comment", "comments", "discussion", "captcha", "rating", "ratings"})


def holds_prose(tag):
    """Paragraphs of prose (80 letters or more, not links), 250 letters in all."""
    prose = 0
    for paragraph in tag.find_all(["p", "div", "td"], limit=400):
        if paragraph.find(["p", "div", "td"]):
            continue
        text = paragraph.get_text(" ", strip=True)
        if len(text) >= 80 and len("".join(a.get_text() for a in paragraph.find_all("a"))) < len(text) / 2:
            prose += len(text)
            if prose >= 250:
                return True
    return False
