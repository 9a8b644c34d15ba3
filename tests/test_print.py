"""Print and keep (issue 20, Decree 42/2022/NĐ-CP): on paper every page type keeps its content,
the site's name and governing body as a header, and the footer; menus, sidebar, visitor counter,
search box, pagination and reading aids are gone; an article carries its date and its full
address. Checked in headless Chromium with print emulation, and in a PDF it prints."""

import io
import re
import unicodedata

import pytest
from browser import serve, site_context
from conftest import ROOT, SUBPATH_SITEURL, normalize
from pelican.settings import read_settings
from pypdf import PdfReader

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
ARTICLE = "bai-viet/2025/dang-uy-xa-tan-hoa-to-chuc-hoi-nghi-so-ket-6-thang-dau-nam-2025.html"
PAGES = {
    "article": ARTICLE,
    "page": "trang/gioi-thieu.html",
    "home": "",
    "category": "chuyen-muc/kinh-te/",
    "organization": "to-chuc/hoi-nong-dan/",
    "documents": "van-ban/",
    "search": "tim-kiem/?q=hoi+nong+dan",
}
# On screen (the development site has a visitor counter), never on paper.
SCREEN_ONLY = [
    "a.skip-link",
    "nav.main-menu",
    "form.site-search",
    "[data-text-size-controls]",
    "nav.breadcrumb",
    ".sidebar",
    "nav.site-links",
    ".visitor-counter",
    "nav.pagination",
    "[data-article-tools]",
    "[data-print]",
    ".other-news",
]
SHOWN = """selectors => Object.fromEntries(selectors.map(s =>
  [s, [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0)]))"""


@pytest.fixture(scope="module")
def dev_site(site):
    with serve(site.output) as url:
        yield url


@pytest.fixture(scope="module")
def screen(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_on_paper_only_the_content_header_and_footer(screen, dev_site, name):
    page = screen.new_page()
    page.goto(f"{dev_site}/{PAGES[name]}")
    if name == "search":
        page.wait_for_function("() => document.querySelector('#search-status').textContent !== ''")
    page.locator("a.skip-link").focus()  # shown on screen when focused
    on_screen = page.evaluate(SHOWN, SCREEN_ONLY)
    for selector in [
        "nav.main-menu",
        "form.site-search",
        "[data-text-size-controls]",
        ".sidebar",
        ".visitor-counter",
    ]:
        assert on_screen[selector], (name, selector, "is on screen: the check below means something")
    page.emulate_media(media="print")
    on_paper = page.evaluate(SHOWN, SCREEN_ONLY)
    assert [s for s, shown in on_paper.items() if shown] == [], name
    header = normalize(page.locator("header.site-header").inner_text())
    assert (
        SETTINGS["GOVERNING_BODY"] in header and normalize(SETTINGS["COMMUNE_NAME"]).upper() in header.upper()
    )
    footer = normalize(page.locator("footer.site-footer").inner_text())
    for value in [SETTINGS["GOVERNING_BODY"], *SETTINGS["SITE_CONTACT"].values()]:
        assert value in footer, (name, value)
    assert page.locator("main").is_visible()
    colours = page.evaluate(
        """() => [document.body, document.querySelector('.banner'), document.querySelector('.site-footer'),
                  document.querySelector('main h1, main h2')].map(e => {
                    const style = getComputedStyle(e);
                    return [style.color, style.backgroundColor, style.backgroundImage];
                  })"""
    )
    assert all(c == ["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)", "none"] for c in colours), (name, colours)
    page.close()


def test_an_article_on_paper_has_its_date_and_full_address(screen, dev_site, site):
    page = screen.new_page()
    page.goto(f"{dev_site}/{ARTICLE}")
    address = page.locator(".print-address")
    assert not address.is_visible(), "paper only"
    page.emulate_media(media="print")
    assert address.is_visible()
    # A development build has relative links: the address printed is the one the browser resolved.
    assert normalize(address.inner_text()) == f"Địa chỉ bài viết: {dev_site}/{ARTICLE}"
    date = page.locator(".article-meta time")
    assert date.is_visible()
    assert site.soup(ARTICLE).select_one(".article-meta time")["datetime"].startswith("2025-07-10")
    assert "10/07/2025" in date.inner_text()
    page.close()


def test_the_print_button_prints(screen, dev_site):
    page = screen.new_page()
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    for path, label in [(ARTICLE, "In bài viết"), ("trang/gioi-thieu.html", "In trang")]:
        page.goto(f"{dev_site}/{path}")
        page.get_by_role("button", name=label).click()
        assert page.evaluate("() => window.printed") == 1, path
    page.close()


def pdf_text(data):
    """The text of a PDF, as one line (NFC, single spaces)."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(unicodedata.normalize("NFC", text).split()), reader


def test_a_printed_article_as_pdf(browser, published):
    # Without JavaScript: what a published page prints needs none.
    with site_context(browser, published.output, SUBPATH_SITEURL, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(f"{SUBPATH_SITEURL}/{ARTICLE}")
        data = page.pdf(prefer_css_page_size=True)
        page.close()
    text, reader = pdf_text(data)
    soup = published.soup(ARTICLE)
    title = normalize(soup.select_one("h1.article-title").get_text())
    assert title in normalize(text)
    assert "10/07/2025" in text
    address = f"{SUBPATH_SITEURL}/{ARTICLE}"
    assert "Địa chỉ bài viết:" in text
    assert address in re.sub(r"\s", "", text), "the full address, whatever its line breaks"
    assert SETTINGS["GOVERNING_BODY"] in text and SETTINGS["SITE_CONTACT"]["responsible"] in text
    # The menu's items and the sidebar's boxes are not on paper (those the article or the
    # footer do not say themselves).
    printed = normalize(
        " ".join(soup.select_one(s).get_text(" ") for s in ["header.site-header .banner", "main", "footer"])
    )
    menu = [normalize(a.get_text()) for a in soup.select("nav.main-menu a")]
    absent = [item for item in menu if item not in printed]
    assert len(absent) >= 6, absent
    for words in [*absent, "Liên kết website", "Cỡ chữ", "In bài viết", "Chuyển đến nội dung chính"]:
        assert words not in text, words
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842), "A4, from @page"
