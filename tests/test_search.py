"""Search in a real browser: with and without diacritics, under a sub-path, and without JavaScript."""

import datetime
import json
import logging
import re
import shutil

import pytest
from browser import site_context
from conftest import CONTENT, SUBPATH_SITEURL, build_site, normalize

from trangxa.search_index import search_index
from trangxa.search_index.search_index import index_bundle, indexed_files, pagefind_part
from trangxa.search_index.shards import bundle_order, shard_names

SEARCH_PAGE = f"{SUBPATH_SITEURL}/tim-kiem/"
# False (not an error) while the page that holds the status is still loading.
FOUND = "() => (document.querySelector('#search-status')?.textContent || '').startsWith('Tìm thấy')"


@pytest.fixture(scope="module")
def context(browser, published):
    with site_context(browser, published.output, SUBPATH_SITEURL) as context:
        yield context


def results_for(context, query, submit=True):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(SEARCH_PAGE)
    if submit:
        page.fill("#search-query", query)
        page.press("#search-query", "Enter")
    else:
        page.type("#search-query", query, delay=20)  # search as you type
    page.wait_for_function(FOUND)
    titles = [normalize(t) for t in page.locator("#search-results li > a").all_inner_texts()]
    hrefs = page.locator("#search-results li > a").evaluate_all("links => links.map(a => a.href)")
    page.close()
    assert errors == []
    return titles, hrefs


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hội nông dân", "Hội Nông dân xã tổ chức tập huấn kỹ thuật trồng lúa hữu cơ"),
        ("hoi nong dan", "Hội Nông dân xã tổ chức tập huấn kỹ thuật trồng lúa hữu cơ"),
        ("đảng ủy", "Đảng ủy xã Tân Hòa tổ chức hội nghị sơ kết 6 tháng đầu năm 2025"),
        ("dang uy", "Đảng ủy xã Tân Hòa tổ chức hội nghị sơ kết 6 tháng đầu năm 2025"),
        ("DANG UY", "Đảng ủy xã Tân Hòa tổ chức hội nghị sơ kết 6 tháng đầu năm 2025"),
    ],
)
def test_typed_queries_find_articles(context, query, expected):
    titles, hrefs = results_for(context, query)
    assert expected in titles[:5]
    assert all(href.startswith(SUBPATH_SITEURL + "/") for href in hrefs), "results stay under the sub-path"


def test_snippets_leave_out_the_date_and_chrome_and_show_the_date_apart(context):
    """A snippet ran title, date and lead together ("…kém hiệu quả. Thứ Ba, 19/05/2026 08:30
    Sáng 19/5,…"): the date, credit, organizations and tags lines are not indexed as text, the
    title is shown as the link only, and each article's date is shown on its own line."""
    page = context.new_page()
    page.goto(SEARCH_PAGE)
    dated = re.compile(
        r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}|Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật,|Từ khóa:|Tổ chức:"
    )
    for query in ("hội thảo chuyển đổi cơ cấu cây trồng", "hoi nong dan", "dang uy", "cơ cấu tổ chức"):
        page.fill("#search-query", query)
        page.press("#search-query", "Enter")
        page.wait_for_function(
            "(query) => document.querySelector('#search-status').textContent.includes('“' + query + '”')",
            arg=query,
        )
        items = page.locator("#search-results li")
        assert items.count()
        for index in range(items.count()):
            item = items.nth(index)
            href = item.locator("a").get_attribute("href")
            kind = "article" if "/bai-viet/" in href else "page" if "/trang/" in href else None
            if kind is None:
                continue  # other kinds of pages have their own templates and tests
            title = normalize(item.locator("a").inner_text())
            excerpt = normalize(item.locator("p").last.inner_text())
            assert not dated.search(excerpt), (query, excerpt)
            assert not excerpt.startswith(title), (query, excerpt)
            assert item.locator("time").count() == (kind == "article"), href
        if query.startswith("hội thảo"):  # the article of the issue: its date on its own line
            first = items.first
            assert normalize(first.locator("a").inner_text()).startswith(
                "Hội Nông dân xã hội thảo chuyển đổi"
            )
            assert first.locator("time").get_attribute("datetime") == "2026-05-19T08:30:00+07:00"
            assert first.locator("time").inner_text() == "19/05/2026"
    page.close()


def test_results_link_to_built_pages(context, published):
    _, hrefs = results_for(context, "hoi nong dan", submit=False)
    assert hrefs
    for href in hrefs:
        relative = href[len(SUBPATH_SITEURL) + 1 :]
        assert (published.output / relative).is_file(), href


def test_header_box_submits_to_the_search_page(context):
    page = context.new_page()
    page.goto(f"{SUBPATH_SITEURL}/")
    page.fill("#site-search-query", "dang uy")
    page.press("#site-search-query", "Enter")
    page.wait_for_url(f"{SEARCH_PAGE}?q=dang+uy")  # the home page is left first
    page.wait_for_function(FOUND)
    page.close()


def test_without_javascript_the_form_still_works(browser, published):
    with site_context(browser, published.output, SUBPATH_SITEURL, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(f"{SUBPATH_SITEURL}/")
        page.fill("#site-search-query", "hoi nong dan")
        page.press("#site-search-query", "Enter")
        page.wait_for_load_state()
        assert page.url == f"{SEARCH_PAGE}?q=hoi+nong+dan"
        assert page.locator("h1").inner_text() == "Tìm kiếm"
        assert "cần JavaScript" in page.content()


def test_results_come_from_every_bundle(context, published):
    """The index is one bundle per year plus one for the pages; the browser merges them all."""
    listing = json.loads((published.output / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert listing["bundles"] == ["2026/", "2025/", "2024/", "trang/"]
    _, hrefs = results_for(context, "xã Tân Hòa")
    years = {href.split("/bai-viet/")[1][:4] for href in hrefs if "/bai-viet/" in href}
    assert years == {"2024", "2025", "2026"}, hrefs
    _, hrefs = results_for(context, "cơ cấu tổ chức")
    assert f"{SUBPATH_SITEURL}/trang/co-cau-to-chuc.html" in hrefs


@pytest.mark.parametrize(
    ("per_year", "limit", "expected", "newest"),
    [
        ({2024: 3, 2025: 2}, 600, {"2024", "2025", "trang"}, "2025"),
        ({2024: 5, 2025: 2}, 4, {"2024-q1", "2024-q2", "2024-q3", "2024-q4", "2025", "trang"}, "2025"),
        # 9 articles a month in 2026: each quarter is over the limit, so one bundle a month.
        (
            {2025: 2, 2026: 108},
            20,
            {"2025", *(f"2026-{month:02d}" for month in range(1, 13)), "trang"},
            "2026-12",
        ),
    ],
)
def test_bundles_by_year_quarter_or_month(per_year, limit, expected, newest):
    dates = {}
    for year, count in per_year.items():
        for number in range(count):
            month = 1 + (number * 3) % 12 if count < 12 else 1 + number % 12
            dates[f"bai-viet/{year}/{number}.html"] = datetime.datetime(year, month, 1)
    files = {*dates, "trang/gioi-thieu.html"}
    names = shard_names(files, dates, limit)
    assert set(names.values()) == expected
    assert names["trang/gioi-thieu.html"] == "trang"
    order = bundle_order(names.values())
    assert order[0] == newest and order[-1] == "trang" and sorted(order) == sorted(expected)


def test_bundle_order_is_newest_first_across_kinds_of_period():
    # A year split in quarters, one of them in months: the months of the last quarter first.
    names = ["2026-q1", "2026-10", "2026-12", "2026-11", "2026-q2", "2025", "trang", "2026-q3"]
    assert bundle_order(names) == [
        "2026-12", "2026-11", "2026-10", "2026-q3", "2026-q2", "2026-q1", "2025", "trang",
    ]  # fmt: skip


def test_a_rebuild_indexes_only_the_bundles_that_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    output = tmp_path / "output"

    def summary():
        records = build_site(output, content, "publishconf.py", log_level=logging.INFO)
        return next(r.getMessage() for r in records if r.getMessage().startswith("Tìm kiếm:"))

    first = re.fullmatch(r"Tìm kiếm: (\d+) trang trong 4 phần chỉ mục, 4 phần lập lại\.", summary())
    assert first and int(first[1]) >= 51, "48 articles and 3 pages at least"  # and other indexed pages
    pages = first[1]
    assert summary() == f"Tìm kiếm: {pages} trang trong 4 phần chỉ mục, 0 phần lập lại."
    edited = sorted((content / "bai-viet/2025").glob("*.md"))[0]
    edited.write_text(edited.read_text("utf-8") + "\nBổ sung: từ khóa riêng xyzabc.\n", "utf-8")
    assert summary() == f"Tìm kiếm: {pages} trang trong 4 phần chỉ mục, 1 phần lập lại."
    listing = json.loads((output / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert listing == {"bundles": ["2026/", "2025/", "2024/", "trang/"]}


def tree(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }  # noqa: E501


def test_pagefind_given_only_the_part_it_reads_makes_the_same_index(published, tmp_path):
    """Pages are handed to Pagefind as <head> and the data-pagefind-body element only: the
    index is byte for byte the one of the whole pages (a theme change that breaks this fails here)."""
    files = indexed_files(published.output, ["bai-viet", "trang", "van-ban"])
    parts = {path: pagefind_part((published.output / path).read_bytes()) for path in files}
    shortened = [path for path, part in parts.items() if part is not None]
    assert len(shortened) >= 50, "every article and page but the hidden ones"
    article = next(part for path, part in parts.items() if path.startswith("bai-viet/") and part)
    assert b"data-pagefind-body" in article and b"Th\xc3\xb4ng tin kh\xc3\xa1c" not in article  # no sidebar
    index_bundle(published.output, files, tmp_path / "parts", "vi")
    index_bundle(published.output, files, tmp_path / "whole", "vi", part=lambda html: None)
    whole = tree(tmp_path / "whole")
    assert any(name.startswith("fragment/") for name in whole) and "pagefind-entry.json" in whole
    assert tree(tmp_path / "parts") == whole


@pytest.mark.parametrize(
    "html",
    [
        b"<html><head></head><body><main>no marked element</main></body>",
        b"<html><head></head><body><div data-pagefind-body>a</div><div data-pagefind-body>b</div></body>",
        b"<html><head></head><body><p data-pagefind-meta='x:y'>m</p><div data-pagefind-body>a</div></body>",
        b"<html><head></head><body><div data-pagefind-body><div>unclosed</div></body>",
        b"<html><head></head><body><div data-pagefind-body><!-- <div> --></div></body>",
    ],
)
def test_pages_pagefind_must_read_whole_are_left_whole(html):
    assert pagefind_part(html) is None


def test_a_part_pagefind_cannot_index_is_one_vietnamese_line_naming_it(tmp_path, monkeypatch):
    def fail(output_path, files, bundle_path, language, part=None):
        if bundle_path.name == "2025":
            raise RuntimeError("Error: out of memory")
        return real(output_path, files, bundle_path, language)

    real = search_index.index_bundle
    monkeypatch.setattr(search_index, "index_bundle", fail)
    records = build_site(tmp_path / "output")
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    assert errors == [
        "pagefind/2025/: không lập được chỉ mục tìm kiếm (Error: out of memory); "
        "các bài của phần này không tìm thấy được."
    ]
    listing = json.loads((tmp_path / "output" / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert "2025/" not in listing["bundles"] and "2026/" in listing["bundles"]
