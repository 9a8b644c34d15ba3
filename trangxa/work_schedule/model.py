"""One week's schedule file, read and checked (plain functions, no Pelican).

A file is named ``<năm>-tuan-<số tuần>.yml`` (ISO weeks: ``2026-tuan-49.yml`` is the week of
Monday 30/11/2026) and holds a mapping::

    updated: 27/11/2026 16:30        # optional: when the office last changed it
    note: Lịch có thể thay đổi…      # optional
    items:
      - day: 30/11/2026               # or 30/11 (the year of the week)
        time: 7h30                    # 7h30, 07:30, 14h; or sáng, chiều, tối, cả ngày
        content: Chào cờ đầu tuần…
        chair: Đ/c Nguyễn Văn Hòa, Chủ tịch UBND xã
        place: Hội trường UBND xã
        participants: …               # optional
        preparation: Văn phòng HĐND và UBND xã   # optional

The YAML is read as a node tree and every value as the text written (YAML would read
``7:30`` as the number 450 and ``2026-11-30`` as a date), so that each problem is found at
its line. A problem in one item leaves that item out; a file whose name or structure
cannot be read is left out whole (``Week.blocking``).
"""

import contextlib
import dataclasses
import datetime
import difflib
import re

import yaml

from trangxa.lib.dates import WEEKDAYS, DateError, format_date, parse_date
from trangxa.lib.problems import problem
from trangxa.lib.text import fold

FILE_NAME = re.compile(r"(?P<year>\d{4})-tuan-(?P<week>\d{1,2})\.ya?ml")
NAME_EXAMPLE = "2026-tuan-49.yml"
TOP_KEYS = ("updated", "note", "items")
ITEM_KEYS = ("day", "time", "content", "chair", "place", "participants", "preparation")
REQUIRED = ("day", "time", "content")
LABELS = {
    "day": "ngày",
    "time": "giờ",
    "content": "nội dung",
    "chair": "chủ trì",
    "place": "địa điểm",
    "participants": "thành phần",
    "preparation": "chuẩn bị",
}
# Names an editor may write instead (folded, "-" and " " as "_"): the message names the right one.
LIKELY = {
    "ngay": "day",
    "date": "day",
    "thu": "day",
    "gio": "time",
    "thoi_gian": "time",
    "hour": "time",
    "noi_dung": "content",
    "title": "content",
    "cong_viec": "content",
    "chu_tri": "chair",
    "lanh_dao": "chair",
    "dia_diem": "place",
    "location": "place",
    "noi": "place",
    "thanh_phan": "participants",
    "tham_du": "participants",
    "chuan_bi": "preparation",
    "cap_nhat": "updated",
    "ghi_chu": "note",
    "lich": "items",
    "cong_viec_trong_tuan": "items",
}
# Times written as a part of the day: (minutes used to order them, label shown).
DAY_PARTS = {"ca ngay": (0, "Cả ngày"), "sang": (7 * 60, "Sáng"), "chieu": (13 * 60 + 30, "Chiều")}
DAY_PARTS["toi"] = (19 * 60, "Tối")
TIME = re.compile(r"(?P<hour>\d{1,2})\s*(?:h|giờ|:)\s*(?P<minute>\d{2})?(?:\s*(?:phút|p))?", re.IGNORECASE)
DAY = re.compile(r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})(?:[/.-](?P<year>\d{4}))?")
TIME_EXAMPLE = "7h30, 07:30 hoặc 14h (hoặc sáng, chiều, tối, cả ngày)"


@dataclasses.dataclass
class Item:
    day: datetime.date
    minutes: int  # from midnight, to order the day's items
    time_label: str  # "7h30", "Sáng"
    time_iso: str  # "07:30", or "" for a part of the day
    content: str
    chair: str = ""
    place: str = ""
    participants: str = ""
    preparation: str = ""
    line: int = 1
    order: int = 0  # position in the file: items at the same time keep it


@dataclasses.dataclass
class Week:
    """One file: its week (ISO year and number), its items, its problems."""

    path: str  # under content/, POSIX
    source_path: str = ""  # absolute
    year: int = 0
    number: int = 0
    items: list = dataclasses.field(default_factory=list)
    updated: datetime.datetime | None = None
    note: str = ""
    problems: list = dataclasses.field(default_factory=list)
    blocking: str | None = None  # why it is not published, if so

    def add(self, line, message, level="error", blocking=False):
        self.problems.append(problem(line, message, level, blocking))
        if blocking and not self.blocking:
            self.blocking = message

    @property
    def monday(self):
        return datetime.date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self):
        return self.monday + datetime.timedelta(days=6)


def week_label(monday):
    """30/11 – 06/12/2026 (the first day's year too when the week spans two years)."""
    sunday = monday + datetime.timedelta(days=6)
    first = f"{monday.day:02d}/{monday.month:02d}"
    if monday.year != sunday.year:
        first += f"/{monday.year}"
    return f"{first} – {format_date(sunday)}"


def day_label(day):
    """Thứ Hai, 30/11/2026"""
    return f"{WEEKDAYS[day.weekday()]}, {format_date(day)}"


def week_of_name(name):
    """(ISO year, week number) of a file name, or None when the name is not of the form."""
    match = FILE_NAME.fullmatch(name.lower())
    return (int(match["year"]), int(match["week"])) if match else None


def weeks_in(year):
    return datetime.date(year, 12, 28).isocalendar()[1]


def read_week(text, relative):
    """A ``Week`` from a file's text; ``relative`` is its path under content/."""
    week = Week(relative)
    name = relative.rsplit("/", 1)[-1]
    found = week_of_name(name)
    if found is None:
        week.add(
            1,
            f"Tên tệp “{name}” không đúng dạng <năm>-tuan-<số tuần>.yml, ví dụ {NAME_EXAMPLE}, "
            "nên lịch này không được đăng. Đổi tên tệp theo tuần của lịch.",
            blocking=True,
        )
        return week
    week.year, week.number = found
    if not 1 <= week.number <= weeks_in(week.year):
        week.add(
            1,
            f"Năm {week.year} không có tuần {week.number} (chỉ có tuần 1 đến tuần {weeks_in(week.year)}) "
            "nên lịch này không được đăng. Sửa số tuần trong tên tệp.",
            blocking=True,
        )
        return week
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        week.add(
            mark.line + 1 if mark else 1,
            "Tệp viết sai cú pháp YAML nên lịch này không được đăng. Kiểm tra dấu hai chấm, dấu gạch "
            "đầu dòng và thụt lề; giá trị có dấu “:” phải đặt trong ngoặc kép, ví dụ "
            'content: "Họp: triển khai kế hoạch".',
            blocking=True,
        )
        return week
    if root is None or not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        week.add(
            line,
            "Tệp lịch phải có dòng “items:” và dưới đó là các việc, mỗi việc bắt đầu bằng “- day: …” "
            "(xem tệp của tuần trước). Lịch này không được đăng.",
            blocking=True,
        )
        return week
    fields = mapping(root, TOP_KEYS, week, "tệp lịch")
    if "updated" in fields:
        week.updated = read_updated(fields["updated"], week)
    if "note" in fields:
        week.note = text_of(fields["note"], "note", week)
    items = fields.get("items")
    if items is None or not isinstance(items[1], yaml.SequenceNode):
        line = items[1].start_mark.line + 1 if items else root.start_mark.line + 1
        week.add(
            line,
            "Chưa có danh sách việc: viết “items:” rồi mỗi việc một mục bắt đầu bằng “- day: …”. "
            "Lịch này không được đăng.",
            blocking=True,
        )
        return week
    for order, node in enumerate(items[1].value):
        item = read_item(node, week, order)
        if item is not None:
            week.items.append(item)
    week.items.sort(key=lambda i: (i.day, i.minutes, i.order))
    return week


def mapping(node, known, week, what):
    """{key: (key line, value node)} of a mapping node; unknown and repeated keys reported."""
    fields = {}
    for key_node, value_node in node.value:
        key = str(key_node.value).strip()
        line = key_node.start_mark.line + 1
        if key in fields:
            week.add(line, f"Trường “{key}” viết hai lần trong {what}; chỉ giữ một dòng.")
            continue
        if key not in known:
            week.add(line, unknown_key_message(key, known, what))
            continue
        fields[key] = (line, value_node)
    return fields


def unknown_key_message(key, known, what):
    folded = re.sub(r"[\s-]+", "_", fold(key))
    likely = LIKELY.get(folded)
    if likely not in known:
        close = difflib.get_close_matches(folded, known, n=1, cutoff=0.6)
        likely = close[0] if close else None
    hint = f" Có phải “{likely}”?" if likely else ""
    return f"Trường “{key}” không dùng được trong {what}.{hint} Các trường dùng được: {', '.join(known)}."


def text_of(field, name, week):
    """The text of a scalar field, spaces tidied; a list or a mapping is reported."""
    line, node = field
    if not isinstance(node, yaml.ScalarNode):
        week.add(line, f"Trường “{name}” phải là một đoạn chữ, không phải một danh sách.")
        return ""
    return "\n".join(" ".join(part.split()) for part in str(node.value).strip().splitlines())


def read_updated(field, week):
    text = text_of(field, "updated", week)
    try:
        return parse_date(text)
    except DateError as error:
        week.add(field[0], f"Ngày cập nhật: {error}", level="warning")
        return None


def read_item(node, week, order):
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        week.add(
            line,
            "Mỗi việc phải gồm các dòng “tên: giá trị”, bắt đầu bằng “- day: …”; việc này không được đăng.",
        )
        return None
    fields = mapping(node, ITEM_KEYS, week, "một việc")
    values = {name: text_of(field, name, week) for name, field in fields.items()}
    missing = [name for name in REQUIRED if not values.get(name)]
    if missing:
        names = ", ".join(f"{name} ({LABELS[name]})" for name in missing)
        week.add(line, f"Việc này thiếu {names} nên không được đăng.")
        return None
    day = read_day(values["day"], fields["day"][0], week)
    time = read_time(values["time"], fields["time"][0], week)
    if day is None or time is None:
        return None
    minutes, label, iso = time
    return Item(
        day,
        minutes,
        label,
        iso,
        values["content"],
        **{name: values.get(name, "") for name in ("chair", "place", "participants", "preparation")},
        line=line,
        order=order,
    )


def read_day(text, line, week):
    match = DAY.fullmatch(text.split(",")[-1].strip())  # "Thứ Hai, 30/11/2026" is fine too
    if not match:
        week.add(
            line,
            f"Không đọc được ngày “{text}”. Viết ngày/tháng/năm, ví dụ {format_date(week.monday)}; "
            "việc này không được đăng.",
        )
        return None
    day, month = int(match["day"]), int(match["month"])
    # Without a year: the week's (a week from December to January has two).
    years = [int(match["year"])] if match["year"] else sorted({week.monday.year, week.sunday.year})
    candidates = []
    for year in years:
        with contextlib.suppress(ValueError):
            candidates.append(datetime.date(year, month, day))
    if not candidates:
        week.add(
            line,
            f"Ngày “{text}” không tồn tại. Viết ngày trước, tháng sau, ví dụ {format_date(week.monday)}; "
            "việc này không được đăng.",
        )
        return None
    found = next((d for d in candidates if week.monday <= d <= week.sunday), candidates[0])
    if not week.monday <= found <= week.sunday:
        week.add(
            line,
            f"Ngày {format_date(found)} không thuộc tuần {week.number} năm {week.year} "
            f"(từ Thứ Hai {format_date(week.monday)} đến Chủ Nhật {format_date(week.sunday)}); "
            "việc này không được đăng. Sửa ngày, hoặc chép việc sang tệp của tuần đó.",
        )
        return None
    return found


def read_time(text, line, week):
    """(minutes, label, ISO time or "") of a time as written, or None (reported)."""
    part = DAY_PARTS.get(fold(text).strip())
    if part:
        return part[0], part[1], ""
    match = TIME.fullmatch(text.strip())
    if match:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if hour <= 23 and minute <= 59:
            label = f"{hour}h{minute:02d}"
            return hour * 60 + minute, label, f"{hour:02d}:{minute:02d}"
    week.add(line, f"Giờ “{text}” không đúng dạng. Viết {TIME_EXAMPLE}; việc này không được đăng.")
    return None
