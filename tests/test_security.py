"""Nothing from content runs as code.

Hostile content (tests/data/hostile: articles, a page and an organization carrying
scripts, event handlers, javascript: links, foreign iframes, attribute-breaking quotes)
is added to a copy of the sample site. Every page and feed built from it is checked for
anything a browser would run; every removal is reported at its line; a strict build
fails; in Chromium every kind of page loads without a Content-Security-Policy violation,
with the visitor counter and the search still working.
"""

import functools
import http.server
import logging
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from browser import QuietHandler
from bs4 import BeautifulSoup
from conftest import CONTENT, DATA, ROOT, LogCollector, build_site
from markdown import Markdown
from markupsafe import Markup
from pelican.settings import read_settings
from test_counter_service import serve as serve_counter

from trangxa.content_checks.content_checks import ContentCheckFailed
from trangxa.content_security.policy import content_security_policy, counter_origin, header_policy
from trangxa.content_security.sanitize import clean_html, locate, removal_level, url_scheme

HOSTILE = DATA / "hostile"
NGINX_SAMPLE = ROOT / "ops" / "nginx" / "tanhoa.conf"
SITE_URL = "https://tanhoa.binhnguyen.gov.vn"
EMBED_HOSTS = {"www.youtube.com", "www.youtube-nocookie.com"}
DEV = read_settings(str(ROOT / "pelicanconf.py"))
# Attributes whose URL a browser follows, loads or submits to.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "xlink:href")
SAFE_SCHEMES = (None, "http", "https", "mailto", "tel")
# The hostile article's title, as a reader sees it (typography applied to the text).
HOSTILE_TITLE = "<script>alert(“title”)</script> Tin “thử” & <img src=x onerror=alert(‘title-img’)> a <\xa0b"


# --- The sanitizer, directly ---------------------------------------------------


def markdown_html(text):
    return Markdown(**DEV["MARKDOWN"]).convert(text)


def test_what_markdown_writes_passes_unchanged():
    text = """Chú thích[^1], *nghiêng*, **đậm**, `mã`, UBND, H~2~O.

Thuật ngữ
:   Định nghĩa

*[UBND]: Ủy ban nhân dân

![Nông dân bón phân](images/2024/tap-huan-lua.jpg "Tập huấn")

/// caption
Nông dân thực hành bón phân hữu cơ.
///

> Trích dẫn

    khối mã <script>

3. ba
4. bốn

- - -

Liên kết [nội bộ]({filename}/bai-viet/2024/a.md#muc), [ảnh]({static}/images/a.jpg), [trang chủ]({index}),
[từ khóa]({tag}lúa), [thư](mailto:ubnd@example.vn), [gọi](tel:+842743812345), [web](https://vbpl.vn).

Đoạn có mã và lớp riêng
{: #doan-1 .noi-bat }

[^1]: Ghi chú.
"""
    html = markdown_html(text)
    cleaned, removed = clean_html(html, DEV)
    assert removed == []
    # nh3 writes the footnotes' &#160; and &#8617; as &nbsp; and ↩: the same characters.
    assert cleaned == html.replace("&#160;", "&nbsp;").replace("&#8617;", "↩")


def test_table_alignment_becomes_a_class():
    html = markdown_html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
    cleaned, removed = clean_html(html, DEV)
    assert removed == [] and "style" not in cleaned
    assert cleaned.count('class="align-left"') == cleaned.count('class="align-right"') == 2
    assert cleaned.count('class="align-center"') == 2


@pytest.mark.parametrize(
    ("html", "kept", "message"),
    [
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>", "<script>"),
        (
            '<p><img src="a.jpg" alt="x" onerror="alert(1)"></p>',
            '<p><img src="a.jpg" alt="x"></p>',
            "“onerror”",
        ),
        ('<p><a href="javascript:alert(1)">x</a></p>', "<p><a>x</a></p>", "javascript:alert(1)"),
        ('<p><a href=" JaVa\tScRiPt:alert(1)">x</a></p>', "<p><a>x</a></p>", "ScRiPt:alert(1)"),
        ('<p><a href="&#106;avascript:alert(1)">x</a></p>', "<p><a>x</a></p>", "javascript:alert(1)"),
        ('<p><img src="data:image/svg+xml,<svg/>" alt="x"></p>', '<p><img alt="x"></p>', "data:image"),
        ('<p style="color:red">đỏ</p>', "<p>đỏ</p>", "“style”"),
        ('<p><a href="/" target="_blank">x</a></p>', '<p><a href="/">x</a></p>', "“target”"),
        (
            "<svg onload=alert(1)><circle r=1></circle></svg><p>a</p>",
            "<p>a</p>",
            "<svg> (kèm mã lệnh “onload”)",
        ),
        ("<p>a<style>p{}</style></p>", "<p>a</p>", "<style>"),
        ('<iframe src="https://evil.example/x"></iframe><p>a</p>', "<p>a</p>", "evil.example"),
        ('<iframe src="http://www.youtube.com/embed/x"></iframe>', "", "https://"),
        ('<iframe src="//www.youtube.com/embed/x"></iframe>', "", "www.youtube.com"),
        ("<form action=/x><input name=q><button>Gửi</button></form>", "Gửi", "<form>"),
        ('<object data="x.swf"><embed src="x.swf"></object>', "", "<object>"),
        ("<p>a<!-- ghi chú của người viết --></p>", "<p>a</p>", None),
    ],
)
def test_hostile_markup_is_removed_and_reported(html, kept, message):
    cleaned, removed = clean_html(html, DEV)
    assert cleaned == kept
    messages = [removal.message for removal in removed]
    if message is None:
        assert messages == [], "a comment is dropped quietly"
    else:
        assert len(messages) == 1 and message in messages[0], messages
        assert messages[0].startswith("Đã bỏ")


def test_embeds_only_from_the_listed_hosts():
    video = (
        '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/a" title="V" '
        "allowfullscreen></iframe>"
    )
    cleaned, removed = clean_html(video, DEV)
    assert removed == [] and 'src="https://www.youtube-nocookie.com/embed/a"' in cleaned
    cleaned, removed = clean_html(video, {"CONTENT_EMBED_HOSTS": ["player.vimeo.com"]})
    assert cleaned == ""
    assert "CONTENT_EMBED_HOSTS" in removed[0].message and "www.youtube-nocookie.com" in removed[0].message


def test_removals_are_located_at_their_lines():
    source = (
        "Mở đầu.\n\n<script>a()</script>\n\nGiữa <b>x</b>.\n\n<SCRIPT>b()</SCRIPT>\n\n[x](javascript:c())\n"
    )
    _, removed = clean_html(markdown_html(source), DEV)
    lines = locate(removed, source, 10)
    assert [line for line, _ in lines] == [12, 14, 16, 18]
    assert "<script>" in lines[0][1] and "<b>" in lines[1][1] and "javascript:c()" in lines[3][1]


def test_a_removal_is_an_error_only_in_a_strict_build():
    assert removal_level({"CONTENT_CHECKS_STRICT": True}) == "error"
    assert removal_level(DEV) == "warning"


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("{static}/images/a.jpg", None),
        ("|filename|/a.md", None),
        ("../a.html#b", None),
        ("//evil.example/a", None),
        ("HTTPS://a.vn", "https"),
        ("\x01java\nscript:x", "javascript"),
        ("mailto:a@b.vn", "mailto"),
    ],
)
def test_url_scheme_as_a_browser_reads_it(url, scheme):
    assert url_scheme(url) == scheme


def test_reader_escapes_the_title_before_typography(tmp_path):
    from trangxa.front_matter.front_matter import FrontMatterMarkdownReader

    source = tmp_path / "bai.md"
    source.write_text('Title: <b>Hội nghị</b> "A & B" <3\nDate: 01/01/2025\n\nThân bài.\n', "utf-8")
    _, metadata = FrontMatterMarkdownReader(DEV).read(str(source))
    title = metadata["title"]
    assert isinstance(title, Markup)
    assert title == '&lt;b&gt;Hội nghị&lt;/b&gt; &#8220;A <span class="amp">&amp;</span> B&#8221;&nbsp;&lt;3'
    assert title.striptags() == "<b>Hội nghị</b> “A & B”\u00a0<3"


# --- The Content-Security-Policy ------------------------------------------------


def test_development_policy_allows_the_local_counter():
    policy = content_security_policy(DEV)
    assert policy == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
        "img-src 'self' https:; connect-src 'self' http://localhost:8001; "
        "frame-src https://www.youtube.com https://www.youtube-nocookie.com; object-src 'none'; "
        "base-uri 'self'; form-action 'self'"
    )
    assert "frame-ancestors" not in policy, "ignored (with a console warning) in a <meta>"
    assert header_policy(DEV) == policy + "; frame-ancestors 'none'"


@pytest.mark.parametrize(
    ("backend", "url", "origin"),
    [
        ("builtin", "https://tanhoa.binhnguyen.gov.vn/api/counter", "https://tanhoa.binhnguyen.gov.vn"),
        ("builtin", "http://127.0.0.1:8001", "http://127.0.0.1:8001"),
        ("goatcounter", "https://tanhoa.goatcounter.com", "https://tanhoa.goatcounter.com"),
        (None, "http://localhost:8001", None),  # no counter box
        ("builtin", "", None),
        ("builtin", "/api/counter", None),  # same origin: 'self'
    ],
)
def test_connect_src_follows_the_counter(backend, url, origin):
    settings = {"COUNTER_BACKEND": backend, "COUNTER_URL": url}
    assert counter_origin(settings) == origin
    connect = re.search(r"connect-src ([^;]*)", content_security_policy(settings)).group(1)
    assert connect == " ".join(["'self'", *([origin] if origin else [])])


def test_no_embed_host_and_no_search_narrow_the_policy():
    policy = content_security_policy({"CONTENT_EMBED_HOSTS": [], "SEARCH_INDEX": False})
    assert "frame-src 'none'" in policy
    assert "script-src 'self';" in policy and "wasm" not in policy


def test_theme_has_no_inline_script_style_or_handler():
    for template in sorted((ROOT / "theme" / "templates").rglob("*.html")):
        text = template.read_text("utf-8")
        scripts = re.findall(r"<script\b[^>]*>", text)
        assert all("src=" in tag or "application/ld+json" in tag for tag in scripts), template
        assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=|javascript:", text), template


# --- Hostile content, built ------------------------------------------------------


def hostile_content(root):
    """A copy of content/ with the hostile files, and a copy of the registry with the
    hostile organization (outside content/, passed as ORGANIZATIONS_REGISTRY)."""
    content = root / "content"
    shutil.copytree(CONTENT, content)
    for folder in ("bai-viet", "trang"):
        shutil.copytree(HOSTILE / folder, content / folder, dirs_exist_ok=True)
    entries = [
        *entries_of(CONTENT / "organizations.yml"),
        *entries_of(HOSTILE / "organizations.yml"),
    ]
    registry = root / "organizations.yml"
    registry.write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")
    return content, registry


def entries_of(path):
    return yaml.safe_load(path.read_text("utf-8"))


def nginx_counter_url():
    return re.search(r"^#\s+COUNTER_URL=(\S+)", NGINX_SAMPLE.read_text("utf-8"), re.MULTILINE).group(1)


class Build:
    def __init__(self, output, records):
        self.output = Path(output)
        self.records = records

    def files(self, *suffixes):
        return sorted(p for p in self.output.rglob("*") if p.suffix in suffixes and "pagefind" not in p.parts)

    def soup(self, relative):
        return BeautifulSoup((self.output / relative).read_text("utf-8"), "html.parser")

    def find(self, pattern):
        """The one output path (relative, POSIX) matching a glob."""
        found = [p.relative_to(self.output).as_posix() for p in self.output.glob(pattern)]
        assert len(found) == 1, (pattern, found)
        return found[0]


def sample_headers():
    """The headers ops/nginx/tanhoa.conf adds (the commented ones left out)."""
    sample = NGINX_SAMPLE.read_text("utf-8")
    return dict(re.findall(r'^\s*add_header ([\w-]+) "([^"]*)" always;', sample, re.MULTILINE))


@contextmanager
def serve_with_headers(directory, headers):
    """Serve ``directory`` on loopback, adding ``headers`` (filled in later) to every answer,
    as nginx does: a worker script (Pagefind's) gets the policy from its headers only."""

    class Handler(QuietHandler):
        def end_headers(self):
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The hostile site (development settings) served on loopback with the nginx sample's
    headers (its policy for this build's counter), next to a counter service."""
    root = tmp_path_factory.mktemp("hostile")
    content, registry = hostile_content(root)
    output = root / "output"
    output.mkdir()
    headers = {}
    with (
        serve_with_headers(output, headers) as site,
        serve_counter(root / "counter.sqlite3", COUNTER_ORIGINS=[site], COUNTER_RATE_LIMIT=1000) as counter,
    ):
        counter_settings = {"COUNTER_BACKEND": "builtin", "COUNTER_URL": f"http://127.0.0.1:{counter.port}"}
        records = build_site(output, content, ORGANIZATIONS_REGISTRY=str(registry), **counter_settings)
        settings = read_settings(str(ROOT / "pelicanconf.py"), override=counter_settings)
        headers.update(sample_headers(), **{"Content-Security-Policy": header_policy(settings)})
        yield site, Build(output, records), content


@pytest.fixture(scope="module")
def hostile(live):
    return live[1]


@pytest.fixture(scope="module")
def strict(tmp_path_factory):
    """The hostile site built with publishconf.py (and the nginx sample's COUNTER_URL): it
    fails at the end, after writing every page and feed."""
    root = tmp_path_factory.mktemp("hostile-strict")
    content, registry = hostile_content(root)
    collector = LogCollector(logging.WARNING)
    logging.getLogger().addHandler(collector)
    try:
        with pytest.raises(ContentCheckFailed):
            build_site(
                root / "output",
                content,
                "publishconf.py",
                ORGANIZATIONS_REGISTRY=str(registry),
                SITEURL=SITE_URL,
                FEED_DOMAIN=SITE_URL,
                COUNTER_BACKEND="builtin",
                COUNTER_URL=nginx_counter_url(),
            )
    finally:
        logging.getLogger().removeHandler(collector)
    return Build(root / "output", collector.records)


def same_origin_script(src, site_url):
    parts = urlsplit(src)
    local = not parts.scheme or src.startswith(f"{site_url}/")
    return local and "/theme/js/" in f"/{parts.path}"


def what_could_run(soup, site_url):
    """Everything in a parsed page that a browser would run or navigate to as code."""
    found = []
    for script in soup.find_all("script"):
        data = script.get("type") == "application/ld+json" and not script.get("src")
        if not data and not same_origin_script(script.get("src") or "", site_url):
            found.append(str(script)[:120])
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}>")
            if name.lower() in URL_ATTRIBUTES and url_scheme(str(value)) not in SAFE_SCHEMES:
                found.append(f"<{tag.name} {name}={value!r}>")
        if tag.name == "iframe" and urlsplit(tag.get("src", "")).hostname not in EMBED_HOSTS:
            found.append(f"iframe {tag.get('src')!r}")
        if tag.name == "base" and tag.get("href") == "/":
            continue  # the theme's own, on the 404 page of a development build (links from the root)
        if tag.name in ("object", "embed", "base", "svg", "math") or tag.get("http-equiv") == "refresh":
            found.append(f"<{tag.name}>")
    return found


ESCAPED_TWICE = re.compile(r"&amp;(amp|lt|gt|quot|nbsp|#\d+);")


def feed_entries_html(path):
    """The HTML of every entry of a feed, as a feed reader gets it (not sanitized)."""
    parsed = feedparser.parse(str(path), sanitize_html=False)
    for entry in parsed.entries:
        for part in [*entry.get("content", []), entry.get("summary_detail")]:
            if part:
                yield part["value"]


# Feeds too are read as HTML: what a browser would make of them if served as such.
@pytest.mark.filterwarnings("ignore::bs4.XMLParsedAsHTMLWarning")
def test_nothing_in_any_page_or_feed_can_run(hostile, strict):
    checked = 0
    for build, site_url in ((hostile, ""), (strict, SITE_URL)):
        for path in build.files(".html", ".xml"):
            text = path.read_text("utf-8")
            assert what_could_run(BeautifulSoup(text, "html.parser"), site_url) == [], path
            assert path.suffix == ".xml" or not ESCAPED_TWICE.search(text), path
            checked += 1
        for feed in build.files(".xml"):
            for html in feed_entries_html(feed):
                assert what_could_run(BeautifulSoup(html, "html.parser"), site_url) == [], feed
                assert not ESCAPED_TWICE.search(html), feed
    assert checked > 150
    assert strict.files(".xml"), "the strict build wrote its feeds"


def test_hostile_text_reads_as_text(hostile):
    page = hostile.soup(hostile.find("bai-viet/2025/scriptalerttitle*.html"))
    title = page.select_one("h1.article-title").get_text()
    assert title == HOSTILE_TITLE
    assert page.title.get_text().startswith("<script>alert(“title”)</script> Tin “thử” & <img")
    assert page.select_one('meta[property="og:title"]')["content"].startswith("<script>alert(")
    assert page.select_one("p.credit").get_text() == (
        "Tin: <script>alert('author')</script>Nguyễn \"Thử\" – Ảnh: <img src=x onerror=alert('photographer')>"
    )
    tags = [a.get_text() for a in page.select("p.article-tags a")]
    assert "<script>alert('tag')</script>" in tags and "\"><svg onload=alert('tag2')>" in tags
    organization = page.select_one("p.article-organizations a").get_text()
    assert organization == "<img src=x onerror=alert('short')>TCTN"
    assert "alert" not in page.select_one("p.lead").decode_contents()
    assert page.select_one('iframe[src="https://www.youtube-nocookie.com/embed/abc123"]')
    assert len(page.select("iframe")) == 1, "the foreign embed is gone, not left empty"


def test_hostile_organization_reads_as_text(hostile):
    page = hostile.soup("to-chuc/to-chuc-thu-nghiem/index.html")
    assert page.select_one("h1").get_text() == "<script>alert('org')</script>Tổ chức \"thử\" & <b>nghiệm</b>"
    info = page.select_one(".organization-info").get_text()
    # The description is text with the articles' typography (curly quotes), never markup.
    assert "<script>alert(‘description’)</script>" in info and "<iframe src=https://evil.example>" in info
    assert not page.select(".organization-info script, .organization-info a[href^='javascript']")
    phone = page.select_one('.contact a[href^="tel:"]')
    assert phone["href"] == "tel:0274'onclick='alert(1)" and phone.get("onclick") is None
    listing = hostile.soup("to-chuc/index.html")
    assert "<svg onload=alert('group')>Nhóm thử" in [h2.get_text() for h2 in listing.select("h2")]


def test_hostile_category_and_yaml_title_read_as_text(hostile):
    page = hostile.soup(hostile.find("chuyen-muc/*chuyen-muc-la/index.html"))
    assert page.select_one("h1").get_text() == "<script>alert('category')</script>Chuyên mục lạ"
    article = hostile.soup(hostile.find("bai-viet/2025/onmouseover*.html"))
    heading = article.select_one("h1.article-title")
    assert heading.get_text().startswith(
        "” onmouseover=”alert(‘quote’) ‘ onfocus=’alert(1)’ </title><script>"
    )
    assert heading.attrs == {"class": ["article-title"]}


def test_feeds_read_titles_with_markup_characters_as_text(strict):
    for kind in ("atom", "rss"):
        every = feedparser.parse(str(strict.output / "feeds" / f"tat-ca.{kind}.xml"), sanitize_html=False)
        assert HOSTILE_TITLE in [entry.title for entry in every.entries], kind
    organization = feedparser.parse(
        str(strict.output / "feeds" / "to-chuc" / "to-chuc-thu-nghiem.rss.xml"), sanitize_html=False
    )
    assert organization.feed.title.endswith(" – <script>alert('org')</script>Tổ chức \"thử\" & <b>nghiệm</b>")


def source_line(path, marker):
    lines = Path(path).read_text("utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if marker in line)


# (file, a marker on the line, words of the message)
REPORTED = [
    ("bai-viet/2025/tin-doc-hai.md", "Summary:", "<script>"),
    ("bai-viet/2025/tin-doc-hai.md", "Summary:", "javascript:alert(1)"),
    ("bai-viet/2025/tin-doc-hai.md", "Summary:", "<b> (kèm mã lệnh “onclick”)"),
    ("bai-viet/2025/tin-doc-hai.md", "Image:", "ảnh đại diện"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('body')", "<script>"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('img')", "“onerror” của thẻ <img>"),
    ("bai-viet/2025/tin-doc-hai.md", "alert(2)", "javascript:alert(2)"),
    ("bai-viet/2025/tin-doc-hai.md", "alert(3)", "JaVaScRiPt:alert(3)"),
    ("bai-viet/2025/tin-doc-hai.md", "&#106;avascript", "javascript:alert('entity')"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('hover')", "“onmouseover” của thẻ <a>"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('hover')", "“style” của thẻ <a>"),
    ("bai-viet/2025/tin-doc-hai.md", "evil.example/embed", "CONTENT_EMBED_HOSTS"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('svg')", "<svg> (kèm mã lệnh “onload”)"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('p')", "“style” của thẻ <p>"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('p')", "“onclick” của thẻ <p>"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('form')", "<form>"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('object')", "<object>"),
    ("bai-viet/2025/tin-doc-hai.md", "<base", "<base>"),
    ("bai-viet/2025/tin-doc-hai.md", "http-equiv", "<meta>"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('body-2')", "<script>"),
    ("bai-viet/2025/tin-doc-hai.md", "alert('mxss')", "<math>"),
    ("bai-viet/2025/thong-bao-doc-hai.md", "data:text/html", "data:text/html"),
    ("bai-viet/2025/thong-bao-doc-hai.md", "vbscript", "vbscript:msgbox(1)"),
    ("bai-viet/2025/thong-bao-doc-hai.md", "srcset", "“srcset”"),
    ("trang/trang-doc-hai.md", "http://www.youtube.com", "https://"),
    ("trang/trang-doc-hai.md", "alert('page-img')", "“onerror”"),
]


def reports(records, content, level):
    found = {}
    for record in records:
        message = record.getMessage()
        match = re.match(r"(.+?):(\d+): (Đã bỏ .*)", message)
        if match and record.levelno == level:
            relative = Path(match[1]).resolve().relative_to(content.resolve()).as_posix()
            found.setdefault((relative, int(match[2])), []).append(match[3])
    return found


@pytest.mark.parametrize(("relative", "marker", "words"), REPORTED)
def test_each_removal_is_reported_at_its_line(live, relative, marker, words):
    _, build, content = live
    line = source_line(content / relative, marker)
    messages = reports(build.records, content, logging.WARNING).get((relative, line), [])
    assert any(words in message for message in messages), (line, messages)


def test_nothing_else_is_reported_as_removed(live):
    _, build, content = live
    found = reports(build.records, content, logging.WARNING)
    expected = {(relative, source_line(content / relative, marker)) for relative, marker, _ in REPORTED}
    assert set(found) == expected


def test_the_sample_site_has_nothing_to_remove(site):
    assert not [r for r in site.warnings if "Đã bỏ" in r.getMessage()]


def test_strict_build_reports_removals_as_errors(tmp_path):
    """One article, valid but for a <script>: the strict build fails because of it."""
    content = tmp_path / "content"
    (content / "bai-viet").mkdir(parents=True)
    shutil.copy(CONTENT / "organizations.yml", content)
    (content / "bai-viet" / "bai.md").write_text(
        "Title: Hội nghị\nDate: 01/03/2025 08:00\nAuthor: Nguyễn Thu\nCategory: Kinh tế\n"
        "Organizations: UBND\n\nSáng 1/3, UBND xã tổ chức hội nghị.\n\n<script>alert(1)</script>\n",
        "utf-8",
    )
    collector = LogCollector(logging.ERROR)
    logging.getLogger().addHandler(collector)
    try:
        with pytest.raises(ContentCheckFailed):
            build_site(tmp_path / "output", content, "publishconf.py")
    finally:
        logging.getLogger().removeHandler(collector)
    errors = [r.getMessage() for r in collector.records if "bai.md:" in r.getMessage()]
    assert len(errors) == 1 and ":9: Đã bỏ đoạn mã <script>" in errors[0], errors
    assert (tmp_path / "output" / "bai-viet" / "2025" / "hoi-nghi.html").is_file(), "published, cleaned"


def test_strict_build_of_the_hostile_site_fails_on_removals(strict):
    errors = [r.getMessage() for r in strict.records if r.levelno == logging.ERROR]
    assert sum("Đã bỏ" in message for message in errors) >= len(REPORTED)


# --- The policy in the pages, and in the nginx sample ------------------------------


def policy_of(soup):
    meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    return meta and meta["content"]


def test_every_page_carries_the_policy_before_any_resource(hostile, strict):
    for build in (hostile, strict):
        pages = build.files(".html")
        assert len(pages) > 100
        for path in pages:
            soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            head = [tag.name for tag in soup.head.find_all(True)]
            assert head[:2] == ["meta", "meta"] and policy_of(soup), path
            assert soup.head.find_all(True)[1].get("http-equiv") == "Content-Security-Policy"


def test_nginx_sample_sends_the_policy_of_the_published_pages(strict):
    headers = sample_headers()
    meta = policy_of(strict.soup("index.html"))
    assert headers["Content-Security-Policy"] == f"{meta}; frame-ancestors 'none'"
    settings = read_settings(
        str(ROOT / "publishconf.py"),
        override={"COUNTER_BACKEND": "builtin", "COUNTER_URL": nginx_counter_url()},
    )
    assert headers["Content-Security-Policy"] == header_policy(settings)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    sample = NGINX_SAMPLE.read_text("utf-8")
    assert re.search(r'^\s*# add_header Strict-Transport-Security "max-age=\d+"', sample, re.MULTILINE)


# --- In Chromium ---------------------------------------------------------------------

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""
# Functions, not expressions: Playwright evaluates a waited-for expression with eval(),
# which the policy (rightly) refuses.
COUNTED = "() => document.querySelector('.visitor-counter').dataset.state === 'ready'"
FOUND = "() => (document.querySelector('#search-status')?.textContent || '').startsWith('Tìm thấy')"


@pytest.fixture(scope="module")
def browser_context(browser, live):
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    # Offline: other hosts (the allowed video, a photo from another site) answer locally.
    context.route(
        lambda url: urlsplit(url).hostname != "127.0.0.1", lambda route: route.fulfill(status=204, body="")
    )
    yield context
    context.close()


def open_and_watch(context, url, ready):
    page = context.new_page()
    problems, dialogs = [], []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type in ("error", "warning") and not msg.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_function(ready, timeout=10_000)
    return page, problems, dialogs


def page_types(build):
    return {
        "home": "",
        "hostile article": build.find("bai-viet/2025/scriptalerttitle*.html"),
        "hostile yaml article": build.find("bai-viet/2025/onmouseover*.html"),
        "article": "bai-viet/2025/dang-uy-xa-tan-hoa-to-chuc-hoi-nghi-so-ket-6-thang-dau-nam-2025.html",
        "page": "trang/trang-thu-doc-hai.html",
        "category": build.find("chuyen-muc/*chuyen-muc-la/index.html").removesuffix("index.html"),
        "categories": "chuyen-muc/",
        "tag": "chu-de/alerttag/",
        "organization": "to-chuc/to-chuc-thu-nghiem/",
        "organizations": "to-chuc/",
        "search": "tim-kiem/?q=hoi+nong+dan",
        "search for hostile text": "tim-kiem/?q=onerror",  # excerpts go in with innerHTML
        "404": "404.html",
    }


def test_every_kind_of_page_runs_without_a_policy_violation(browser_context, live):
    site, build, _ = live
    for name, path in page_types(build).items():
        search = name.startswith("search")
        ready = FOUND if search else COUNTED  # the counter answered, through the policy
        page, problems, dialogs = open_and_watch(browser_context, f"{site}/{path}", ready)
        if search:
            assert page.locator("#search-results li").count() > 0
            assert page.locator("#search-results img, #search-results script").count() == 0
            page.wait_for_function(COUNTED)
        violations = page.evaluate("window.__violations")
        page.close()
        assert (violations, problems, dialogs) == ([], [], []), name


def test_search_needs_wasm_unsafe_eval(browser, live):
    """Pagefind searches in a worker (pagefind-worker.js), which a <meta> policy does not
    reach but the server's header does: without 'wasm-unsafe-eval' its WebAssembly is refused."""
    output = live[1].output
    policy = header_policy(DEV).replace(" 'wasm-unsafe-eval'", "")
    with serve_with_headers(output, {"Content-Security-Policy": policy}) as site:
        page = browser.new_page()
        refused = []
        page.on("console", lambda msg: refused.append(msg.text) if "WebAssembly" in msg.text else None)
        page.goto(f"{site}/tim-kiem/?q=hoi+nong+dan")
        page.wait_for_timeout(500)
        for _ in range(40):
            if refused:
                break
            page.wait_for_timeout(250)
        status = page.inner_text("#search-status")
        page.close()
    assert refused and "Content Security Policy" in refused[0], refused
    assert not status.startswith("Tìm thấy"), status
