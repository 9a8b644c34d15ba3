"""Văn bản in a real browser (Debian's Chromium): the instant filter and its shareable
address, the filter pages without JavaScript, the site search finding a word that is only
inside a PDF, and accessibility (axe-core) of the new pages."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import site_context
from conftest import CONTENT, ROOT, SUBPATH_SITEURL
from test_documents import SOURCES

from trangxa.lib.text import fold

LIST = f"{SUBPATH_SITEURL}/van-ban/"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A canal named only inside the PDF of Quyết định 210/QĐ-UBND, nowhere in the Markdown.
INSIDE_THE_PDF = "Xẻo Đước"
DOCUMENT_WITH_THE_WORD = "van-ban/2025/210-qd-ubnd.html"


@pytest.fixture(scope="module")
def context(browser, published):
    with site_context(browser, published.output, SUBPATH_SITEURL) as context:
        yield context


@pytest.fixture(scope="module")
def no_script(browser, published):
    with site_context(browser, published.output, SUBPATH_SITEURL, java_script_enabled=False) as context:
        yield context


def open_list(context, url=LIST):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector(
        "#document-filter:not([hidden]) select[name=loai] option:nth-child(2)", state="attached"
    )
    return page, errors


def shown_numbers(page):
    return page.locator("#document-list .document-number").all_inner_texts()


def expected(form=None, year=None, words=()):
    return [
        d["number"]
        for d in SOURCES
        if (form is None or d["form"] == form)
        and (year is None or d["year"] == year)
        and all(w in fold(f"{d['number']} {d['title']}") for w in words)
    ]


def test_the_filter_is_instant_and_its_address_can_be_shared(context):
    page, errors = open_list(context)
    page.select_option("select[name=loai]", "nghi-quyet")
    page.select_option("select[name=nam]", "2025")
    want = expected("nghi-quyet", "2025")
    page.wait_for_function("n => document.querySelectorAll('#document-list li').length === n", arg=len(want))
    assert shown_numbers(page) == want
    assert page.locator("#document-filter-status").inner_text() == f"Có {len(want)} văn bản."
    assert parse_qs(urlsplit(page.url).query) == {"loai": ["nghi-quyet"], "nam": ["2025"]}
    shared = page.url
    page.close()
    again, more_errors = open_list(context, shared)
    again.wait_for_function("n => document.querySelectorAll('#document-list li').length === n", arg=len(want))
    assert shown_numbers(again) == want
    assert again.locator("select[name=loai]").input_value() == "nghi-quyet"
    again.close()
    assert errors == more_errors == []


def test_the_filter_combines_every_facet_and_the_text(context):
    page, errors = open_list(context)
    page.select_option("select[name=co-quan]", "ubnd")
    page.select_option("select[name=linh-vuc]", "tai-chinh-ngan-sach")
    page.fill("#document-filter input[name=q]", "ngan sach")  # without diacritics
    want = [
        d["number"]
        for d in SOURCES
        if d["issuer"] == "ubnd" and d["field"] == "tai-chinh-ngan-sach" and "ngan sach" in fold(d["title"])
    ]
    assert want
    page.wait_for_function("n => document.querySelectorAll('#document-list li').length === n", arg=len(want))
    assert shown_numbers(page) == want
    assert "q=ngan+sach" in page.url
    # Each row links to its page and to its file.
    first = page.locator("#document-list li").first
    assert first.locator("a[download]").get_attribute("href").startswith(f"{SUBPATH_SITEURL}/van-ban/")
    page.close()
    assert errors == []


def test_from_a_filter_page_a_change_opens_the_full_filter(context):
    page, errors = open_list(context, f"{SUBPATH_SITEURL}/van-ban/loai/quyet-dinh/")
    assert page.locator("select[name=loai]").input_value() == "quyet-dinh"
    with page.expect_navigation():
        page.select_option("select[name=nam]", "2024")
    want = expected("quyet-dinh", "2024")
    page.wait_for_function("n => document.querySelectorAll('#document-list li').length === n", arg=len(want))
    assert urlsplit(page.url).path == urlsplit(LIST).path
    assert shown_numbers(page) == want
    page.close()
    assert errors == []


def test_without_javascript_the_filters_are_pages(no_script):
    page = no_script.new_page()
    page.goto(LIST)
    assert page.locator("#document-filter").is_hidden()
    page.click("nav.document-facets a:text-is('Quyết định')")
    assert page.url == f"{SUBPATH_SITEURL}/van-ban/loai/quyet-dinh/"
    page.click("nav.document-facets a:text-is('2025')")
    assert page.url == f"{SUBPATH_SITEURL}/van-ban/loai/quyet-dinh/2025/"
    assert shown_numbers(page) == expected("quyet-dinh", "2025")
    page.click("nav.document-facets a:text-is('Bỏ lọc loại văn bản: mọi văn bản năm 2025')")
    assert shown_numbers(page) == expected(year="2025")
    page.close()


def test_the_site_search_finds_a_document_by_a_word_only_inside_its_pdf(context, published):
    # The word is in no Markdown file and on no page but the document's (its extracted text).
    assert not [p for p in CONTENT.rglob("*.md") if INSIDE_THE_PDF in p.read_text("utf-8")]
    pages = [p.relative_to(published.output).as_posix() for p in published.output.rglob("*.html")]
    holding = [p for p in pages if INSIDE_THE_PDF in (published.output / p).read_text("utf-8")]
    assert holding == [DOCUMENT_WITH_THE_WORD]
    page = context.new_page()
    page.goto(f"{SUBPATH_SITEURL}/tim-kiem/")
    page.fill("#search-query", "xeo duoc")  # typed without diacritics
    page.press("#search-query", "Enter")
    page.wait_for_function(
        "() => document.querySelector('#search-status').textContent.startsWith('Tìm thấy')"
    )
    hrefs = page.locator("#search-results li > a").evaluate_all("links => links.map(a => a.href)")
    page.close()
    assert hrefs[:1] == [f"{SUBPATH_SITEURL}/{DOCUMENT_WITH_THE_WORD}"]


PAGES = {
    "list": "van-ban/",
    "filter": "van-ban/loai/nghi-quyet/2025/",
    "document": "van-ban/2024/15-nq-hdnd.html",
    "disclosures": "cong-khai/",
    "organization": "to-chuc/ubnd/",
}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", list(PAGES))
def test_the_pages_are_accessible_and_fit_a_phone(context, name, width):
    assert AXE.is_file(), "node_modules is missing: run make (npm ci)"
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{SUBPATH_SITEURL}/{PAGES[name]}")
    if name == "document":
        page.click("details summary")  # the text of the PDF, open
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    page.close()
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    assert overflow <= 0


def test_the_index_is_small_enough_to_load_at_once(published):
    size = (published.output / "van-ban/index.json").stat().st_size
    rows = len(json.loads((published.output / "van-ban/index.json").read_text("utf-8"))["documents"])
    assert size / rows < 400  # bytes per document: about 350 KB for a thousand
