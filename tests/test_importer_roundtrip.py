"""Import → build → the article page shows what the old page showed (title, date, lead,
credit, captions, where it came from), and each old address leads to it (trangxa.redirects:
a page with a meta refresh at the old path, the nginx map, the _redirects file)."""

import logging
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, ROOT, build_site, normalize
from pelican.settings import read_settings

from trangxa.importer import Importer
from trangxa.importer.sources import expand
from trangxa.redirects import nginx_map, old_address, page_file, redirect_page, redirects_file

DATA = Path(__file__).resolve().parent / "data" / "importer"
DUC_THUAN = "Phường Đức Thuận (cũ)"
SAVED_PAGE = "anh-kem-files/Chi tiết bài viết Tin tức - Cổng thông tin điện tử xã Hòa Lợi.html"
# Pages that import without a draft; with the credit line each page must show.
PAGES = {
    "tin-anh-cung-nguoi.html": "Tin, ảnh: Minh Chiến",
    "tin-anh-hai-nguoi.html": "Tin: Nguyễn Thu – Ảnh: Vũ Chiến",
    "bt-hinh.txt": "Tin: Nguyễn Văn Tâm – Ảnh: Lê Thị Hoa",
    "ten-tac-gia.txt": "Thu Hà",
    "tac-gia-don-vi.html": "Nguyễn Văn An, Văn phòng HĐND-UBND phường",
    "thieu-nam-suy-ra.html": "Tin, ảnh: Thanh Tùng",
    SAVED_PAGE: "Tin, ảnh: Thanh Tùng",
    "hai-cong": "Tin, ảnh: Minh Chiến",
}
SITEURL = "https://tanhoa.binhnguyen.gov.vn"
LIFERAY = "/web/guest/tin-tuc/-/asset_publisher/X/content/hoi-nghi"
LIFERAY_VI = "/web/guest/tin-tuc/-/asset_publisher/X/content/hội-nghị"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    content = tmp_path_factory.mktemp("nhap") / "content"
    (content / "bai-viet").mkdir(parents=True)
    shutil.copy(CONTENT / "organizations.yml", content / "organizations.yml")
    shutil.copytree(CONTENT / "trang", content / "trang")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    entries = Importer(settings, content / "bai-viet", DUC_THUAN).import_all(
        expand([DATA / p for p in PAGES])
    )
    return content, entries


@pytest.fixture(scope="module")
def built(imported, tmp_path_factory):
    content, entries = imported
    output = tmp_path_factory.mktemp("trang") / "output"
    records = build_site(output, content=content)
    return output, records


def article_page(output, entry):
    date = entry["date"][:4]
    return output / "bai-viet" / date / Path(entry["file"]).with_suffix(".html").name


def test_every_imported_page_is_published_as_imported(imported):
    _, entries = imported
    assert [e["status"] for e in entries] == ["imported"] * 8 + ["skipped"]  # the second portal's copy


def test_the_article_page_shows_what_the_old_page_showed(imported, built):
    content, entries = imported
    output, _ = built
    for entry, credit in zip(entries, PAGES.values(), strict=False):
        source = Path(entry["file"]).read_text(encoding="utf-8")
        soup = BeautifulSoup(article_page(output, entry).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.article")
        assert normalize(article.select_one("h1").get_text()) == normalize(entry["title"])
        assert article.select_one("time")["datetime"].startswith(entry["date"][:10])
        summary = re.search(r"^summary: '?(.*?)'?$", source, re.MULTILINE).group(1)
        assert normalize(article.select_one("p.lead").get_text()) == normalize(summary.replace("*", ""))
        assert normalize(article.select_one("p.credit").get_text()) == normalize(credit)
        captions = re.findall(r"^/// caption\n(.*?)\n///$", source, re.MULTILINE)
        assert [normalize(f.get_text()) for f in article.select("figcaption")] == [
            normalize(c) for c in captions
        ]
        assert (
            normalize(article.select_one(".article-origin").get_text())
            == f"· Đăng lần đầu trên trang {DUC_THUAN}"
        )
        assert article.select_one('[data-pagefind-filter="origin"]').get_text() == DUC_THUAN


def test_the_photos_of_the_saved_page_are_on_the_article(imported, built):
    _, entries = imported
    output, _ = built
    [entry] = [e for e in entries if e["source"].endswith(SAVED_PAGE)]
    images = BeautifulSoup(article_page(output, entry).read_text(encoding="utf-8"), "html.parser").select(
        "article .article-body img"
    )
    assert [img["alt"] for img in images] == [
        "Đồng chí Lê Văn Phúc, Chủ tịch UBND xã phát biểu tại hội nghị",
        "Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt ứng dụng VNeID",
        "Quang cảnh hội nghị",  # the photo the browser did not save: the old portal's address
    ]
    assert (output / "images/2023/hoi-nghi-trien-khai-chuyen-doi-so-va-de-an-06-nam-2023-1.jpg").is_file()


def test_each_old_address_leads_to_its_article(imported, built):
    _, entries = imported
    output, records = built
    assert not [r.getMessage() for r in records if r.name == "trangxa.redirects"]
    nginx = (output / ".duong-dan-cu.nginx.conf").read_text(encoding="utf-8")
    netlify = (output / "_redirects").read_text(encoding="utf-8")
    addresses = [
        (url, entry) for entry in entries if entry["status"] == "imported" for url in entry["old_urls"]
    ]
    assert len(addresses) == 7  # one for each saved page (text copies have none), two for the shared article
    for url, entry in addresses:
        target = "/" + article_page(output, entry).relative_to(output).as_posix()
        path = urlsplit(url).path
        page = output / page_file(old_address(url))
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.head.find("meta")["charset"] == "utf-8"
        assert soup.head.find_all("meta")[1]["http-equiv"] == "Content-Security-Policy"
        assert "script-src 'self'" in soup.head.find_all("meta")[1]["content"]
        assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
        assert soup.find("link", rel="canonical")["href"] == target
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert soup.body.a["href"] == target and not soup.find("script")
        assert f'"{unquote(path)}" "{target}";' in nginx
        assert f"{old_address(url).path} {target} 301" in netlify
        # The page the redirect points to exists.
        assert (output / target.lstrip("/")).is_file()


def test_a_redirect_page_is_not_in_the_sitemap_nor_the_search(built):
    output, _ = built
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "asset_publisher" not in sitemap and "/tin-tuc/" not in sitemap


def test_the_publishing_build_accepts_every_imported_article(imported, tmp_path):
    """Strict: any error would fail it. Redirects point to the site's full address."""
    content, entries = imported
    output = tmp_path / "published"
    build_site(output, content=content, settings_file="publishconf.py", SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    nginx = (output / ".duong-dan-cu.nginx.conf").read_text(encoding="utf-8")
    old = "/tin-tuc/ra-mat-mo-hinh-dan-van-kheo-trong-xay-dung-nong-thon-moi-1287.html"
    assert (
        f'"{old}" "{SITEURL}/bai-viet/2022/ra-mat-mo-hinh-dan-van-kheo-trong-xay-dung-nong-thon-moi.html";'
        in nginx
    )
    liferay = "web/guest/xuat-ban-thong-tin/-/asset_publisher/Hl0iQm2Lr9Ad/content"
    page = output / liferay / "hoi-nghi-trien-khai-chuyen-đoi-so" / "index.html"
    assert (
        f'url={SITEURL}/bai-viet/2023/hoi-nghi-trien-khai-chuyen-doi-so-va-de-an-06-nam-2023.html"'
        in page.read_text(encoding="utf-8")
    )


def test_a_redirect_no_longer_wanted_is_removed_and_a_disputed_one_not_made(imported, built, tmp_path):
    content, entries = imported
    output, _ = built
    content_copy, output_copy = tmp_path / "content", tmp_path / "output"
    shutil.copytree(content, content_copy)
    shutil.copytree(output, output_copy)
    first, second = (Path(str(e["file"]).replace(str(content), str(content_copy))) for e in entries[:2])
    first_url, second_url = entries[0]["old_urls"][0], entries[1]["old_urls"][0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace(f"  - {first_url}\n", f"  - {second_url}\n"), encoding="utf-8")
    records = build_site(output_copy, content=content_copy, log_level=logging.WARNING)
    for url in (first_url, second_url):  # the first's: no longer wanted; the second's: claimed twice
        assert not (output_copy / page_file(old_address(url))).exists()
        assert unquote(urlsplit(url).path) not in (output_copy / ".duong-dan-cu.nginx.conf").read_text(
            encoding="utf-8"
        )
    [warning] = [r.getMessage() for r in records if r.name == "trangxa.redirects"]
    assert f"Địa chỉ cũ “{second_url}” cũng ghi ở" in warning and "không chuyển hướng" in warning
    other = next(e for e in entries[2:] if e["old_urls"])
    assert (output_copy / page_file(old_address(other["old_urls"][0]))).is_file()  # the others stay


@pytest.mark.parametrize(
    ("url", "key", "file"),
    [
        # Liferay's portlet parameters do not name the article
        (f"https://a.gov.vn{LIFERAY}?p_p_id=101&_101_redirect=%2F", LIFERAY, f"{LIFERAY[1:]}/index.html"),
        # nor tracking parameters (a link shared in Zalo)
        (
            "http://a.gov.vn/tin/hoi-nghi-12.html?utm_source=zalo&zarsrc=30",
            "/tin/hoi-nghi-12.html",
            "tin/hoi-nghi-12.html",
        ),
        # an id does: the nginx map only
        ("http://a.gov.vn/News/Detail.aspx?id=123&lang=vi", "/News/Detail.aspx?id=123", None),
        ("/tin-tuc/chuyen-%C4%91oi-so/", "/tin-tuc/chuyen-%C4%91oi-so/", "tin-tuc/chuyen-đoi-so/index.html"),
        ("https://a.gov.vn//tin-tuc/./a/../b", "/tin-tuc/b", "tin-tuc/b/index.html"),
    ],
)
def test_old_addresses_are_keyed_by_path_and_the_query_that_names_the_article(url, key, file):
    address = old_address(url)
    assert address.key == key
    assert page_file(address) == file


@pytest.mark.parametrize(
    "url", ["https://a.gov.vn/", "https://a.gov.vn", "javascript:alert(1)", "tin-tuc/a", "//a.gov.vn/x"]
)
def test_what_is_no_old_address(url):
    assert old_address(url) is None


def test_a_redirect_page_escapes_what_it_shows():
    class Article:
        title = 'Hội nghị <b>"A"</b> & B'
        url = "bai-viet/2020/a.html"

    html = redirect_page(old_address("/x"), Article(), {"SITEURL": "", "CONTENT_EMBED_HOSTS": []})
    assert "<b>" not in html and "&amp; B" in html
    assert '<meta http-equiv="refresh" content="0; url=/bai-viet/2020/a.html">' in html


def test_the_nginx_map_and_the_redirects_file():
    class Article:
        def __init__(self, url):
            self.url, self.title = url, "Bài"

    plan = {
        old_address(f"https://a.gov.vn{LIFERAY_VI}"): Article("bai-viet/a.html"),
        old_address("http://a.gov.vn/News/Detail.aspx?id=123"): Article("bai-viet/b.html"),
        old_address("http://a.gov.vn/tin/c.html"): Article("bai-viet/c.html"),
    }  # fmt: skip
    settings = {"SITEURL": SITEURL}
    nginx = nginx_map(plan, settings)
    assert nginx.endswith(
        "map $request_uri $trangxa_redirect_query {\n"
        '    default "";\n'
        f'    "/News/Detail.aspx?id=123" "{SITEURL}/bai-viet/b.html";\n'
        "}\n"
        "map $uri $trangxa_redirect {\n"
        "    default $trangxa_redirect_query;\n"
        f'    "/tin/c.html" "{SITEURL}/bai-viet/c.html";\n'
        f'    "/web/guest/tin-tuc/-/asset_publisher/X/content/hội-nghị" "{SITEURL}/bai-viet/a.html";\n'
        f'    "/web/guest/tin-tuc/-/asset_publisher/X/content/hội-nghị/" "{SITEURL}/bai-viet/a.html";\n'
        "}\n"
    )
    assert "map_hash_bucket_size 128;" in nginx
    assert redirects_file(plan, settings).splitlines()[1:] == [
        f"/tin/c.html {SITEURL}/bai-viet/c.html 301",
        "/web/guest/tin-tuc/-/asset_publisher/X/content/h%E1%BB%99i-ngh%E1%BB%8B "
        f"{SITEURL}/bai-viet/a.html 301",
    ]


def test_search_can_keep_to_one_former_portal(imported, browser, tmp_path):
    """The origin is a filter: the search page offers the former portals and keeps to one."""
    from browser import serve  # noqa: PLC0415

    content, _ = imported
    mixed = tmp_path / "content"
    shutil.copytree(content, mixed)
    native = next((CONTENT / "bai-viet").rglob("*.md"))  # an article of this site, no origin
    shutil.copy(native, mixed / "bai-viet" / native.name)
    output = tmp_path / "output"
    build_site(output, content=mixed)
    imported_titles = {
        normalize(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").h1.get_text())
        for p in (output / "bai-viet").rglob("*.html")
        if 'data-pagefind-filter="origin"' in p.read_text(encoding="utf-8")
    }
    with serve(output) as site:
        page = browser.new_page()
        page.goto(f"{site}/tim-kiem/?q=x%C3%A3")  # "xã": in every article
        page.wait_for_function(
            "() => document.querySelector('#search-status').textContent.startsWith('Tìm thấy')"
        )
        origin = page.locator("#search-origin")
        assert origin.locator("option").all_inner_texts() == ["Tất cả các trang", DUC_THUAN]
        every = {normalize(t) for t in page.locator("#search-results li > a").all_inner_texts()}
        assert every - imported_titles, "the site's own article is found too"
        origin.select_option(DUC_THUAN)
        page.wait_for_function(
            "n => document.querySelectorAll('#search-results li').length < n", arg=len(every)
        )
        kept = {normalize(t) for t in page.locator("#search-results li > a").all_inner_texts()}
        assert kept and kept <= imported_titles
        page.close()
