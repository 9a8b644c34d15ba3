"""Search in a real browser: with and without diacritics, under a sub-path, and without JavaScript."""

import pytest
from browser import site_context
from conftest import SUBPATH_SITEURL, normalize

SEARCH_PAGE = f"{SUBPATH_SITEURL}/tim-kiem/"
FOUND = "document.querySelector('#search-status').textContent.startsWith('Tìm thấy')"


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
    page.wait_for_function(FOUND)
    assert page.url == f"{SEARCH_PAGE}?q=dang+uy"
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
