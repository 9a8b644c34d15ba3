"""Day-first date parsing and Vietnamese date formatting.

Vietnamese writes dates day first: 05/06/2024 is 5 June 2024. dateutil (and
so plain Pelican) reads it month first, so dates are parsed here instead.
"""

import datetime
import re

from pelican.utils import SafeDatetime

from .text import fold

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

_TIME = r"(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
_DAY_FIRST = r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
_ISO = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
_ZONE = r"(?P<zone>Z|[+-]\d{2}:?\d{2})?"

DATE_PATTERNS = (
    re.compile(rf"{_DAY_FIRST}(?:[ T,]+{_TIME})?"),
    re.compile(rf"{_TIME}[ ,]+{_DAY_FIRST}"),
    re.compile(rf"{_ISO}(?:[ T]+{_TIME}(?:\.\d+)?{_ZONE})?"),
)
# Written out, matched without diacritics: "ngày 16 tháng 7 năm 2024 lúc 8 giờ 30".
_LONG = r"(?:ngay\s+)?(?P<day>\d{1,2})\s+thang\s+(?P<month>\d{1,2}),?\s+(?:nam\s+)?(?P<year>\d{4})"
_LONG_TIME = r"(?:luc\s+)?(?P<hour>\d{1,2})\s*(?:gio|h|:)\s*(?:(?P<minute>\d{2})(?:\s*phut)?)?"
LONG_PATTERNS = (
    re.compile(rf"{_LONG}(?:[ ,]+{_LONG_TIME})?"),
    re.compile(rf"{_LONG_TIME}[ ,]+{_LONG}"),
    re.compile(rf"{_DAY_FIRST}[ ,]+{_LONG_TIME}"),  # "27/11/2026 lúc 16 giờ 30", "27/11/2026 16h"
)

EXAMPLE = "15/07/2024 hoặc 15/07/2024 08:30"


class DateError(ValueError):
    """A date an editor wrote that cannot be read; the message is for them."""


def parse_date(text):
    """Read a front-matter date, day first, into a (naive or aware) datetime.

    Accepts ``15/07/2024``, ``15/07/2024 08:30``, ``08:30 15/07/2024``,
    ``15-07-2024``, ``15.07.2024``, ISO ``2024-07-15[ 08:30[:00][+07:00]]``,
    ``15/07/2024 lúc 8 giờ 30`` (or ``8h30``, ``8h``) and the written-out
    ``ngày 15 tháng 7 năm 2024 [lúc 8 giờ 30]``.
    Raises DateError with a Vietnamese explanation otherwise.
    """
    if isinstance(text, datetime.datetime):  # YAML reads 2024-07-15 08:30:00 itself
        return SafeDatetime(*text.timetuple()[:6], tzinfo=text.tzinfo)
    if isinstance(text, datetime.date):
        return SafeDatetime(text.year, text.month, text.day)
    value = " ".join(str(text).split())
    if not value:
        raise DateError(f"Chưa ghi ngày đăng. Ghi ngày theo dạng ngày/tháng/năm, ví dụ {EXAMPLE}.")
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            return _from_match(match, value)
    for pattern in LONG_PATTERNS:
        match = pattern.fullmatch(fold(value))
        if match:
            return _from_match(match, value)
    if re.fullmatch(_TIME, value):
        raise DateError(f'Chỉ có giờ "{value}" mà chưa có ngày. Ghi cả ngày, ví dụ {EXAMPLE}.')
    raise DateError(f'Không đọc được ngày "{value}". Viết ngày theo dạng ngày/tháng/năm, ví dụ {EXAMPLE}.')


def _from_match(match, original):
    parts = match.groupdict()
    day, month, year = int(parts["day"]), int(parts["month"]), int(parts["year"])
    hour = int(parts["hour"] or 0)
    minute = int(parts["minute"] or 0)
    second = int(parts.get("second") or 0)
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise DateError(_impossible_date_message(original, day, month, year)) from None
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(
            f'Giờ trong "{original}" không hợp lệ. Ghi giờ theo dạng 24 giờ, ví dụ 08:30 hoặc 14:00.'
        )
    tzinfo = _zone(parts.get("zone"))
    return SafeDatetime(date.year, date.month, date.day, hour, minute, second, tzinfo=tzinfo)


def _zone(text):
    if not text:
        return None
    if text == "Z":
        return datetime.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return datetime.timezone(sign * offset)


def _impossible_date_message(original, day, month, year):
    if 1 <= day <= 12 < month <= 31:
        return (
            f'Ngày "{original}" có tháng {month} không tồn tại; có lẽ ngày và tháng bị viết ngược. '
            f"Viết ngày trước, tháng sau: {month:02d}/{day:02d}/{year}."
        )
    hint = f"{_last_day(month, year):02d}/{month:02d}/{year}" if 1 <= month <= 12 else EXAMPLE
    return f'Ngày "{original}" không tồn tại. Viết ngày theo dạng ngày/tháng/năm, ví dụ {hint}.'


def _last_day(month, year):
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (next_month - datetime.timedelta(days=1)).day


def format_date(moment):
    """15/07/2024"""
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year}"


def format_datetime(moment):
    """Thứ Hai, 15/07/2024 08:30 (the time is left out when it is midnight)."""
    text = f"{WEEKDAYS[moment.weekday()]}, {format_date(moment)}"
    if moment.hour or moment.minute:
        text += f" {moment.hour:02d}:{moment.minute:02d}"
    return text
