"""The visitor counter box in a real browser: figures from the running service, quiet fallbacks."""

import http.server
import re
import socket
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import serve
from bs4 import BeautifulSoup
from conftest import build_site
from test_counter_service import serve as serve_counter

BASE = 2713911
GROUPED = re.compile(r"^\d{1,3}(\.\d{3})*$")
ARTICLE = "bai-viet/2025/dang-uy-xa-tan-hoa-to-chuc-hoi-nghi-so-ket-6-thang-dau-nam-2025.html"
READY = "document.querySelector('.visitor-counter').dataset.state"
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The dev site served on loopback, built against a running counter service."""
    root = tmp_path_factory.mktemp("counter-site")
    db = root.parent / "counter.sqlite3"
    with (
        serve(root) as site,
        serve_counter(db, COUNTER_ORIGINS=[site], COUNTER_BASE=BASE, COUNTER_RATE_LIMIT=1000) as counter,
    ):
        build_site(root, COUNTER_BACKEND="builtin", COUNTER_URL=f"http://127.0.0.1:{counter.port}")
        yield site, counter


def watch(page):
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None)
    return problems


def test_figures_appear_grouped_with_dots(browser, live):
    site, counter = live
    before = counter.total()
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    page.goto(f"{site}/{ARTICLE}")
    page.wait_for_function(f"() => {READY} === 'ready'")
    total = page.inner_text('[data-counter="total"]')
    online = page.inner_text('[data-counter="online"]')
    assert GROUPED.match(total) and GROUPED.match(online)
    assert int(total.replace(".", "")) == before + 1 == counter.total()
    assert int(online) >= 1
    assert page.evaluate(CLS) == 0, "no layout shift when the figures arrive"
    assert problems == []
    # Another visitor (new browser storage) is one more online; the same one is not.
    page.reload()
    page.wait_for_function(f"() => {READY} === 'ready'")
    same = int(page.inner_text('[data-counter="online"]'))
    other = browser.new_context().new_page()
    other.goto(f"{site}/{ARTICLE}")
    other.wait_for_function(f"() => {READY} === 'ready'")
    assert int(other.inner_text('[data-counter="online"]')) == same + 1
    context.close()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_service_down_leaves_a_dash_and_no_error(browser, tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    build_site(root, COUNTER_BACKEND="builtin", COUNTER_URL=f"http://127.0.0.1:{free_port()}")
    with serve(root) as site:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # Chromium itself reports the refused connection ("Failed to load resource"); page
        # code cannot silence that line. Anything from the page's own code is an error here.
        page.on(
            "console",
            lambda msg: (
                errors.append(msg.text)
                if msg.type in ("error", "warning")
                and not msg.text.startswith("Failed to load resource: net::")
                else None
            ),
        )
        page.goto(f"{site}/{ARTICLE}")
        page.wait_for_function(f"() => {READY} === 'unavailable'", timeout=5000)
        assert page.inner_text('[data-counter="total"]') == "–"
        assert page.inner_text('[data-counter="online"]') == "–"
        assert errors == []
        assert page.locator("article.article h1").count() == 1
        page.close()


def test_without_javascript_the_page_is_complete(browser, live):
    site, _ = live
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/{ARTICLE}")
    assert page.locator("article.article h1").inner_text()
    assert page.locator("p.lead").inner_text()
    assert page.locator("section.other-news li").count() == 8
    assert page.locator("nav.site-links a").count() >= 4
    assert page.inner_text('[data-counter="total"]') == "–"
    context.close()


def test_no_counter_address_means_no_box(published):
    assert published.soup("index.html").select_one(".visitor-counter") is None


def test_goatcounter_box_has_no_online_row(tmp_path):
    build_site(tmp_path, COUNTER_BACKEND="goatcounter", COUNTER_URL="https://tanhoa.goatcounter.com")
    box = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(
        ".visitor-counter"
    )
    assert box["data-counter-backend"] == "goatcounter"
    assert box.select_one('[data-counter="total"]') and not box.select_one('[data-counter="online"]')


def test_slow_service_times_out_quietly(browser, tmp_path):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections, never answers
    root = tmp_path / "site"
    root.mkdir()
    build_site(root, COUNTER_BACKEND="builtin", COUNTER_URL=f"http://127.0.0.1:{silent.getsockname()[1]}")
    try:
        with serve(root) as site:
            page = browser.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{site}/{ARTICLE}")
            assert page.evaluate(f"{READY} || ''") == ""  # still waiting
            page.wait_for_function(f"() => {READY} === 'unavailable'", timeout=6000)
            assert page.inner_text('[data-counter="total"]') == "–"
            assert errors == []
            page.close()
    finally:
        silent.close()


class FakeGoatCounter(http.server.BaseHTTPRequestHandler):
    """Answers as a GoatCounter site would: /count records a view, /counter/TOTAL.json the total."""

    hits = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        self.do_GET()

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/count?"):
            FakeGoatCounter.hits.append(parse_qs(urlsplit(self.path).query))
            self.send_response(200)
            self.end_headers()
            return
        self.send_response(200 if self.path == "/counter/TOTAL.json" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(b'{"count": "1,234", "count_unique": "1,000"}')

    def log_message(self, *args):
        pass


def test_goatcounter_counts_the_view_and_shows_the_total(browser, tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeGoatCounter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    goatcounter = f"http://127.0.0.1:{server.server_address[1]}"
    root = tmp_path / "site"
    root.mkdir()
    build_site(root, COUNTER_BACKEND="goatcounter", COUNTER_URL=goatcounter, COUNTER_BASE=BASE)
    try:
        with serve(root) as site:
            page = browser.new_page()
            page.goto(f"{site}/{ARTICLE}")
            page.wait_for_function(f"() => {READY} === 'ready'")
            assert page.inner_text('[data-counter="total"]') == "2.715.145"  # 2,713,911 + 1,234
            page.wait_for_timeout(300)
            page.close()
    finally:
        server.shutdown()
    assert FakeGoatCounter.hits and FakeGoatCounter.hits[-1]["p"] == [f"/{ARTICLE}"]


def test_a_refused_view_still_shows_the_figures(browser, tmp_path):
    """Past the per-visitor limit the service answers 429 with the figures: the box shows them."""
    root, db = tmp_path / "site", tmp_path / "counter.sqlite3"
    root.mkdir()
    with (
        serve(root) as site,
        serve_counter(db, COUNTER_ORIGINS=[site], COUNTER_BASE=BASE, COUNTER_RATE_LIMIT=1) as counter,
    ):
        build_site(root, COUNTER_BACKEND="builtin", COUNTER_URL=f"http://127.0.0.1:{counter.port}")
        page = browser.new_context().new_page()
        page.goto(f"{site}/{ARTICLE}")
        page.wait_for_function(f"() => {READY} === 'ready'")
        answers = []
        page.on("response", lambda r: answers.append(r.status) if r.url.endswith("/hit") else None)
        # The same visitor again: over its limit of 1 a minute. The limit counts per clock
        # minute, so a reload just after the minute turned is counted: reload once more then.
        for _ in range(3):
            page.reload()
            page.wait_for_function(f"() => {READY} === 'ready' || {READY} === 'unavailable'")
            if answers[-1] == 429:
                break
        assert answers[-1] == 429 and answers.count(200) <= 1, answers
        assert page.evaluate(READY) == "ready"
        counted = BASE + 1 + answers.count(200)
        assert int(page.inner_text('[data-counter="total"]').replace(".", "")) == counted == counter.total()
        page.context.close()
