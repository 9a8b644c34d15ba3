"""The credit line of an old article ("Tin, ảnh: Minh Chiến") read into author,
photographer and, when the line says more than the site's own credit line would
(a unit, a source), the ``credit`` to show as written.

Shapes understood: "Tin, ảnh: X" (same person), "BT: X +Hình: Y", "Tin: X – Ảnh: Y",
"X" alone (author), "X, <unit>" / "X (<unit>)" (author and unit), "Nguồn: …" / "Theo …"
(source). Roles are matched with their diacritics ("Ảnh:", not the name "Anh"), or
without when the line has none at all.
"""

import re
import unicodedata
from dataclasses import dataclass

from trangxa.lib.text import fold

AUTHOR_ROLES = (
    "tin bài", "bài viết", "tin", "bài", "bt", "btv", "nội dung", "tác giả", "pv", "phóng viên",
    "nhóm pv", "nhóm phóng viên", "ctv", "cộng tác viên", "người viết", "thực hiện", "biên tập",
)  # fmt: skip
PHOTO_ROLES = ("hình ảnh", "ảnh", "hình")
OTHER_ROLES = ("ảnh minh họa", "ảnh minh hoạ", "video", "clip", "đồ họa", "đồ hoạ", "thiết kế", "quay phim")
SOURCE_ROLES = ("nguồn", "theo")
ROLES = sorted({*AUTHOR_ROLES, *PHOTO_ROLES, *OTHER_ROLES, *SOURCE_ROLES}, key=len, reverse=True)
JOINER = r"\s*(?:,|&|\+|/|-|–|—|và)\s*"
SEPARATORS = " \t+–—-,;|/:"
UNIT_WORDS = re.compile(
    r"^(phong|van phong|ban|hoi|doan|ubnd|hdnd|uy ban|dang uy|chi bo|dang bo|trung tam|cong an|"
    r"tram|truong|bo phan|to|mat tran|mttq|bbt|dai|ban bien tap|cong chuc|can bo|bch|ban chi huy|"
    r"quan su|thon|ap|khu pho|xom|to dan pho)\b"
)
STOP_NAMES = {"het", "tran trong", "xin cam on", "cam on"}
MAX_LENGTH = 120  # longer lines are sentences, not credits


@dataclass
class Credit:
    author: str | None = None
    photographer: str | None = None
    credit: str | None = None  # the line as written, when the site must show it so
    shape: str = ""


def _label_pattern(roles):
    alternatives = "|".join(re.escape(role) for role in roles)
    return re.compile(
        rf"(?:^|(?<=[\s(+\-–—,;|/.]))(?P<label>(?:{alternatives})(?:{JOINER}(?:{alternatives}))*)\s*:",
        re.IGNORECASE,
    )


LABEL = _label_pattern(ROLES)
LABEL_FOLDED = _label_pattern(sorted({fold(role) for role in ROLES}, key=len, reverse=True))


def clean_line(text):
    """Spaces collapsed, wrapping brackets, leading dashes and the final period off."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    text = text.strip(" -–—*•")
    while text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return re.sub(r"\s*(\./\.|\.)$", "", text).strip()


def parse_credit(line):
    """The Credit a line states, or None when it is not a credit line this module knows."""
    text = clean_line(line)
    if not text or len(text) > MAX_LENGTH:
        return None
    has_marks = any(unicodedata.normalize("NFD", c) != c or c in "đĐ" for c in text)
    labels = list((LABEL if has_marks else LABEL_FOLDED).finditer(text))
    if labels:
        return _labelled(text, labels)
    folded = fold(text)
    if folded.startswith("theo "):
        return Credit(credit=text, shape="source")
    person, unit = split_unit(text)
    if person and unit:
        return Credit(author=person, credit=text, shape="author_with_unit")
    if names(text) and folded not in STOP_NAMES:
        return Credit(author=", ".join(names(text)), shape="author_only")
    if UNIT_WORDS.match(folded) and len(text.split()) <= 10 and not re.search(r"[.!?;]", text):
        return Credit(author=text, shape="author_only")
    return None


def _labelled(text, labels):
    if text[: labels[0].start()].strip(SEPARATORS + "()"):
        return None  # words before the first role: not a shape we know
    authors, photographers, needs_credit = [], [], False
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        names = text[label.end() : end].strip(SEPARATORS + " ")
        if not names or len(names) > 80:
            return None
        roles = {fold(role) for role in re.split(JOINER, label["label"].lower())}
        person, unit = split_unit(names)
        if unit:
            needs_credit, names = True, person
        if roles & {fold(r) for r in SOURCE_ROLES} or roles & {fold(r) for r in OTHER_ROLES}:
            needs_credit = True
        if roles & {fold(r) for r in AUTHOR_ROLES}:
            authors.append(names)
        if roles & {fold(r) for r in PHOTO_ROLES}:
            photographers.append(names)
    author = ", ".join(dict.fromkeys(authors)) or None
    photographer = ", ".join(dict.fromkeys(photographers)) or None
    credit = text if needs_credit else None
    if author and photographer:
        shape = "same_person" if fold(author) == fold(photographer) else "author_and_photographer"
    else:
        shape = "author_only" if author else "photographer_only" if photographer else "source"
    return Credit(author, photographer, credit, shape)


def split_unit(text):
    """("X", "unit") for "X, unit", "X - unit", "X (unit)"; (None, None) otherwise.
    Two names ("Thu Hà, Minh Chiến") are two people, not a person and a unit."""
    match = re.match(r"^(?P<person>[^,()–—-]+?)\s*(?P<sep>,|\s[-–—]\s|\()\s*(?P<unit>.+?)\)?$", text)
    if not match or not name_shaped(match["person"]):
        return None, None
    unit = match["unit"].strip()
    if not unit or (match["sep"] == "," and names(unit) and not UNIT_WORDS.match(fold(unit))):
        return None, None
    return match["person"].strip(), unit


def names(text):
    """The people of "Thu Hà, Minh Chiến" (up to four names), or None."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) <= 4 and all(name_shaped(part) for part in parts):
        return parts
    return None


def name_shaped(text):
    """A person's name as Vietnamese writes it: one to six words, each capitalized
    ("Nguyễn Văn A"), none in capitals only."""
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    for word in words:
        word = word.strip(".")
        if not word or not word[0].isupper() or not all(c.isalpha() or c in "-'." for c in word):
            return False
        if len(word) > 1 and word[1:].isupper():  # "TTVH" is a unit's initials, not a name
            return False
    return True


def looks_like_credit(line):
    """A short last line that is no sentence: a credit line of a shape not understood."""
    text = " ".join(line.split())
    return 0 < len(text) <= 80 and not re.search(r"[.!?…;]$", text) and len(text.split()) <= 12
