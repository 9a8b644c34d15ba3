"""Quality gates: accessibility (axe-core), valid HTML (Nu Html Checker), no broken links
(LinkChecker), light pages, no layout shift, nothing wider than a phone, keyboard use."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from browser import site_context
from conftest import ROOT, SUBPATH_SITEURL, build_site

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTICLE_WITH_PHOTOS = "bai-viet/2025/dang-uy-xa-tan-hoa-to-chuc-hoi-nghi-so-ket-6-thang-dau-nam-2025.html"
PAGES = {
    "home": "",
    "category": "chuyen-muc/kinh-te/",
    "article": ARTICLE_WITH_PHOTOS,
    "organization": "to-chuc/hoi-nong-dan/",
    "search": "tim-kiem/?q=hoi+nong+dan",
    "404": "404.html",
    "structure": "trang/co-cau-to-chuc.html",
    "contacts": "trang/lien-he.html",
    "english": "en/co-cau-to-chuc.html",
    "work-schedule": "lich-cong-tac/",
    "work-schedule-week": "lich-cong-tac/2026/tuan-49/",
    "work-schedule-year": "lich-cong-tac/2026/",
    "public-services": "dich-vu-cong/",
}
WIDTHS = (360, 1280)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def context(browser, published):
    with site_context(browser, published.output, SUBPATH_SITEURL) as context:
        yield context


def open_page(context, name, width):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{SUBPATH_SITEURL}/{PAGES[name]}")
    if name == "search":
        page.wait_for_function("() => document.querySelector('#search-status').textContent !== ''")
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(context, name, width):
    assert AXE.is_file(), "node_modules is missing: run make (npm ci)"
    page = open_page(context, name, width)
    page.evaluate(AXE.read_text(encoding="utf-8"))  # a <script> would be refused by the page's policy
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    page.close()
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    assert len(result["passes"]) > 20, "axe really ran"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["home", "article"])
def test_nothing_overflows_sideways(context, name, width, tmp_path):
    page = open_page(context, name, width)
    page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(e => {
               const r = e.getBoundingClientRect();
               return r.width > 0 && r.right > document.documentElement.clientWidth + 1;  // menu included
           }).map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    page.close()
    assert (tmp_path / f"{name}-{width}.png").stat().st_size > 10_000
    assert overflow <= 0
    assert wide == []


def test_keyboard_skip_link_focus_and_menus(context):
    page = open_page(context, "article", 1280)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.className, document.activeElement.getBoundingClientRect().top]"
    )
    assert focused[0] == "skip-link" and focused[1] >= 0, "the skip link comes first and shows when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    reached = set()
    for _ in range(120):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "document.activeElement.closest('nav') && document.activeElement.closest('nav').className"
            )
        )
    assert {"main-menu", "site-links box"} <= reached
    page.close()
    # Enter on a menu link follows it.
    page = open_page(context, "home", 1280)
    link = page.locator("nav.main-menu a", has_text="Kinh tế")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{SUBPATH_SITEURL}/chuyen-muc/kinh-te/")
    page.close()


def test_article_page_is_light(context):
    page = context.new_page()
    sizes = {}

    def record(response):
        if response.request.resource_type != "image":
            sizes[response.url] = len(response.body())

    page.on("response", record)
    page.goto(f"{SUBPATH_SITEURL}/{ARTICLE_WITH_PHOTOS}")
    page.wait_for_load_state("networkidle")
    page.close()
    assert any(url.endswith(".css") for url in sizes)
    assert sum(sizes.values()) <= 60 * 1024, sizes


def test_images_have_size_and_srcset_and_do_not_shift(context, published):
    soup = published.soup(ARTICLE_WITH_PHOTOS)
    images = soup.select("article.article img")
    assert images
    for img in images:
        assert img.get("width") and img.get("height")
        assert img.get("srcset") and img.get("sizes")
        for candidate in img["srcset"].split(","):
            url = candidate.split()[0]
            assert (published.output / url[len(SUBPATH_SITEURL) + 1 :]).is_file(), url
    page = open_page(context, "article", 360)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    shift = page.evaluate(
        """() => new Promise(resolve => { let total = 0;
             new PerformanceObserver(l => l.getEntries().forEach(e => total += e.value))
               .observe({type: 'layout-shift', buffered: true});
             setTimeout(() => resolve(total), 300); })"""
    )
    page.close()
    assert shift < 0.01
    phone = [c for c in images[0]["srcset"].split(",") if c.strip().endswith(" 360w")]
    assert phone, "a phone gets a 360 px copy"


@pytest.mark.external  # Java runs the Nu Html Checker
def test_every_page_is_valid_html(published):
    java = shutil.which("java")
    assert java and VNU.is_file(), "java or node_modules/vnu-jar missing: run .ci/run"
    command = [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json"]
    result = subprocess.run([*command, str(published.output)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [(m.get("url", "").split("/")[-1], m.get("lastLine"), m["message"]) for m in messages]
    assert errors == []
    assert len(published.html_files()) > 100


def linkchecker(start):
    config = Path(__file__).parent / "data" / "linkcheckerrc"
    command = [
        str(Path(sys.executable).parent / "linkchecker"),
        "-f",
        str(config),
        "--verbose",
        "-o",
        "csv",
        start,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture
def readable_dir():
    """A folder anyone can read: LinkChecker run as root drops to the user "nobody"."""
    folder = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.external  # LinkChecker
def test_no_broken_link_in_the_dev_site(site, readable_dir):
    copy = shutil.copytree(site.output, readable_dir / "site")
    for folder, _, _ in os.walk(copy):
        os.chmod(folder, 0o755)
    result = linkchecker((copy / "index.html").as_uri())
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.count("\n") > 300, "LinkChecker walked the site"


@pytest.mark.external  # LinkChecker
def test_no_broken_link_under_a_sub_path(readable_dir):
    webroot = readable_dir / "webroot"
    output = webroot / "xa-tan-hoa"
    site_url = output.as_uri()  # file:///…/webroot/xa-tan-hoa: absolute links with a sub-path
    build_site(output, settings_file="publishconf.py", SITEURL=site_url, FEED_DOMAIN=site_url)
    for folder in (webroot, output):
        folder.chmod(0o755)
    result = linkchecker(f"{site_url}/index.html")
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.count("\n") > 300, "LinkChecker walked the site"
