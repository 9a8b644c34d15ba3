"""Day-first dates and Vietnamese formatting, on real Vietnamese strings."""

import datetime
from types import SimpleNamespace

import pytest
from conftest import ROOT
from pelican.settings import read_settings
from pelican.utils import slugify

from trangxa.jinja_filters import truncate_title, unwrap_paragraph
from trangxa.lib.dates import DateError, format_date, format_datetime, parse_date
from trangxa.lib.text import fold, format_number, truncate_at_word, vietnamese_sorted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/06/2024", (2024, 6, 5, 0, 0)),
        ("5/6/2024 8:30", (2024, 6, 5, 8, 30)),
        ("15/07/2024 08:30", (2024, 7, 15, 8, 30)),
        ("08:30 15/07/2024", (2024, 7, 15, 8, 30)),
        ("15-07-2024", (2024, 7, 15, 0, 0)),
        ("15.07.2024", (2024, 7, 15, 0, 0)),
        ("2024-06-05", (2024, 6, 5, 0, 0)),
        ("2024-07-15 08:30", (2024, 7, 15, 8, 30)),
        ("2024-07-15T08:30:00", (2024, 7, 15, 8, 30)),
        ("29/02/2024", (2024, 2, 29, 0, 0)),
        ("ngày 16 tháng 7 năm 2024", (2024, 7, 16, 0, 0)),
        ("Ngày 5 tháng 6 năm 2024 lúc 8 giờ 30", (2024, 6, 5, 8, 30)),
        ("27/11/2026 lúc 16:30", (2026, 11, 27, 16, 30)),
        ("27/11/2026 16 giờ 30 phút", (2026, 11, 27, 16, 30)),
        ("27/11/2026, 16h30", (2026, 11, 27, 16, 30)),
        ("27/11/2026 lúc 16h", (2026, 11, 27, 16, 0)),
        ("ngay 5 thang 6 nam 2024", (2024, 6, 5, 0, 0)),
        ("8h30 ngày 05 tháng 06 năm 2024", (2024, 6, 5, 8, 30)),
        (datetime.date(2024, 6, 5), (2024, 6, 5, 0, 0)),
        (datetime.datetime(2024, 6, 5, 7, 30), (2024, 6, 5, 7, 30)),
    ],
)
def test_dates_are_read_day_first(text, expected):
    moment = parse_date(text)
    assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == expected


def test_iso_offset_is_kept():
    moment = parse_date("2024-07-15T08:30:00+07:00")
    assert moment.utcoffset() == datetime.timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("29/02/2023", ["không tồn tại", "28/02/2023"]),
        ("30/02/2024", ["không tồn tại", "29/02/2024"]),
        ("06/15/2024", ["ngược", "15/06/2024"]),
        ("hôm qua", ["Không đọc được"]),
        ("08:30", ["Chỉ có giờ"]),
        ("", ["Chưa ghi ngày"]),
        ("15/07/2024 25:00", ["Giờ"]),
        ("ngày 31 tháng 4 năm 2024", ["không tồn tại", "30/04/2024"]),
    ],
)
def test_bad_dates_explain_themselves_in_vietnamese(text, words):
    with pytest.raises(DateError) as error:
        parse_date(text)
    for word in words:
        assert word in str(error.value)


def test_date_formats():
    moment = datetime.datetime(2024, 7, 15, 8, 30)
    assert format_date(moment) == "15/07/2024"
    assert format_datetime(moment) == "Thứ Hai, 15/07/2024 08:30"
    assert format_datetime(datetime.datetime(2024, 7, 21)) == "Chủ Nhật, 21/07/2024"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội Nông dân", "hoi nong dan"),
        ("ĐẢNG ỦY", "dang uy"),
        ("Đoàn  TNCS Hồ Chí Minh", "doan tncs ho chi minh"),
        ("hoi nong dan", "hoi nong dan"),
    ],
)
def test_fold_removes_diacritics_and_case(text, expected):
    assert fold(text) == expected


def test_numbers_are_grouped_with_dots():
    assert format_number(2713911) == "2.713.911"
    assert format_number(20) == "20"


def test_truncation_cuts_at_a_word():
    title = (
        "UBND xã Tân Hòa tổ chức hội nghị triển khai kế hoạch chuyển đổi số "
        "và cải cách hành chính năm 2025 trên địa bàn xã"
    )
    cut = truncate_at_word(title, 90)
    assert cut.endswith("...")
    kept = cut[:-3]
    assert len(kept) <= 90
    assert title.startswith(kept)
    assert title[len(kept)] == " "
    assert truncate_at_word("Ngắn gọn", 90) == "Ngắn gọn"


def test_title_filter_strips_typogrify_markup():
    assert (
        truncate_title("Hội nghị <span>Ban</span> Chấp hành&nbsp;Đảng bộ") == "Hội nghị Ban Chấp hành Đảng bộ"
    )


def test_lead_paragraph_is_unwrapped_once():
    assert unwrap_paragraph("<p>Sáng 15/7, <em>hội nghị</em></p>") == "Sáng 15/7, <em>hội nghị</em>"
    two = "<p>Một</p><p>Hai</p>"
    assert unwrap_paragraph(two) == two


def test_vietnamese_alphabetical_order():
    words = [
        "Ư",
        "u",
        "Đức",
        "Dũng",
        "ê",
        "e",
        "bạ",
        "bá",
        "bã",
        "bả",
        "bà",
        "ba",
        "ă",
        "â",
        "Ánh",
        "Anh",
        "Ơn",
        "Ôn",
        "On",
    ]
    assert vietnamese_sorted(words) == [
        "Anh",
        "Ánh",
        "ă",
        "â",
        "ba",
        "bà",
        "bả",
        "bã",
        "bá",
        "bạ",
        "Dũng",
        "Đức",
        "e",
        "ê",
        "On",
        "Ôn",
        "Ơn",
        "u",
        "Ư",
    ]


def test_organizations_sort_by_vietnamese_names():
    names = ["Ủy ban MTTQ", "Đoàn Thanh niên", "Hội Nông dân", "Đảng ủy", "Công an xã", "Ban CHQS", "HĐND"]
    assert vietnamese_sorted(names) == [
        "Ban CHQS",
        "Công an xã",
        "Đảng ủy",
        "Đoàn Thanh niên",
        "HĐND",
        "Hội Nông dân",
        "Ủy ban MTTQ",
    ]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đảng bộ", "dang-bo"),
        ("ĐẢNG BỘ", "dang-bo"),
        ("Hội Liên hiệp Phụ nữ xã ra quân", "hoi-lien-hiep-phu-nu-xa-ra-quan"),
        ("Ủy ban MTTQ: hội nghị “đại đoàn kết”", "uy-ban-mttq-hoi-nghi-dai-doan-ket"),
        ("Tết Nguyên đán – Xuân Ất Tỵ 2025", "tet-nguyen-dan-xuan-at-ty-2025"),
    ],
)
def test_slugs_drop_diacritics_and_case(title, slug):
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"]) == slug


def test_sort_by_attribute_path():
    pairs = [
        (SimpleNamespace(name="Ủy ban"), []),
        (SimpleNamespace(name="Đảng"), []),
        (SimpleNamespace(name="Dân"), []),
    ]
    assert [p[0].name for p in vietnamese_sorted(pairs, "0.name")] == ["Dân", "Đảng", "Ủy ban"]
