"""The development server of ``make serve``: build, serve, and rebuild on every change.

Pelican's own ``--autoreload`` starts a new file watcher after each build, so a
file saved *while* a build runs is never seen: delete an article and save the
corrected file a moment later, and about half the time the rebuild that the
deletion started lists the folder before the new file exists, the new file's
event is lost, and the article silently stays off the site until it is touched
again. Here one watcher lives as long as the server: a change made during a
build is still pending when the build ends and starts the next one.

The site is served from the development output folder (OUTPUT_PATH of
pelicanconf.py), never the published ``output/``, as a static host serves it: a
wrong address gets the site's own 404 page with status 404 (Pelican's server
closes the connection without an answer), and a request that comes before the
first build has finished gets a short Vietnamese page that reloads itself.
"""

import errno
import functools
import http.server
import io
import logging
import os
import socket
import sys
import threading

import watchfiles
from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

logger = logging.getLogger(__name__)


def watched_paths(settings_file, settings):
    """What Pelican's autoreload watches: the settings, the theme, the content."""
    content = settings.get("PATH", "")
    candidates = [settings_file, settings.get("THEME", ""), content]
    candidates += [os.path.join(content, path) for path in settings.get("STATIC_PATHS", [])]
    return sorted({os.path.abspath(path) for path in candidates if path and os.path.exists(path)})


def file_watcher(settings_file, settings, stop_event=None):
    """One watchfiles generator for the server's whole life: events between two reads are kept."""
    return watchfiles.watch(
        *watched_paths(settings_file, settings),
        watch_filter=FileChangeFilter(ignore_file_patterns=set(settings.get("IGNORE_FILES", []))),
        debounce=400,
        rust_timeout=0,
        stop_event=stop_event,
    )


def build_once(pelican):
    """One build; a crash is logged and the server goes on (the editor fixes and saves)."""
    try:
        pelican.run()
    except Exception as error:  # noqa: BLE001 (any failure of one build must not stop the server)
        logger.error("Dựng trang không thành công: %s", error, exc_info=pelican.settings.get("DEBUG", False))


def rebuild_on_changes(settings_file, overrides=None, stop_event=None, on_build=None):
    """Build, then rebuild after each batch of changes, until stop_event is set."""
    settings = read_settings(settings_file, override=overrides)
    pelican = Pelican(settings)
    changes = file_watcher(settings_file, settings, stop_event)  # started before the first build
    while True:
        build_once(pelican)
        if on_build:
            on_build()
        batch = next(changes, None)
        if not batch or (stop_event is not None and stop_event.is_set()):
            return
        changed = sorted({path for _, path in batch})
        print(f"-> Đã sửa: {', '.join(os.path.relpath(p) for p in changed)}. Đang dựng lại…", flush=True)
        if os.path.abspath(settings_file) in changed:
            settings = read_settings(settings_file, override=overrides)
            pelican = Pelican(settings)


BUILDING_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Đang dựng trang…</title></head>
<body><p>Đang dựng trang, xin chờ một chút: trang sẽ tự tải lại.</p></body></html>
"""
NOT_FOUND_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head>
<body><p>Không tìm thấy trang này. <a href="/">Về trang chủ</a>.</p></body></html>
"""


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder as a static host does (index.html of a folder, 404.html)."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",  # Pagefind's search
        ".js": "text/javascript",
        ".xml": "application/xml",
    }

    def __init__(self, *args, directory, ready, **kwargs):
        self.ready = ready
        super().__init__(*args, directory=directory, **kwargs)

    def send_head(self):
        if not self.ready.is_set():
            return self.send_page(503, BUILDING_PAGE, {"Retry-After": "2"})
        return super().send_head()

    def list_directory(self, path):
        """A folder without index.html is not a page (a static host answers 404 too)."""
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        page = os.path.join(self.directory, "404.html")
        body = NOT_FOUND_PAGE
        if os.path.isfile(page):
            with open(page, encoding="utf-8") as source:
                body = source.read()
        stream = self.send_page(404, body)
        if self.command != "HEAD":
            self.copyfile(stream, self.wfile)
        stream.close()

    def send_page(self, status, html, headers=None):
        """Send the status and headers of ``html``; return it as a stream for do_GET to copy."""
        data = html.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(data)

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        """Quiet: the editor reads the build's messages, not every request."""


def port_is_busy(port, what, variable):
    """One Vietnamese line saying how to choose another port, and exit code 2."""
    print(
        f"Cổng {port} ({what}) đang được một chương trình khác dùng. Tắt chương trình đó, hoặc chọn "
        f"cổng khác: make serve {variable}={port + 10}",
        file=sys.stderr,
    )
    sys.exit(2)


def ensure_port_is_free(port, what, variable, bind="127.0.0.1"):
    """Exit with :func:`port_is_busy` unless ``port`` can be listened on (for a service started apart)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((bind, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                port_is_busy(port, what, variable)
            raise


def start_http_server(output_path, port, bind="127.0.0.1", ready=None):
    """Serve output_path in a thread; a busy port is one Vietnamese line and exit code 2.

    Until ``ready`` is set (the first build has finished), every request gets a page
    saying the site is being built.
    """
    os.makedirs(output_path, exist_ok=True)
    if ready is None:
        ready = threading.Event()
        ready.set()
    handler = functools.partial(SiteRequestHandler, directory=os.path.abspath(output_path), ready=ready)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    try:
        server = http.server.ThreadingHTTPServer((bind, port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            port_is_busy(port, "trang", "PORT")
        raise
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(settings_file="pelicanconf.py", port=8000, bind="127.0.0.1", overrides=None):
    init_logging(logging.WARNING)
    settings = read_settings(settings_file, override=overrides)
    first_build = threading.Event()
    server = start_http_server(settings["OUTPUT_PATH"], port, bind, ready=first_build)
    print(f"Trang đang chạy tại http://localhost:{port}/ (Ctrl+C để dừng)", flush=True)
    try:
        rebuild_on_changes(settings_file, overrides, on_build=first_build.set)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
