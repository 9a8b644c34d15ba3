"""The visitor-counter service, run for real with uvicorn on 127.0.0.1 and a SQLite file in tmp_path."""

import http.client
import json
import os
import socket
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
import uvicorn

from counter import create_app
from counter.__main__ import parse_args
from counter.app import RateLimiter, client_address, is_bot, read_config
from counter.paths import DEFAULT_PATH_PATTERNS, SitePaths
from counter.store import OTHER_PATHS, CounterStore

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
HEADLESS = BROWSER.replace("Chrome/", "HeadlessChrome/")
SITE = "http://localhost:8000"


class FakeClock:
    def __init__(self, now=1_750_000_000.0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


class Server:
    """A running counter service: ``request()`` sends one HTTP request to it."""

    def __init__(self, port, db):
        self.port = port
        self.db = db

    def request(self, method, path, body=None, headers=None):
        """(status, headers with lower-case names, JSON body or None)."""
        if isinstance(body, dict | list):
            body = json.dumps(body).encode()
        conn = connect(self.port)
        try:
            conn.request(method, path, body=body, headers={"User-Agent": BROWSER, **(headers or {})})
            return read_response(conn.getresponse())
        finally:
            conn.close()

    def hit(self, path="/bai-viet/2024/tin.html", visitor="visitor-0001", **headers):
        return self.request("POST", "/hit", {"path": path, "visitor": visitor}, headers)

    def total(self):
        status, _, body = self.request("GET", "/stats")
        assert status == 200
        return body["total"]

    def stored_views(self):
        with sqlite3.connect(self.db) as conn:
            return conn.execute("SELECT value FROM totals WHERE name = 'page_views'").fetchone()[0]

    def page_views(self):
        """{path: views} as stored."""
        with sqlite3.connect(self.db) as conn:
            return dict(conn.execute("SELECT path, views FROM page_views"))


def connect(port):
    """A client connection that sends each request at once, as browsers do (Nagle's delay off)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def read_response(response):
    data = response.read()
    headers = {name.lower(): value for name, value in response.getheaders()}
    body = json.loads(data) if headers.get("content-type") == "application/json" else None
    return response.status, headers, body


@contextmanager
def serve(db, clock=None, **settings):
    """Run ``create_app`` with uvicorn in a thread on a free loopback port; stop it afterwards."""
    app = create_app({"COUNTER_DB": str(db), **settings}, **({"clock": clock} if clock else {}))
    config = uvicorn.Config(app, log_level="warning", access_log=False, proxy_headers=False)
    server = uvicorn.Server(config)
    # proto=IPPROTO_TCP: asyncio then sets TCP_NODELAY on the connections, as uvicorn does for host/port.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started or not thread.is_alive():
                break
            time.sleep(0.02)
        assert server.started, "the counter service did not start"
        yield Server(sock.getsockname()[1], db)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
    assert not thread.is_alive(), "the counter service did not stop"


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One service for the tests that only check refusals (each compares totals before and after)."""
    db = tmp_path_factory.mktemp("counter") / "counter.sqlite3"
    with serve(db, COUNTER_ORIGINS=[SITE], COUNTER_RATE_LIMIT=100_000) as server:
        yield server


# --- Exact counting ------------------------------------------------------------


def test_concurrent_hits_over_http_are_all_counted(tmp_path):
    workers, hits_per_worker = 20, 100

    def work(worker):
        conn = connect(server.port)
        results = []
        try:
            for n in range(hits_per_worker):
                body = json.dumps({"path": f"/trang-{n % 7}.html", "visitor": f"worker-{worker:04d}"})
                conn.request("POST", "/hit", body=body, headers={"User-Agent": BROWSER})
                results.append(read_response(conn.getresponse()))
        finally:
            conn.close()
        return results

    with serve(tmp_path / "counter.sqlite3", COUNTER_RATE_LIMIT=100_000, COUNTER_BASE=500) as server:
        assert server.total() == 500
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = [r for worker_results in pool.map(work, range(workers)) for r in worker_results]
        assert [status for status, _, _ in results] == [200] * 2000
        # Each hit was counted in its own transaction: every total from 501 to 2500 came back once.
        assert sorted(body["total"] for _, _, body in results) == list(range(501, 2501))
        assert server.total() == 2500
        assert server.stored_views() == 2000
        status, _, body = server.request("GET", "/stats")
        assert body["online"] == workers
    with sqlite3.connect(tmp_path / "counter.sqlite3") as conn:
        assert conn.execute("SELECT SUM(views) FROM page_views").fetchone()[0] == 2000
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_separate_connections_lose_no_update(tmp_path):
    """Several connections on one file (as several processes would have) still count every hit."""
    db = tmp_path / "counter.sqlite3"
    stores = [CounterStore(db) for _ in range(4)]

    def work(store):
        for n in range(100):
            store.record_hit("/", f"visitor-{id(store)}-{n}", 1000.0, 300)

    try:
        with ThreadPoolExecutor(max_workers=len(stores)) as pool:
            list(pool.map(work, stores))
        assert stores[0].figures(1000.0, 300).views == 400
    finally:
        for store in stores:
            store.close()


# --- Online visitors, restart, starting figure ------------------------------------


def test_online_counts_distinct_visitors_within_the_window(tmp_path):
    clock = FakeClock()
    with serve(tmp_path / "c.sqlite3", clock, COUNTER_ONLINE_WINDOW=300) as server:
        assert server.hit(visitor="visitor-aaaa")[2]["online"] == 1
        assert server.hit(visitor="visitor-bbbb")[2]["online"] == 2
        assert server.hit(visitor="visitor-aaaa")[2]["online"] == 2
        clock.advance(200)
        assert server.hit(visitor="visitor-cccc")[2] == {"total": 4, "online": 3}
        clock.advance(99)  # a and b were seen 299 s ago: still online
        assert server.request("GET", "/stats")[2] == {"total": 4, "online": 3}
        clock.advance(1)  # 300 s: a and b have left
        assert server.request("GET", "/stats")[2] == {"total": 4, "online": 1}
        clock.advance(300)
        assert server.request("GET", "/stats")[2] == {"total": 4, "online": 0}
        assert server.hit(visitor="visitor-dddd")[2] == {"total": 5, "online": 1}
    with sqlite3.connect(tmp_path / "c.sqlite3") as conn:
        # The hit pruned the visitors older than the window.
        assert conn.execute("SELECT visitor FROM seen").fetchall() == [("visitor-dddd",)]


def test_restart_keeps_the_total_and_adds_the_starting_figure(tmp_path):
    db = tmp_path / "counter.sqlite3"
    with serve(db) as server:
        for n in range(3):
            assert server.hit(visitor=f"visitor-{n:04d}")[0] == 200
        assert server.total() == 3
    with serve(db) as server:
        assert server.total() == 3
        assert server.hit()[2]["total"] == 4
    with serve(db, COUNTER_BASE=2713911) as server:
        assert server.total() == 2713915
        assert server.hit()[2]["total"] == 2713916
    assert server.stored_views() == 5


def test_stats_counts_nothing(shared):
    before = shared.total()
    for _ in range(3):
        assert shared.request("GET", "/stats")[0] == 200
    assert shared.total() == before


# --- Refusals --------------------------------------------------------------------

VALID = {"path": "/bai-viet/2024/x.html", "visitor": "abcd_EFGH-1234"}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 400),
        (b"", 400),
        (b'{"path": "/\xff", "visitor": "abcdefgh"}', 400),
        (b"[" * 2000 + b"]" * 2000, 400),
        (b"[]", 422),
        (b'"text"', 422),
        ({"visitor": "abcdefgh"}, 422),
        ({"path": "/x.html"}, 422),
        ({**VALID, "path": 5}, 422),
        ({**VALID, "path": ["/x"]}, 422),
        ({**VALID, "visitor": 12345678}, 422),
        ({**VALID, "visitor": None}, 422),
        ({**VALID, "visitor": "short"}, 422),
        ({**VALID, "visitor": "x" * 65}, 422),
        ({**VALID, "visitor": "has space-1234"}, 422),
        ({**VALID, "visitor": "abcdefgh\n"}, 422),
        ({**VALID, "visitor": "ngườidùng-1234"}, 422),
        ({**VALID, "path": "bai-viet/x.html"}, 422),
        ({**VALID, "path": "https://example.com/x"}, 422),
        ({**VALID, "path": "/" + "a" * 2048}, 422),
        ({**VALID, "path": "/a\nb"}, 422),
        # Valid JSON, but text SQLite cannot store (was a 500).
        (b'{"path": "/\\ud800", "visitor": "abcdefgh"}', 422),
        (b'{"path": "/x\\udfff.html", "visitor": "abcdefgh"}', 422),
        (b'{"path": "/\\udc00\\ud800", "visitor": "abcdefgh"}', 422),
        (b'{"path": "/", "visitor": "abcdefgh\\ud800"}', 422),
        (b'{"path": "/a\\u0000b", "visitor": "abcdefgh"}', 422),
        (b'{"path": "/a\\u0085b", "visitor": "abcdefgh"}', 422),
        (b'{"path": "/", "visitor": "abcd\\u0000efgh"}', 422),
        # Other types and out-of-range numbers.
        (b'{"path": 1e999, "visitor": "abcdefgh"}', 422),
        (b'{"path": -1e999, "visitor": "abcdefgh"}', 422),
        (b'{"path": NaN, "visitor": "abcdefgh"}', 422),
        (b'{"path": "/", "visitor": 1e999}', 422),
        (b'{"path": "/", "visitor": ' + b"9" * 4000 + b"}", 422),
        (b'{"path": true, "visitor": "abcdefgh"}', 422),
        (b'{"path": {"a": "/"}, "visitor": "abcdefgh"}', 422),
        (b"null", 422),
        (b"1e999", 422),
        (b"\xef\xbb\xbf{}", 422),  # a UTF-8 BOM is accepted: an empty object
        (b'{"path": "/x", "visitor": "abcdefgh", "pad": "' + b"x" * 5000 + b'"}', 413),
    ],
)
def test_bad_hits_are_refused_and_not_counted(shared, body, status):
    before = shared.total()
    got, headers, answer = shared.request("POST", "/hit", body, {"Content-Type": "application/json"})
    assert got == status
    assert headers["content-type"] == "application/json"
    assert isinstance(answer["error"], str) and answer["error"]
    assert shared.total() == before


def test_oversized_body_without_content_length_is_refused(shared):
    """Chunked upload: the size is checked on the bytes actually read, not only the header."""
    before = shared.total()
    chunks = [b'{"path": "/x", "visitor": "abcdefgh", "pad": "', *([b"x" * 1000] * 6), b'"}']
    conn = connect(shared.port)
    try:
        conn.request("POST", "/hit", body=iter(chunks), headers={"User-Agent": BROWSER}, encode_chunked=True)
        status, _, answer = read_response(conn.getresponse())
    finally:
        conn.close()
    assert status == 413
    assert "error" in answer
    assert shared.total() == before


def test_declared_oversized_body_is_refused_before_reading(shared):
    """Content-Length alone is enough: the service does not wait for a megabyte that never comes."""
    request = b"POST /hit HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: x\r\nContent-Length: 1000000\r\n\r\n{}"
    with socket.create_connection(("127.0.0.1", shared.port), timeout=3) as sock:
        sock.sendall(request)
        assert sock.recv(100).startswith(b"HTTP/1.1 413 ")


def test_edge_values_are_accepted(shared):
    before = shared.total()
    assert shared.hit(path="/" + "a" * 2047, visitor="x" * 64)[0] == 200
    assert shared.hit(path="/", visitor="A-b_0123")[0] == 200
    body = json.dumps({**VALID, "extra": "ignored"}).encode()
    assert shared.request("POST", "/hit", body, {"Content-Type": "text/plain"})[0] == 200
    # A surrogate pair is a real character (here an emoji); huge numbers elsewhere are ignored.
    body = b'{"path": "/\\ud83d\\ude00", "visitor": "abcdefgh", "n": 1e999, "m": ' + b"9" * 3000 + b"}"
    assert shared.request("POST", "/hit", body)[0] == 200
    assert shared.total() == before + 4


@pytest.mark.parametrize("origin", ["http://[::1", "http://[", "http://a:b:c]", "\u00e9://x"])
def test_malformed_origin_is_refused_not_an_error(shared, origin):
    """An Origin urlsplit cannot parse (an unclosed IPv6 bracket) was a 500."""
    before = shared.total()
    for method, path in [("POST", "/hit"), ("GET", "/stats")]:
        status, headers, answer = shared.request(method, path, VALID, {"Origin": origin.encode("utf-8")})
        assert status == 403
        assert headers["content-type"] == "application/json"
        assert answer == {"error": "origin not allowed"}
    assert shared.total() == before


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/hit"), ("PUT", "/hit"), ("DELETE", "/hit"), ("POST", "/stats")]
)
def test_other_methods_are_refused(shared, method, path):
    before = shared.total()
    status, _, answer = shared.request(method, path, VALID)
    assert status == 405
    assert answer == {"error": "Method Not Allowed"}
    assert shared.total() == before


# --- Origins (CORS) ------------------------------------------------------------------


def test_disallowed_origin_is_refused_and_not_counted(shared):
    before = shared.total()
    status, headers, answer = shared.hit(Origin="https://evil.example")
    assert status == 403
    assert answer == {"error": "origin not allowed"}
    assert "access-control-allow-origin" not in headers
    status, _, _ = shared.request("GET", "/stats", headers={"Origin": "https://evil.example"})
    assert status == 403
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    assert shared.request("OPTIONS", "/hit", headers=preflight)[0] == 403
    assert shared.total() == before


def test_allowed_origin_gets_the_cors_headers(shared):
    before = shared.total()
    status, headers, answer = shared.hit(Origin=SITE)
    assert status == 200
    assert answer["total"] == before + 1
    assert headers["access-control-allow-origin"] == SITE
    assert "Origin" in headers["vary"]
    # Errors are readable by the allowed site too.
    status, headers, _ = shared.request("POST", "/hit", b"{", {"Origin": SITE})
    assert status == 400
    assert headers["access-control-allow-origin"] == SITE


def test_preflight_for_an_allowed_origin(shared):
    headers = {
        "Origin": SITE,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    status, answer, _ = shared.request("OPTIONS", "/hit", headers=headers)
    assert status == 204
    assert answer["access-control-allow-origin"] == SITE
    assert {"POST", "GET"} <= {m.strip() for m in answer["access-control-allow-methods"].split(",")}
    assert answer["access-control-allow-headers"].lower() == "content-type"
    assert int(answer["access-control-max-age"]) > 0
    assert "Origin" in answer["vary"]


def test_requests_without_origin_and_same_site_requests_are_allowed(shared):
    before = shared.total()
    status, headers, _ = shared.hit()
    assert status == 200
    assert "access-control-allow-origin" not in headers
    assert headers["vary"] == "Origin"
    # Browsers send Origin on a same-origin POST too (the site and the service behind one nginx).
    status, _, _ = shared.hit(Origin=f"http://127.0.0.1:{shared.port}")
    assert status == 200
    assert shared.total() == before + 2


# --- Bots ---------------------------------------------------------------------------

BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
    "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Baiduspider+(+http://www.baidu.com/search/spider.htm)",
    "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
    "Mozilla/5.0 (X11; Linux x86_64) Headless",
    "python-requests/2.32.3",
    "curl/8.5.0",
    "",
    "   ",
]
VISITORS = [
    BROWSER,
    HEADLESS,
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 Zalo iOS/24.05",
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 "
    "Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/466.0]",
    "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
]


@pytest.mark.parametrize("agent", BOTS)
def test_bot_agents_are_detected(agent):
    assert is_bot(agent)


@pytest.mark.parametrize("agent", VISITORS)
def test_browser_agents_are_visitors(agent):
    assert not is_bot(agent)


def test_bots_get_the_figures_but_are_not_counted(shared):
    before = shared.total()
    for agent in [BOTS[0], BOTS[4], ""]:
        status, _, answer = shared.hit(**{"User-Agent": agent})
        assert status == 200
        assert answer["total"] == before
    status, _, answer = shared.hit(**{"User-Agent": HEADLESS})
    assert (status, answer["total"]) == (200, before + 1)


# --- Rate limit ----------------------------------------------------------------------


def test_rate_limit_per_visitor(tmp_path):
    clock = FakeClock(60_000.0)
    with serve(tmp_path / "c.sqlite3", clock, COUNTER_RATE_LIMIT=3) as server:
        for n in range(3):
            assert server.hit(visitor="visitor-same", **{"X-Forwarded-For": f"203.0.113.{n}"})[0] == 200
        status, headers, answer = server.hit(visitor="visitor-same", **{"X-Forwarded-For": "203.0.113.9"})
        assert status == 429
        assert answer["total"] == 3 and answer["online"] == 1 and answer["error"]
        assert 1 <= int(headers["retry-after"]) <= 60
        assert server.total() == 3
        clock.advance(60)
        assert server.hit(visitor="visitor-same", **{"X-Forwarded-For": "203.0.113.9"})[2]["total"] == 4


def test_crowd_behind_one_address_is_counted(tmp_path):
    """500 readers behind one carrier-NAT address during an event: each reader's hit counts."""
    clock = FakeClock(60_000.0)
    nat = {"X-Forwarded-For": "100.64.0.1"}
    with serve(tmp_path / "c.sqlite3", clock) as server:  # default limits
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda n: server.hit(visitor=f"reader-{n:04d}", **nat), range(300)))
        assert [status for status, _, _ in results] == [200] * 300
        assert server.stored_views() == 300
        assert server.request("GET", "/stats")[2] == {"total": 300, "online": 300}


def test_one_visitor_id_flooding_is_still_limited(tmp_path):
    clock = FakeClock(60_000.0)
    nat = {"X-Forwarded-For": "100.64.0.1"}
    with serve(tmp_path / "c.sqlite3", clock) as server:  # default: 60 hits per visitor id per minute
        assert [server.hit(visitor="flooder-0001", **nat)[0] for _ in range(60)] == [200] * 60
        status, headers, answer = server.hit(visitor="flooder-0001", **nat)
        assert status == 429
        assert answer["total"] == 60 and answer["online"] == 1 and answer["error"]
        assert 1 <= int(headers["retry-after"]) <= 60
        # The flood did not use up the address: the other readers behind it are still counted.
        assert server.hit(visitor="reader-0001", **nat)[2] == {"total": 61, "online": 2}


def test_rate_limit_per_address(tmp_path):
    clock = FakeClock(60_000.0)
    with serve(tmp_path / "c.sqlite3", clock, COUNTER_ADDRESS_LIMIT=5) as server:
        proxied = {"X-Forwarded-For": "198.51.100.7, 10.0.0.1"}
        for n in range(5):
            assert server.hit(visitor=f"visitor-{n:04d}", **proxied)[0] == 200
        status, headers, answer = server.hit(visitor="visitor-new1", **proxied)
        # The figures come with the refusal, so the box can still show them.
        assert (status, answer["total"], answer["online"]) == (429, 5, 5)
        assert answer["error"] and 1 <= int(headers["retry-after"]) <= 60
        # Another address behind the same proxy is not affected.
        assert server.hit(visitor="visitor-new2", **{"X-Forwarded-For": "198.51.100.8"})[0] == 200
        assert server.stored_views() == 6
        clock.advance(60)
        assert server.hit(visitor="visitor-new1", **proxied)[0] == 200


def test_address_limit_default_is_well_above_the_visitor_limit():
    config = read_config({"COUNTER_DB": "x"})
    assert config.rate_limit == 60
    assert config.address_limit >= 2000


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("203.0.113.5", None, "203.0.113.5"),
        ("203.0.113.5", "198.51.100.1", "203.0.113.5"),  # not from the local proxy: header ignored
        ("127.0.0.1", "198.51.100.1, 10.0.0.2", "198.51.100.1"),
        ("::1", " 198.51.100.1 ", "198.51.100.1"),
        ("127.0.0.1", None, "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::9", None, "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.1", None, "198.51.100.1"),
        (None, None, None),
    ],
)
def test_client_address(peer, forwarded, expected):
    assert client_address(peer, forwarded) == expected


def test_rate_limiter_keeps_only_the_current_window():
    limiter = RateLimiter(period=60, max_keys=3)
    assert limiter.allow({"v:a": 2, "ip:1": 5}, 0)
    assert limiter.allow({"v:a": 2, "ip:1": 5}, 10)
    assert not limiter.allow({"v:a": 2, "ip:2": 5}, 20)  # v:a is at its limit: ip:2 is not counted either
    assert len(limiter) == 2
    assert limiter.allow({"v:b": 2}, 30)
    assert not limiter.allow({"v:c": 2}, 40)  # memory is full
    assert limiter.retry_after(40) == 20
    assert limiter.allow({"v:a": 2, "ip:1": 5}, 61)  # a new window forgets the old one
    assert len(limiter) == 2


def test_rate_limiter_applies_each_keys_own_limit():
    limiter = RateLimiter(period=60)
    for n in range(5):
        assert limiter.allow({f"v:{n}": 1, "ip:1": 5}, 0)
    assert not limiter.allow({"v:new": 1, "ip:1": 5}, 1)  # the address is at its limit
    assert not limiter.allow({"v:0": 1, "ip:2": 5}, 2)  # the visitor id is at its limit
    assert limiter.allow({"v:new": 1, "ip:2": 5}, 3)


# --- Bounded storage: only the site's pages are stored one by one ----------------------

SITE_PAGES = [
    "/",
    "/trang-2/",
    "/bai-viet/2024/hoi-nong-dan-tap-huan.html",
    "/trang/gioi-thieu.html",
    "/tim-kiem/",
    "/chuyen-muc/",
    "/chuyen-muc/kinh-te/",
    "/chuyen-muc/kinh-te/trang-3/",
    "/chu-de/nong-nghiep/",
    "/to-chuc/",
    "/to-chuc/hoi-nong-dan/",
    "/to-chuc/ubnd/trang-2/",
]
NOT_SITE_PAGES = [
    "/wp-login.php",
    "/bai-viet/24/x.html",
    "/bai-viet/2024/x.php",
    "/bai-viet/2024/../../etc/passwd",
    "/chuyen-muc/kinh-te/trang-x/",
    "/chuyen-muc/kinh-te",
    "/" + "a" * 2000,
    "/bai-viet/2024/" + "a" * 300 + ".html",
    "/tim-kiem/?q=x",
    "/\U0001f600",
]


def test_site_paths_default_patterns():
    paths = SitePaths()
    for page in SITE_PAGES:
        assert paths.page_key(page) == page
    for path in NOT_SITE_PAGES:
        assert paths.page_key(path) is None
    # index.html is the same page as its folder.
    assert paths.page_key("/index.html") == "/"
    assert paths.page_key("/chuyen-muc/kinh-te/index.html") == "/chuyen-muc/kinh-te/"


def test_site_paths_under_a_sub_path():
    paths = SitePaths(prefix="/xa-tan-hoa/")
    assert paths.page_key("/xa-tan-hoa/") == "/xa-tan-hoa/"
    assert paths.page_key("/xa-tan-hoa") == "/xa-tan-hoa/"
    assert paths.page_key("/xa-tan-hoa/index.html") == "/xa-tan-hoa/"
    assert paths.page_key("/xa-tan-hoa/bai-viet/2024/tin.html") == "/xa-tan-hoa/bai-viet/2024/tin.html"
    assert paths.page_key("/bai-viet/2024/tin.html") is None
    assert paths.page_key("/xa-tan-hoa-khac/") is None
    assert paths.page_key("/") is None


def test_site_paths_from_the_pages_file(tmp_path):
    pages = tmp_path / "pages.txt"
    pages.write_text("# written by the build\nindex.html\n/trang/lien-he.html\n\nvan-ban/qd-12.pdf\n")
    clock = FakeClock(0.0)
    paths = SitePaths(patterns=[], prefix="/xa", pages_file=str(pages), clock=clock)
    assert paths.page_key("/xa/") == "/xa/"
    assert paths.page_key("/xa/trang/lien-he.html") == "/xa/trang/lien-he.html"
    assert paths.page_key("/xa/van-ban/qd-12.pdf") == "/xa/van-ban/qd-12.pdf"
    assert paths.page_key("/xa/trang/gioi-thieu.html") is None  # not listed, and no pattern
    # The build rewrites the list: read again at the next check, not at every hit.
    pages.write_text("trang/gioi-thieu.html\n")
    os.utime(pages, ns=(1, 1))
    assert paths.page_key("/xa/trang/gioi-thieu.html") is None
    clock.advance(31)
    assert paths.page_key("/xa/trang/gioi-thieu.html") == "/xa/trang/gioi-thieu.html"
    assert paths.page_key("/xa/") is None
    # A vanished list keeps the last one read.
    pages.unlink()
    clock.advance(31)
    assert paths.page_key("/xa/trang/gioi-thieu.html") == "/xa/trang/gioi-thieu.html"
    # Patterns and the list together: either one is enough.
    pages.write_text("van-ban/qd-12.pdf\n")
    both = SitePaths(prefix="", pages_file=str(pages))
    assert both.page_key("/van-ban/qd-12.pdf") == "/van-ban/qd-12.pdf"
    assert both.page_key("/trang/lien-he.html") == "/trang/lien-he.html"


def test_other_paths_count_in_the_total_but_share_one_row(tmp_path):
    with serve(tmp_path / "c.sqlite3", COUNTER_RATE_LIMIT=1000) as server:
        for path in SITE_PAGES + NOT_SITE_PAGES + ["/chuyen-muc/kinh-te/index.html"]:
            assert server.hit(path=path)[0] == 200
        assert server.total() == len(SITE_PAGES) + len(NOT_SITE_PAGES) + 1
        views = server.page_views()
    assert views == {
        **{page: 1 for page in SITE_PAGES},
        "/chuyen-muc/kinh-te/": 2,
        OTHER_PATHS: len(NOT_SITE_PAGES),
    }


def test_stored_paths_are_capped(tmp_path):
    """Past COUNTER_MAX_PATHS rows, new pages go to the shared row; stored pages keep counting."""
    with serve(tmp_path / "c.sqlite3", COUNTER_RATE_LIMIT=1000, COUNTER_MAX_PATHS=5) as server:
        for n in range(20):
            assert server.hit(path=f"/bai-viet/2024/tin-{n}.html")[0] == 200
        assert server.hit(path="/bai-viet/2024/tin-0.html")[0] == 200
        assert server.hit(path="/wp-login.php")[0] == 200
        views = server.page_views()
        assert server.total() == 22
    assert views == {
        **{f"/bai-viet/2024/tin-{n}.html": 1 for n in range(1, 5)},
        "/bai-viet/2024/tin-0.html": 2,
        OTHER_PATHS: 16,
    }


def test_online_visitors_are_capped(tmp_path):
    clock = FakeClock()
    with serve(tmp_path / "c.sqlite3", clock, COUNTER_MAX_ONLINE=3) as server:
        answers = [server.hit(visitor=f"visitor-{n:04d}")[2] for n in range(10)]
        assert [answer["online"] for answer in answers] == [1, 2, 3] + [3] * 7
        assert answers[-1]["total"] == 10
        clock.advance(100)
        assert server.hit(visitor="visitor-0001")[2] == {"total": 11, "online": 3}  # a known one refreshed
        clock.advance(250)  # visitor-0000 and -0002 have left: room for a new one
        assert server.hit(visitor="visitor-0099")[2] == {"total": 12, "online": 2}
    with sqlite3.connect(tmp_path / "c.sqlite3") as conn:
        assert sorted(conn.execute("SELECT visitor FROM seen")) == [("visitor-0001",), ("visitor-0099",)]


def test_a_flood_of_invented_paths_and_ids_keeps_the_file_small(tmp_path):
    """What one client can write: 10,000 hits, each a new path and a new visitor id, over 12 minutes."""
    db = tmp_path / "c.sqlite3"
    store = CounterStore(db, max_paths=200, max_online=1000)
    paths = SitePaths()
    now, window = 1_000_000.0, 300
    try:
        for n in range(10_000):
            path = f"/bai-viet/2024/{n:x}{'a' * 150}.html" if n % 2 else f"/x/{n}/" + "b" * 1900
            store.record_hit(paths.page_key(path), f"{n:08x}" + "v" * 56, now + n * 0.072, window)
        figures = store.figures(now + 10_000 * 0.072, window)
    finally:
        store.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM page_views").fetchone()[0] <= 200 + 1  # + OTHER_PATHS
        assert conn.execute("SELECT SUM(views) FROM page_views").fetchone()[0] == 10_000
        assert conn.execute("SELECT COUNT(*) FROM seen").fetchone()[0] <= 1000
    assert figures.views == 10_000
    assert db.stat().st_size < 1_000_000


def test_stored_paths_count_survives_a_restart(tmp_path):
    db = tmp_path / "c.sqlite3"
    for _ in range(2):
        store = CounterStore(db, max_paths=3)
        try:
            for n in range(5):
                store.record_hit(f"/trang/p{n}.html", "visitor-0001", 1000.0, 300)
        finally:
            store.close()
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT path, views FROM page_views"))
    assert rows == {"/trang/p0.html": 2, "/trang/p1.html": 2, "/trang/p2.html": 2, OTHER_PATHS: 4}


# --- Privacy and settings ----------------------------------------------------------------


def test_only_paths_visitor_ids_and_times_are_stored(tmp_path):
    db = tmp_path / "c.sqlite3"
    agent = BROWSER + " PrivacyCheck/1.0"
    with serve(db) as server:
        server.hit(visitor="visitor-priv", **{"User-Agent": agent, "X-Forwarded-For": "198.51.100.77"})
        server.hit(
            visitor="visitor-priv", **{"User-Agent": agent, "Origin": f"http://127.0.0.1:{server.port}"}
        )
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
        columns = {
            (table, column[1])
            for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            for column in conn.execute(f"PRAGMA table_info({table})")
        }
    assert "198.51.100.77" not in dump and "127.0.0.1" not in dump
    assert "PrivacyCheck" not in dump and "Mozilla" not in dump
    assert columns == {
        ("totals", "name"),
        ("totals", "value"),
        ("page_views", "path"),
        ("page_views", "views"),
        ("page_views", "last_viewed"),
        ("seen", "visitor"),
        ("seen", "last_seen"),
    }


def test_settings_are_checked():
    with pytest.raises(ValueError, match="COUNTER_ORIGIN"):
        read_config({"COUNTER_DB": "x", "COUNTER_ORIGIN": SITE})
    with pytest.raises(ValueError, match="COUNTER_DB"):
        read_config({})
    with pytest.raises(ValueError, match="COUNTER_RATE_LIMIT"):
        read_config({"COUNTER_DB": "x", "COUNTER_RATE_LIMIT": 0})
    config = read_config(
        {"COUNTER_DB": "x", "COUNTER_ORIGINS": "https://TanHoa.gov.vn/, http://localhost:8000"}
    )
    assert config.origins == {"https://tanhoa.gov.vn", "http://localhost:8000"}
    assert (config.base, config.online_window, config.rate_limit) == (0, 300, 60)
    assert (config.address_limit, config.max_paths, config.max_online) == (3000, 50_000, 100_000)
    assert (config.path_prefix, config.path_patterns, config.pages) == ("", DEFAULT_PATH_PATTERNS, None)
    for name in ["COUNTER_ADDRESS_LIMIT", "COUNTER_MAX_PATHS", "COUNTER_MAX_ONLINE", "COUNTER_BASE"]:
        with pytest.raises(ValueError, match=name):
            read_config({"COUNTER_DB": "x", name: -1})
        with pytest.raises(ValueError, match=name):
            read_config({"COUNTER_DB": "x", name: "nhiều"})
    with pytest.raises(ValueError, match="COUNTER_PATH_PREFIX"):
        create_app({"COUNTER_DB": "x", "COUNTER_PATH_PREFIX": "xa-tan-hoa"})
    with pytest.raises(ValueError, match="COUNTER_PATH_PATTERNS"):
        create_app({"COUNTER_DB": "x", "COUNTER_PATH_PATTERNS": ["/bai-viet/(unclosed"]})
    with pytest.raises(ValueError, match="COUNTER_PAGES"):  # neither patterns nor a pages list
        create_app({"COUNTER_DB": "x", "COUNTER_PATH_PATTERNS": []})


def test_command_line_and_environment():
    environ = {
        "COUNTER_DB": "/var/lib/c.sqlite3",
        "COUNTER_ORIGINS": "https://a.gov.vn, https://b.gov.vn",
        "COUNTER_BASE": "2713911",
        "COUNTER_ONLINE_WINDOW": "600",
        "COUNTER_RATE_LIMIT": "30",
    }
    settings, host, port = parse_args([], environ)
    assert settings == {
        "COUNTER_DB": "/var/lib/c.sqlite3",
        "COUNTER_ORIGINS": ["https://a.gov.vn", "https://b.gov.vn"],
        "COUNTER_BASE": 2713911,
        "COUNTER_ONLINE_WINDOW": 600.0,
        "COUNTER_RATE_LIMIT": 30,
        "COUNTER_ADDRESS_LIMIT": 3000,
        "COUNTER_PATH_PREFIX": "",
        "COUNTER_PATH_PATTERNS": list(DEFAULT_PATH_PATTERNS),
        "COUNTER_PAGES": None,
        "COUNTER_MAX_PATHS": 50_000,
        "COUNTER_MAX_ONLINE": 100_000,
    }
    assert (host, port) == ("127.0.0.1", 8001)
    argv = ["--db", "c.db", "--origin", SITE, "--origin", "https://x.vn", "--base", "7", "--port", "9000"]
    settings, _, port = parse_args(argv, environ)
    assert settings["COUNTER_DB"] == "c.db"
    assert settings["COUNTER_ORIGINS"] == [SITE, "https://x.vn"]
    assert (settings["COUNTER_BASE"], port) == (7, 9000)
    read_config(settings)


def test_command_line_and_environment_for_the_new_limits():
    environ = {
        "COUNTER_DB": "c.db",
        "COUNTER_ADDRESS_LIMIT": "5000",
        "COUNTER_PATH_PREFIX": "/xa-tan-hoa/",
        "COUNTER_PATH_PATTERNS": r"/  /bai-viet/[0-9]{4}/[a-z-]+\.html",
        "COUNTER_PAGES": "/srv/trang.txt",
        "COUNTER_MAX_PATHS": "1000",
        "COUNTER_MAX_ONLINE": "2000",
    }
    settings, _, _ = parse_args([], environ)
    assert settings["COUNTER_ADDRESS_LIMIT"] == 5000
    assert settings["COUNTER_PATH_PREFIX"] == "/xa-tan-hoa/"
    assert settings["COUNTER_PATH_PATTERNS"] == ["/", r"/bai-viet/[0-9]{4}/[a-z-]+\.html"]
    assert (settings["COUNTER_PAGES"], settings["COUNTER_MAX_PATHS"], settings["COUNTER_MAX_ONLINE"]) == (
        "/srv/trang.txt",
        1000,
        2000,
    )
    argv = ["--address-limit", "9000", "--path-prefix", "/xa", "--path-pattern", "/a"]
    argv += ["--path-pattern", "/b/", "--pages", "p.txt", "--max-paths", "10", "--max-online", "20"]
    settings, _, _ = parse_args(argv, environ)
    assert (settings["COUNTER_ADDRESS_LIMIT"], settings["COUNTER_PATH_PREFIX"]) == (9000, "/xa")
    assert settings["COUNTER_PATH_PATTERNS"] == ["/a", "/b/"]
    assert (settings["COUNTER_PAGES"], settings["COUNTER_MAX_PATHS"], settings["COUNTER_MAX_ONLINE"]) == (
        "p.txt",
        10,
        20,
    )
    # Set but empty: no pattern, the pages list alone decides.
    assert parse_args([], {**environ, "COUNTER_PATH_PATTERNS": ""})[0]["COUNTER_PATH_PATTERNS"] == []
    read_config(settings)
