"""Lịch công tác: the week's file on its page (every item, by day and time), the current week
decided from a fixed "today", previous/next links that resolve, the home box, every bad
input reported at its file and line, a strict build that fails, a page that fits a phone.

The schedule files are read here with plain PyYAML, independently of the plugin."""

import datetime
import logging
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CONTENT, build_site

from trangxa.work_schedule import model

SCHEDULE = CONTENT / "lich-cong-tac"
TODAY = "02/12/2026"  # a Wednesday of week 49 (30/11 – 06/12/2026)
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
PARTS = {"cả ngày": 0, "sáng": 7 * 60, "chiều": 13 * 60 + 30, "tối": 19 * 60}


def minutes(text):
    text = str(text).strip().lower()
    if text in PARTS:
        return PARTS[text]
    hour, minute = re.fullmatch(r"(\d{1,2})[h:](\d{2})?", text).groups()
    return int(hour) * 60 + int(minute or 0)


def sample_weeks():
    """{(year, week): [items as written, in day/time/file order]} from the sample files."""
    weeks = {}
    for path in sorted(SCHEDULE.glob("*.yml")):
        year, number = re.fullmatch(r"(\d{4})-tuan-(\d{1,2})\.yml", path.name).groups()
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = []
        for order, item in enumerate(data["items"]):
            day = datetime.datetime.strptime(item["day"], "%d/%m/%Y").date()
            items.append({**item, "date": day, "key": (day, minutes(item["time"]), order)})
        weeks[(int(year), int(number))] = sorted(items, key=lambda i: i["key"])
    return weeks


def soup(output, relative):
    return BeautifulSoup((output / relative).read_text(encoding="utf-8"), "html.parser")


def resolve(output, page, href):
    """The file a relative link of ``page`` (a folder's index.html) leads to."""
    target = (output / page).parent / href.split("#")[0]
    target = target.resolve()
    return target / "index.html" if target.is_dir() else target


@pytest.fixture(scope="module")
def schedule_site(tmp_path_factory):
    """The sample site built as on Wednesday 02/12/2026 (development settings)."""
    output = tmp_path_factory.mktemp("schedule-site")
    records = build_site(output, WORK_SCHEDULE_TODAY=TODAY, SEARCH_INDEX=False)
    return output, records


# --- the sample site ---------------------------------------------------------------------------


def test_sample_builds_without_a_problem(schedule_site):
    _, records = schedule_site
    assert [r.getMessage() for r in records if r.name.startswith("trangxa.work_schedule")] == []


def test_each_week_page_shows_every_item_of_its_file_by_day_and_time(schedule_site):
    output, _ = schedule_site
    weeks = sample_weeks()
    assert len(weeks) >= 3
    for (year, number), items in weeks.items():
        page = soup(output, f"lich-cong-tac/{year}/tuan-{number}/index.html")
        assert page.h1.get_text(strip=True) == f"Lịch công tác tuần {number} năm {year}"
        shown = []
        for section in page.select("section.schedule-day"):
            heading = section.find("h2")
            day = datetime.date.fromisoformat(heading.time["datetime"])
            assert heading.time.get_text() == f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y}"
            for entry in section.select("li.schedule-item"):
                facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in entry.select("dt")}
                shown.append(
                    {
                        "date": day,
                        "time": entry.select_one(".schedule-time time").get_text(),
                        "datetime": entry.select_one(".schedule-time time")["datetime"],
                        "content": entry.select_one(".schedule-content").get_text(),
                        "chair": facts.get("Chủ trì"),
                        "place": facts.get("Địa điểm"),
                        "participants": facts.get("Thành phần"),
                        "preparation": facts.get("Chuẩn bị"),
                    }
                )
        assert [(s["date"], s["content"]) for s in shown] == [(i["date"], i["content"]) for i in items]
        for written, item in zip(items, shown, strict=True):
            assert minutes(item["time"]) == minutes(written["time"])
            assert item["datetime"].startswith(written["date"].isoformat())
            for key in ("chair", "place", "participants", "preparation"):
                assert item[key] == written.get(key), (key, written["content"])


def test_weekdays_always_shown_weekend_only_with_items(schedule_site):
    output, _ = schedule_site
    for (year, number), items in sample_weeks().items():
        page = soup(output, f"lich-cong-tac/{year}/tuan-{number}/index.html")
        days = [
            datetime.date.fromisoformat(t["datetime"]) for t in page.select("section.schedule-day h2 time")
        ]
        monday = datetime.date.fromisocalendar(year, number, 1)
        weekend = {i["date"] for i in items if i["date"].weekday() >= 5}
        expected = sorted({monday + datetime.timedelta(days=d) for d in range(5)} | weekend)
        assert days == expected
        assert not page.select("table"), "a list, not a wide table"


def test_current_week_is_the_week_of_the_fixed_today(schedule_site):
    output, _ = schedule_site
    page = soup(output, "lich-cong-tac/index.html")
    assert page.h1.get_text(strip=True) == "Lịch công tác tuần này"
    assert "Tuần 49 năm 2026: 30/11 – 06/12/2026" in page.select_one(".schedule-week").get_text()
    built = page.select_one(".schedule-meta")
    assert "16:30 ngày 27/11/2026" in built.get_text() and "02/12/2026" in built.get_text()
    today = [s for s in page.select("section.schedule-day") if s.select_one(".schedule-today")]
    assert [s.h2.time["datetime"] for s in today] == ["2026-12-02"]
    week_page = soup(output, "lich-cong-tac/2026/tuan-49/index.html")
    contents = [p.get_text() for p in page.select(".schedule-content")]
    assert contents == [p.get_text() for p in week_page.select(".schedule-content")]
    assert "(tuần này)" in week_page.select_one(".schedule-week").get_text()
    crumbs = [li.get_text(strip=True) for li in week_page.select("nav.breadcrumb li")]
    assert crumbs == ["Trang chủ", "Lịch công tác", "Năm 2026", "Tuần 49"]


def test_previous_and_next_links_resolve_to_the_neighbouring_weeks(schedule_site):
    output, _ = schedule_site
    numbers = sorted(number for (_, number) in sample_weeks())
    pages = [f"lich-cong-tac/2026/tuan-{n}/index.html" for n in numbers]
    for index, relative in enumerate(pages):
        page = soup(output, relative)
        previous, following = page.select_one("a[rel=prev]"), page.select_one("a[rel=next]")
        if index == 0:
            assert previous is None
        else:
            assert resolve(output, relative, previous["href"]) == (output / pages[index - 1]).resolve()
            assert previous.get_text().startswith(f"‹ Tuần {numbers[index - 1]}:")
        if index == len(pages) - 1:
            assert following is None
        else:
            assert resolve(output, relative, following["href"]) == (output / pages[index + 1]).resolve()
    current = soup(output, "lich-cong-tac/index.html")
    assert (
        resolve(output, "lich-cong-tac/index.html", current.select_one("a[rel=prev]")["href"]).parent.name
        == "tuan-48"
    )
    assert (
        resolve(output, "lich-cong-tac/index.html", current.select_one("a[rel=next]")["href"]).parent.name
        == "tuan-50"
    )


def test_year_page_lists_every_week_and_every_link_resolves(schedule_site):
    output, _ = schedule_site
    for relative in ["lich-cong-tac/index.html", "lich-cong-tac/2026/index.html"] + [
        f"lich-cong-tac/{y}/tuan-{n}/index.html" for (y, n) in sample_weeks()
    ]:
        page = soup(output, relative)
        for link in page.select("main a[href], nav.breadcrumb a[href]"):
            assert resolve(output, relative, link["href"]).is_file(), (relative, link["href"])
    year = soup(output, "lich-cong-tac/2026/index.html")
    listed = [a.get_text() for a in year.select(".schedule-week-list a")]
    assert listed == [f"Tuần {n}: {model.week_label(datetime.date.fromisocalendar(y, n, 1))}"
                      for (y, n) in sorted(sample_weeks(), reverse=True)]  # fmt: skip


def test_home_box_and_menu(schedule_site):
    output, _ = schedule_site
    home = soup(output, "index.html")
    box = home.select_one("section.schedule-box")
    assert "Tuần 49: 30/11 – 06/12/2026" in box.get_text()
    items = sample_weeks()[(2026, 49)]
    days = sorted({i["date"] for i in items})
    links = box.select("ul a")
    assert [a.get_text() for a in links] == [f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y}" for d in days]
    for link, day in zip(links, days, strict=True):
        assert link["href"].endswith(f"lich-cong-tac/2026/tuan-49/#ngay-{day.isoformat()}")
        target = resolve(output, "index.html", link["href"])
        assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=f"ngay-{day}")
    menu = {a.get_text(): a["href"] for a in home.select("nav.main-menu a")}
    assert (
        resolve(output, "index.html", menu["Lịch công tác"])
        == (output / "lich-cong-tac/index.html").resolve()
    )
    current = soup(output, "lich-cong-tac/index.html").select_one("nav.main-menu a[aria-current]")
    assert current.get_text() == "Lịch công tác"


# --- a week without a file, bad files -------------------------------------------------------------


def schedule_content(tmp_path, files):
    """A content folder holding only the given schedule files ({relative name: text})."""
    content = tmp_path / "content"
    for name, text in files.items():
        path = content / "lich-cong-tac" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, encoding="utf-8")
    (content / "bai-viet").mkdir(parents=True, exist_ok=True)
    return content


def test_a_week_without_a_file_says_so_and_links_to_the_latest(tmp_path):
    content = schedule_content(
        tmp_path, {"2026-tuan-48.yml": (SCHEDULE / "2026-tuan-48.yml").read_text(encoding="utf-8")}
    )
    output = tmp_path / "out"
    records = build_site(output, content, WORK_SCHEDULE_TODAY="16/12/2026", SEARCH_INDEX=False)
    assert [r.getMessage() for r in records if r.levelno >= logging.ERROR] == []
    page = soup(output, "lich-cong-tac/index.html")
    missing = page.select_one(".schedule-missing")
    assert "Chưa có lịch công tác của tuần 51 (14/12 – 20/12/2026)" in missing.get_text(" ", strip=True)
    link = missing.find("a")
    assert resolve(output, "lich-cong-tac/index.html", link["href"]).parent.name == "tuan-48"
    assert not page.select("section.schedule-day")
    box = soup(output, "index.html").select_one("section.schedule-box")
    assert "Chưa có lịch của tuần này" in box.get_text()


BAD_FILE = """\
updated: 27/11/2026 16:30
items:
  - day: 31/11/2026
    time: 7h30
    content: Ngày không tồn tại
  - day: 08/12/2026
    time: 7h30
    content: Ngày của tuần sau
  - day: 01/12/2026
    time: 7h30
  - day: 01/12/2026
    time: 7g30
    content: Giờ viết sai
  - day: 01/12/2026
    time: 8h00
    content: Trường lạ
    chu_tri: Đ/c Nguyễn Văn Hòa
  - day: 02/12
    time: chiều
    content: Việc đúng, vẫn được đăng
"""
# (line, words of the message) expected for BAD_FILE
BAD_FILE_PROBLEMS = [
    (3, ["31/11/2026", "không tồn tại"]),
    (6, ["08/12/2026", "không thuộc tuần 49 năm 2026", "30/11/2026", "06/12/2026"]),
    (9, ["thiếu content (nội dung)"]),
    (12, ["Giờ “7g30” không đúng dạng", "7h30"]),
    (17, ["“chu_tri”", "Có phải “chair”?"]),
]


def test_every_bad_input_is_reported_at_its_line_and_the_rest_published(tmp_path):
    content = schedule_content(
        tmp_path,
        {
            "2026-tuan-49.yml": BAD_FILE,
            "2026-tuan-50.yml": "items:\n  - day: 07/12/2026\n    time: 7h30\n    content: [Họp\n",
            "lich-tuan-51.yml": "items: []\n",
            "2026-tuan-54.yml": "items: []\n",
            "2026/2026-tuan-52.yml": "items:\n  - day: 21/12/2026\n    time: 07:30\n    content: Giao ban\n",
            "2026-tuan-52.yaml": "items: []\n",
            "lich-tuan-49.docx": b"PK\x03\x04",
            # saved by an old editor in Windows-1258, not UTF-8
            "2026-tuan-47.yml": b"items:\n  - day: 16/11/2026\n    time: 7h30\n"
            b"    content: \xf0\xe2u tu\xe2n\n",
        },
    )
    output = tmp_path / "out"
    records = build_site(output, content, WORK_SCHEDULE_TODAY=TODAY, SEARCH_INDEX=False)
    messages = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    folder = content / "lich-cong-tac"

    def at(name, line):
        prefix = f"{folder / name}:{line}: "
        return [m[len(prefix) :] for m in messages if m.startswith(prefix)]

    for line, words in BAD_FILE_PROBLEMS:
        found = at("2026-tuan-49.yml", line)
        assert len(found) == 1, (line, messages)
        assert all(word in found[0] for word in words), found[0]
    assert len([m for m in messages if m.startswith(str(folder / "2026-tuan-49.yml"))]) == len(
        BAD_FILE_PROBLEMS
    )
    assert any("cú pháp YAML" in m for m in at("2026-tuan-50.yml", 5)), messages  # the unclosed [
    assert any("2026-tuan-49.yml" in m for m in at("lich-tuan-51.yml", 1))
    assert any("không có tuần 54" in m for m in at("2026-tuan-54.yml", 1))
    duplicate = at("2026-tuan-52.yaml", 1) or at("2026/2026-tuan-52.yml", 1)
    assert any("đã có tệp" in m for m in duplicate)
    assert any("không phải tệp lịch công tác" in m for m in at("lich-tuan-49.docx", 1))
    assert any("UTF-8" in m for m in at("2026-tuan-47.yml", 1))
    recap = [m for m in messages if "tệp lịch công tác không được đăng" in m]
    assert len(recap) == 1
    for name in (
        "2026-tuan-50.yml",
        "lich-tuan-51.yml",
        "2026-tuan-54.yml",
        "lich-tuan-49.docx",
        "2026-tuan-47.yml",
    ):
        assert name in recap[0]
    # No file went unaccounted: content_checks says nothing about a stray file of the folder.
    assert not [m for m in messages if "lich-cong-tac" in m and "không được xuất bản" in m]
    # The good item of the file with errors is published; the bad ones are not.
    page = soup(output, "lich-cong-tac/2026/tuan-49/index.html")
    # (an unknown field is reported and left out; its item is kept)
    contents = [p.get_text() for p in page.select(".schedule-content")]
    assert contents == ["Trường lạ", "Việc đúng, vẫn được đăng"]
    assert [t["datetime"] for t in page.select(".schedule-time time")] == ["2026-12-01T08:00", "2026-12-02"]
    assert (output / "lich-cong-tac/2026/tuan-52/index.html").is_file()
    assert not (output / "lich-cong-tac/2026/tuan-50").exists()


def test_an_incremental_rebuild_brings_a_new_item_to_the_home_box(tmp_path):
    """The home page's key covers its articles, not the box: the plugin removes the page when
    the box changed, so the incremental writer renders it again."""
    week = (SCHEDULE / "2026-tuan-49.yml").read_text(encoding="utf-8")
    content = schedule_content(tmp_path, {"2026-tuan-49.yml": week})
    output = tmp_path / "out"

    def box_days():
        build_site(output, content, WORK_SCHEDULE_TODAY=TODAY, SEARCH_INDEX=False)
        box = soup(output, "index.html").select_one("section.schedule-box")
        return [li.get_text(" ", strip=True) for li in box.select("li")]

    before = box_days()
    assert "Chủ Nhật, 06/12/2026 (1 việc)" not in before
    extra = (
        "\n  - day: 06/12/2026\n    time: 7h00\n    content: Dự lễ ra quân làm đường giao thông nông thôn\n"
    )
    (content / "lich-cong-tac/2026-tuan-49.yml").write_text(week + extra, encoding="utf-8")
    assert box_days() == [*before, "Chủ Nhật, 06/12/2026 (1 việc)"]


def test_a_strict_build_fails_on_a_bad_schedule_file(tmp_path):
    content = schedule_content(
        tmp_path, {"2026-tuan-49.yml": (SCHEDULE / "2026-tuan-49.yml").read_text("utf-8")}
    )

    def strict_build():
        return build_site(
            tmp_path / "out", content, settings_file="publishconf.py", WORK_SCHEDULE_TODAY=TODAY,
            SEARCH_INDEX=False, SITEURL="https://example.gov.vn", FEED_DOMAIN="https://example.gov.vn",
        )  # fmt: skip

    strict_build()  # the sample week passes
    (content / "lich-cong-tac/2026-tuan-49.yml").write_text(BAD_FILE, encoding="utf-8")
    with pytest.raises(Exception, match="Bản dựng nghiêm ngặt dừng lại") as raised:
        strict_build()
    assert getattr(raised.value, "expected_failure", False)


# --- the reading rules, on small inputs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "minutes_", "label"),
    [("7h30", 450, "7h30"), ("07:30", 450, "7h30"), ("14h", 840, "14h00"), ("14h00", 840, "14h00"),
     ("8 giờ 15", 495, "8h15"), ("Sáng", 420, "Sáng"), ("chiều", 810, "Chiều"), ("Cả ngày", 0, "Cả ngày")],
)  # fmt: skip
def test_times_editors_write(written, minutes_, label):
    week = model.Week("x.yml", year=2026, number=49)
    assert model.read_time(written, 1, week)[:2] == (minutes_, label)
    assert week.problems == []


@pytest.mark.parametrize("written", ["7g30", "25h00", "7h75", "7", "sáng sớm", "7h30 - 9h00"])
def test_times_that_are_refused(written):
    week = model.Week("x.yml", year=2026, number=49)
    assert model.read_time(written, 4, week) is None
    assert week.problems[0]["line"] == 4 and "7h30, 07:30" in week.problems[0]["message"]


def test_a_week_across_two_years_takes_the_right_year_for_a_day_without_year():
    text = (
        "items:\n  - day: 31/12\n    time: 8h\n    content: A\n  - day: 01/01\n    time: 8h\n    content: B\n"
    )
    week = model.read_week(text, "lich-cong-tac/2026-tuan-53.yml")
    assert week.problems == []
    assert [i.day for i in week.items] == [datetime.date(2026, 12, 31), datetime.date(2027, 1, 1)]
    assert model.week_label(week.monday) == "28/12/2026 – 03/01/2027"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("27/11/2026 16:30", datetime.datetime(2026, 11, 27, 16, 30)),
        ("27/11/2026 lúc 16 giờ 30", datetime.datetime(2026, 11, 27, 16, 30)),
        ("ngày 27 tháng 11 năm 2026", datetime.datetime(2026, 11, 27)),
    ],
)
def test_the_update_time_is_read_as_article_dates_are(written, expected):
    week = model.read_week(f"updated: {written}\nitems: []\n", "lich-cong-tac/2026-tuan-48.yml")
    assert week.problems == [] and week.updated == expected


@pytest.mark.parametrize("written", ["27/11 16:30", "31/11/2026 16:30", "hôm qua"])
def test_an_update_time_that_cannot_be_read_is_a_warning_at_its_line(written):
    week = model.read_week(f"items: []\nupdated: {written}\n", "lich-cong-tac/2026-tuan-48.yml")
    assert week.updated is None and not week.blocking
    [found] = week.problems
    assert found["line"] == 2 and found["message"].startswith("Ngày cập nhật: ")


def test_a_file_that_is_not_a_mapping_is_not_published():
    week = model.read_week("- day: 30/11/2026\n", "lich-cong-tac/2026-tuan-49.yml")
    assert week.blocking and week.problems[0]["line"] == 1


def test_sample_files_stay_around_the_weeks_they_describe():
    for path in SCHEDULE.glob("*.yml"):
        week = model.read_week(path.read_text(encoding="utf-8"), path.name)
        assert week.problems == [] and week.items, path.name


# --- on a phone ---------------------------------------------------------------------------------


@pytest.mark.parametrize("relative", ["lich-cong-tac/", "lich-cong-tac/2026/tuan-49/", "dich-vu-cong/"])
def test_nothing_scrolls_sideways_on_a_320_px_phone(browser, schedule_site, relative):
    from browser import serve  # noqa: PLC0415

    output, _ = schedule_site
    with serve(output) as base:
        page = browser.new_page(viewport={"width": 320, "height": 640})
        page.goto(f"{base}/{relative}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')].filter(e => {
                   const r = e.getBoundingClientRect();
                   return r.width > 0 && r.right > document.documentElement.clientWidth + 1;
               }).map(e => e.tagName + '.' + e.className).slice(0, 5)"""
        )
        items = page.locator(".schedule-item, .service-list li").count()
        page.close()
    assert overflow <= 0
    assert wide == []
    assert items > 0
