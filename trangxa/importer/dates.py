"""Dates in the text of an old page: full ones, ones without a year, and the evidence
that may complete a date without a year. Day first, always (05/02/2020 is 5 February).

Nothing here invents a date: a date without a year is completed only when every full
date of the page with the same day and month has the same year.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

FIRST_YEAR = 1990  # older "dates" are numbers of something else


def fold_keep_length(text):
    """Lower case without diacritics, one character for one: positions stay valid."""
    out = []
    for char in text:
        if char in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", char)[0]
        out.append(base.lower()[:1] or base)
    return "".join(out)


@dataclass(frozen=True)
class Found:
    position: int
    day: int
    month: int
    year: int | None  # None: written without a year ("Sáng 15/7")
    hour: int | None = None
    minute: int | None = None
    text: str = ""

    def moment(self, year=None):
        year = year or self.year
        return datetime.datetime(year, self.month, self.day, self.hour or 0, self.minute or 0)

    def day_month(self):
        return f"{self.day}/{self.month}"


_DMY = (
    r"(?<![\d/.-])(?P<day>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<month>\d{1,2})\s?(?P=sep)\s?"
    r"(?P<year>\d{4})(?![\d/])"
)
_ISO = r"(?<![\d/.-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d/])"
_LONG = r"ngay\s+(?P<day>\d{1,2})\s+thang\s+(?P<month>\d{1,2})(?:\s*,)?\s+nam\s+(?P<year>\d{4})"
FULL_PATTERNS = tuple(re.compile(p) for p in (_DMY, _ISO, _LONG))
# Without a year, only after a word that says "on the day": "Sáng 15/7", "chiều ngày 3/9",
# "ngày 3 tháng 9" (12/15 chỉ tiêu, 3/4 số hộ are not dates).
_DAY_WORD = r"(?:\b(?:sang|chieu|toi|trua|dem|ngay|hom)\s+)(?:ngay\s+)?"
_NO_YEAR = (
    rf"{_DAY_WORD}(?P<day>\d{{1,2}})\s?/\s?(?P<month>\d{{1,2}})(?!\s?/\s?\d)(?!\d)",
    rf"{_DAY_WORD}(?P<day>\d{{1,2}})\s+thang\s+(?P<month>\d{{1,2}})(?!\d)(?!\s*,?\s*nam\s+\d)",
)
NO_YEAR_PATTERNS = tuple(re.compile(p) for p in _NO_YEAR)
TIME = re.compile(r"(?<![\d:])(?P<hour>[01]?\d|2[0-3])\s?(?::|h|gio)\s?(?P<minute>[0-5]\d)(?![\d])")
PART_OF_DAY = re.compile(r"\b(sang|chieu|toi|trua|dem)\b")
# Compact dates in file names and addresses: IMG_20190903_0815.jpg, /2019/09/03/.
COMPACT = (
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?!\d)"),
)


def _valid(day, month, year):
    try:
        datetime.date(year or 2000, month, day)  # 29/2 without a year: possible
    except ValueError:
        return False
    return year is None or FIRST_YEAR <= year <= datetime.date.today().year + 1


def find_dates(text, with_yearless=True):
    """Dates written in ``text``, in order of appearance."""
    folded = fold_keep_length(text)
    found = []
    for pattern in FULL_PATTERNS:
        for match in pattern.finditer(folded):
            day, month, year = int(match["day"]), int(match["month"]), int(match["year"])
            if _valid(day, month, year):
                found.append(Found(match.start(), day, month, year, text=text[match.start() : match.end()]))
    taken = [(f.position, f.position + len(f.text)) for f in found]
    if with_yearless:
        for pattern in NO_YEAR_PATTERNS:
            for match in pattern.finditer(folded):
                start = match.start("day")
                if any(a <= start < b for a, b in taken):
                    continue
                day, month = int(match["day"]), int(match["month"])
                if _valid(day, month, None):
                    found.append(
                        Found(start, day, month, None, text=text[match.start() : match.end()].strip())
                    )
    return sorted(found, key=lambda f: f.position)


def date_field(text):
    """The date (and time) of a short date line: "Ngày đăng: 05/02/2020 15:30",
    "10:25 | 05/02/2020", "Thứ Tư, 05/02/2020". None when it holds no full date."""
    dates = [f for f in find_dates(text, with_yearless=False)]
    if not dates:
        return None
    date = dates[0]
    folded = fold_keep_length(text)
    time = TIME.search(folded)
    if time:
        hour = int(time["hour"])
        if hour < 12 and re.match(r"\s?(pm|ch\b|chieu)", folded[time.end() :]):  # "08:30 PM", "08:30 CH"
            hour += 12
        return Found(date.position, date.day, date.month, date.year, hour, int(time["minute"]), text)
    return date


def lead_date(text):
    """The date of the event a lead tells: the first date said with a part of the day
    ("Chiều ngày 05/02/2020"), else the first date (with or without a year)."""
    dates = find_dates(text)
    folded = fold_keep_length(text)
    for date in dates:
        before = folded[max(0, date.position - 16) : date.position]
        if PART_OF_DAY.search(before):
            return date
    return dates[0] if dates else None


def years_for(day, month, evidence):
    """{year: where it was read} for the full dates with this day and month found in
    ``evidence`` (texts of the page, its addresses, its photos' names)."""
    years = {}
    for text in evidence:
        for found in find_dates(text, with_yearless=False):
            if (found.day, found.month) == (day, month):
                years.setdefault(found.year, found.text)
        for pattern in COMPACT:
            for match in pattern.finditer(text):
                values = int(match["day"]), int(match["month"]), int(match["year"])
                if values[:2] == (day, month) and _valid(*values):
                    start = max(text.rfind("/", 0, match.start()), text.rfind(" ", 0, match.start())) + 1
                    end = min(
                        [i for i in (text.find(" ", match.end()), text.find("/", match.end())) if i >= 0]
                        or [len(text)]
                    )
                    years.setdefault(values[2], text[start:end])
    return years


def parse_iso(text):
    """A date from a meta tag or <time datetime>: ISO, or day first."""
    text = str(text or "").strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", text)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if _valid(day, month, year):
            hour = int(match[4]) if match[4] else None
            return Found(0, day, month, year, hour, int(match[5]) if match[5] else None, text)
        return None
    return date_field(text)
