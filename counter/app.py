"""The visitor-counter web service: ``POST /hit`` counts a page view, ``GET /stats`` reads the figures.

``create_app(settings)`` takes a mapping of ``COUNTER_*`` settings (see ``DEFAULTS``); every answer
is JSON: ``{"total": ..., "online": ...}`` or ``{"error": "..."}``.
"""

import ipaddress
import json
import logging
import math
import re
import sqlite3
import time
from contextlib import asynccontextmanager
from typing import NamedTuple
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from counter.paths import DEFAULT_PATH_PATTERNS, SitePaths
from counter.store import MAX_ONLINE, MAX_PATHS, CounterStore

logger = logging.getLogger(__name__)

# COUNTER_DB: the SQLite file (required). COUNTER_ORIGINS: sites allowed to call the service.
# COUNTER_BASE: starting figure added to the page views stored (e.g. the old portal's total).
# COUNTER_ONLINE_WINDOW: seconds a visitor stays "online". COUNTER_RATE_LIMIT: hits per visitor id
# per minute. COUNTER_ADDRESS_LIMIT: hits per network address per minute, much higher, because a
# whole crowd can share one carrier-NAT address. COUNTER_PATH_PREFIX, COUNTER_PATH_PATTERNS and
# COUNTER_PAGES say which paths are the site's pages (see counter/paths.py); COUNTER_MAX_PATHS and
# COUNTER_MAX_ONLINE bound the rows stored (see counter/store.py).
DEFAULTS = {
    "COUNTER_DB": None,
    "COUNTER_ORIGINS": (),
    "COUNTER_BASE": 0,
    "COUNTER_ONLINE_WINDOW": 300,
    "COUNTER_RATE_LIMIT": 60,
    "COUNTER_ADDRESS_LIMIT": 3000,
    "COUNTER_PATH_PREFIX": "",
    "COUNTER_PATH_PATTERNS": DEFAULT_PATH_PATTERNS,
    "COUNTER_PAGES": None,
    "COUNTER_MAX_PATHS": MAX_PATHS,
    "COUNTER_MAX_ONLINE": MAX_ONLINE,
}
MAX_BODY_BYTES = 4096
MAX_PATH_LENGTH = 2048
VISITOR_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A lone UTF-16 surrogate ("\\ud800" in JSON) is valid JSON but not encodable text: SQLite cannot store it.
SURROGATES = re.compile("[\ud800-\udfff]")
RATE_PERIOD_SECONDS = 60
MAX_TRACKED_CLIENTS = 100_000
LOOPBACK = frozenset({"127.0.0.1", "::1"})
# Crawlers, link previews, monitors and scripted HTTP clients. "HeadlessChrome" (browser tests) and
# in-app browsers (Zalo, Facebook's FBAN/FBAV) are visitors; "Cubot" is a phone brand.
BOT_AGENT = re.compile(
    r"(?<!cu)bot|crawl|spider|slurp|facebookexternalhit|meta-externalagent|headless(?!chrome)"
    r"|bingpreview|mediapartners|lighthouse|pingdom|phantomjs|scrapy|python-|curl/|wget|go-http-client"
    r"|java/|libwww|httpclient|node-fetch|axios/",
    re.IGNORECASE,
)
NO_STORE = {"Cache-Control": "no-store"}
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, POST",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "86400",
}


class Config(NamedTuple):
    db: str
    origins: frozenset
    base: int
    online_window: float
    rate_limit: int
    address_limit: int
    path_prefix: str
    path_patterns: tuple
    pages: str | None
    max_paths: int
    max_online: int


class ConfigError(ValueError):
    """A wrong setting; the message (in Vietnamese, for the operator) names it."""


class Refused(Exception):
    """A request the service answers with ``{"error": message}`` and ``status``."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def read_config(settings):
    """Read the ``COUNTER_*`` settings in one place; unknown keys and bad values are ConfigError."""
    unknown = sorted(set(settings) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"counter: không có thiết lập {', '.join(unknown)}")
    merged = {**DEFAULTS, **settings}
    if not merged["COUNTER_DB"]:
        raise ConfigError(
            "counter: cần COUNTER_DB (tệp SQLite chứa số liệu),"
            " ví dụ --db /var/lib/tanhoa-counter/counter.sqlite3"
        )
    config = Config(
        db=str(merged["COUNTER_DB"]),
        origins=frozenset(normalize_origin(origin) for origin in split_list(merged["COUNTER_ORIGINS"], ",")),
        base=number(merged, "COUNTER_BASE", int, minimum=0),
        online_window=number(merged, "COUNTER_ONLINE_WINDOW", float, minimum=1),
        rate_limit=number(merged, "COUNTER_RATE_LIMIT", int, minimum=1),
        address_limit=number(merged, "COUNTER_ADDRESS_LIMIT", int, minimum=1),
        path_prefix=merged["COUNTER_PATH_PREFIX"] or "",
        path_patterns=tuple(split_list(merged["COUNTER_PATH_PATTERNS"], None)),
        pages=str(merged["COUNTER_PAGES"]) if merged["COUNTER_PAGES"] else None,
        max_paths=number(merged, "COUNTER_MAX_PATHS", int, minimum=1),
        max_online=number(merged, "COUNTER_MAX_ONLINE", int, minimum=1),
    )
    return config


def split_list(value, separator):
    """A list setting given as a sequence or as one string (split on ``separator``; None: whitespace)."""
    items = value.split(separator) if isinstance(value, str) else list(value)
    return [item.strip() for item in items if item.strip()]


def number(settings, name, kind, minimum):
    """``settings[name]`` as ``kind``, at least ``minimum``; ConfigError naming the setting otherwise."""
    try:
        value = kind(settings[name])
    except (TypeError, ValueError):
        value = None
    if value is None or not math.isfinite(value) or value < minimum:
        kind_name = "số nguyên" if kind is int else "số"
        raise ConfigError(
            f"counter: {name} phải là {kind_name} từ {minimum} trở lên (đang là {settings[name]!r})"
        )
    return value


def normalize_origin(origin):
    return origin.strip().rstrip("/").lower()


def origin_allowed(origin, allowed, host):
    """A configured origin, or the service's own site (Origin's host equals the Host header)."""
    origin = normalize_origin(origin)
    if origin in allowed:
        return True
    try:
        netloc = urlsplit(origin).netloc
    except ValueError:  # e.g. "http://[::1" (an unclosed IPv6 address): not an origin at all
        return False
    return bool(host) and netloc == host.strip().lower()


def is_bot(user_agent):
    return not user_agent.strip() or BOT_AGENT.search(user_agent) is not None


def client_address(peer, forwarded_for):
    """The address to rate-limit: X-Forwarded-For's first entry only behind a local reverse proxy.

    IPv6 clients are grouped by /64, the block one subscriber usually holds.
    """
    address = peer
    if peer in LOOPBACK and forwarded_for:
        address = forwarded_for.split(",")[0].strip() or peer
    if not address:
        return None
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class RateLimiter:
    """Hits per key in each fixed window of ``period`` seconds, each key with its own limit; memory only.

    Only the current window is kept, so memory holds at most ``max_keys`` keys; when that is full,
    new keys are refused until the next window.
    """

    def __init__(self, period=RATE_PERIOD_SECONDS, max_keys=MAX_TRACKED_CLIENTS):
        self.period = period
        self.max_keys = max_keys
        self._window = None
        self._counts = {}

    def allow(self, limits, now):
        """Count one hit for every key of ``limits`` (key -> its limit) if none is at its limit; else False.

        Nothing is counted for a refused hit, so a flooding visitor id does not use up its address.
        """
        window = math.floor(now / self.period)
        if window != self._window:
            self._window = window
            self._counts = {}
        if any(self._counts.get(key, 0) >= limit for key, limit in limits.items()):
            return False
        new_keys = sum(1 for key in limits if key not in self._counts)
        if len(self._counts) + new_keys > self.max_keys:
            return False
        for key in limits:
            self._counts[key] = self._counts.get(key, 0) + 1
        return True

    def retry_after(self, now):
        """Whole seconds until the next window."""
        return max(1, math.ceil((math.floor(now / self.period) + 1) * self.period - now))

    def __len__(self):
        return len(self._counts)


async def read_body(request, limit):
    """The request body, refused (413) if Content-Length or the bytes actually sent exceed ``limit``."""
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise Refused(413, f"body larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise Refused(413, f"body larger than {limit} bytes")
    return bytes(body)


def parse_hit(body):
    """(path, visitor) from a ``/hit`` body; Refused 400 if it is not JSON, 422 if it is wrong."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise Refused(400, "body is not valid JSON") from None
    if not isinstance(data, dict):
        raise Refused(422, "body must be a JSON object")
    path, visitor = data.get("path"), data.get("visitor")
    if not isinstance(path, str):
        raise Refused(422, "path must be a string")
    if not path.startswith("/") or len(path) > MAX_PATH_LENGTH:
        raise Refused(422, f"path must start with '/' and have at most {MAX_PATH_LENGTH} characters")
    if CONTROL_CHARACTERS.search(path):
        raise Refused(422, "path must not contain control characters")
    if SURROGATES.search(path):
        raise Refused(422, "path must not contain unpaired UTF-16 surrogates")
    if not isinstance(visitor, str) or not VISITOR_ID.fullmatch(visitor):
        raise Refused(422, "visitor must be 8 to 64 characters among A-Z a-z 0-9 _ -")
    return path, visitor


def figures_body(config, figures):
    return {"total": config.base + figures.views, "online": figures.online}


async def hit(request):
    state = request.app.state
    path, visitor = parse_hit(await read_body(request, MAX_BODY_BYTES))
    now = state.clock()
    window = state.config.online_window
    if is_bot(request.headers.get("user-agent", "")):
        figures = await run_in_threadpool(state.store.figures, now, window)
        return JSONResponse(figures_body(state.config, figures), headers=NO_STORE)
    if not state.limiter.allow(rate_limits(request, visitor, state.config), now):
        # The figures come along, so the visitor's box still shows them.
        figures = await run_in_threadpool(state.store.figures, now, window)
        body = {"error": "too many hits, try again later", **figures_body(state.config, figures)}
        headers = {**NO_STORE, "Retry-After": str(state.limiter.retry_after(now))}
        return JSONResponse(body, status_code=429, headers=headers)
    page = state.paths.page_key(path)
    figures = await run_in_threadpool(state.store.record_hit, page, visitor, now, window)
    return JSONResponse(figures_body(state.config, figures), headers=NO_STORE)


def rate_limits(request, visitor, config):
    """The rate-limit keys of a hit with their limits: its visitor id, and its address if known."""
    peer = request.client.host if request.client else None
    client = client_address(peer, request.headers.get("x-forwarded-for"))
    limits = {f"visitor:{visitor}": config.rate_limit}
    if client:
        limits[f"ip:{client}"] = config.address_limit
    return limits


async def stats(request):
    state = request.app.state
    figures = await run_in_threadpool(state.store.figures, state.clock(), state.config.online_window)
    return JSONResponse(figures_body(state.config, figures), headers=NO_STORE)


def error_response(status, message, headers=None):
    return JSONResponse({"error": message}, status_code=status, headers={**NO_STORE, **(headers or {})})


async def refused(request, exc):
    return error_response(exc.status, exc.message)


async def http_error(request, exc):
    return error_response(exc.status_code, exc.detail, exc.headers)


async def storage_error(request, exc):
    logger.error("counter: SQLite error on %s: %s", request.url.path, exc)
    return error_response(503, "counter storage unavailable, try again later")


def adding_headers(send, extra):
    """``send`` that adds ``extra`` headers (Vary merged) to the response."""

    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in extra.items():
                if name == "Vary":
                    headers.add_vary_header(value)
                else:
                    headers[name] = value
        await send(message)

    return wrapped


class OriginGuard:
    """CORS for the allowed origins; a request from any other origin is refused with 403.

    Requests without an Origin header (curl, same-origin GET) pass; preflight requests
    from allowed origins are answered here.
    """

    def __init__(self, app, origins):
        self.app = app
        self.origins = origins

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is None:
            await self.app(scope, receive, adding_headers(send, {"Vary": "Origin"}))
            return
        if not origin_allowed(origin, self.origins, headers.get("host")):
            await error_response(403, "origin not allowed", {"Vary": "Origin"})(scope, receive, send)
            return
        cors = {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            await Response(status_code=204, headers={**cors, **PREFLIGHT})(scope, receive, send)
            return
        await self.app(scope, receive, adding_headers(send, cors))


@asynccontextmanager
async def lifespan(app):
    try:
        yield
    finally:
        app.state.store.close()


def create_app(settings, clock=time.time):
    """The Starlette application for ``settings`` (a mapping of ``COUNTER_*`` keys)."""
    config = read_config(settings)
    app = Starlette(
        routes=[Route("/hit", hit, methods=["POST"]), Route("/stats", stats, methods=["GET"])],
        middleware=[Middleware(OriginGuard, origins=config.origins)],
        exception_handlers={Refused: refused, HTTPException: http_error, sqlite3.Error: storage_error},
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.clock = clock
    app.state.paths = SitePaths(config.path_patterns, config.path_prefix, config.pages)
    app.state.store = CounterStore(config.db, config.max_paths, config.max_online)
    app.state.limiter = RateLimiter()
    log_start(config, app.state.store.figures(clock(), config.online_window))
    return app


def log_start(config, figures):
    """What the operator checks after a restart: which file, and the total it holds."""
    logger.info(
        "counter: tệp dữ liệu %s: đã đếm %d lượt, hiển thị %d (số khởi điểm %d); trang được phép gọi: %s",
        config.db,
        figures.views,
        config.base + figures.views,
        config.base,
        ", ".join(sorted(config.origins)) or "(không có)",
    )
    logger.info(
        "counter: giới hạn mỗi phút %d lượt/người xem, %d lượt/địa chỉ mạng",
        config.rate_limit,
        config.address_limit,
    )
