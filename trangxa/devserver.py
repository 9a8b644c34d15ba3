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

The site is kept warm (``trangxa.warm``): the builder lives as long as the server, in a
child process, and keeps Pelican, its plugins, its caches and the content objects of
unchanged files between builds, so that a saved article is on screen in about a second
whatever the size of the site; the page open in the browser reloads itself
(``trangxa.warm.livereload``). A change of the settings or the theme builds with a fresh
Pelican; a change of plugin code starts a new builder process.
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
from urllib.parse import urlsplit

import watchfiles
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

from trangxa.warm import BuilderProcess, WarmBuilder, livereload
from trangxa.warm.builder import PACKAGE_FOLDER

logger = logging.getLogger(__name__)


def watched_paths(settings_file, settings):
    """What Pelican's autoreload watches (the settings, the theme, the content), and the plugins."""
    content = settings.get("PATH", "")
    candidates = [settings_file, settings.get("THEME", ""), content, PACKAGE_FOLDER]
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


def relevant(path):
    """Under the plugins' package, only Python sources matter (not __pycache__)."""
    return not path.startswith(PACKAGE_FOLDER + os.sep) or path.endswith(".py")


def rebuild_on_changes(settings_file, overrides=None, stop_event=None, on_build=None, builder=None,
                       live_reload=None):  # fmt: skip
    """Build, then rebuild after each batch of changes, until stop_event is set.

    ``builder``: a WarmBuilder (the default, in this process: a change of plugin code gets a
    fresh Pelican but not the new code) or a BuilderProcess (make serve: a new process).
    A crash of one build is logged and the server goes on (the editor fixes and saves).
    """
    settings = read_settings(settings_file, override=overrides)
    builder = builder or WarmBuilder(settings_file, overrides)
    changes = file_watcher(settings_file, settings, stop_event)  # started before the first build
    changed = []
    while True:
        result = builder.build(changed)
        if live_reload:
            live_reload.built(result)
        if on_build:
            on_build()
        changed = []
        while not changed:
            batch = next(changes, None)
            if not batch or (stop_event is not None and stop_event.is_set()):
                return
            changed = sorted({os.path.abspath(path) for _, path in batch if relevant(os.path.abspath(path))})
        print(f"-> Đã sửa: {', '.join(os.path.relpath(p) for p in changed)}. Đang dựng lại…", flush=True)


BUILDING_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Đang dựng trang…</title></head>
<body><p>Đang dựng trang, xin chờ một chút: trang sẽ tự tải lại.</p></body></html>
"""
NO_STORE = {"Cache-Control": "no-store"}  # pages change under the editor's eyes
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

    def __init__(self, *args, directory, ready, live_reload=None, **kwargs):
        self.ready = ready
        self.live_reload = live_reload
        super().__init__(*args, directory=directory, **kwargs)

    def send_head(self):
        if not self.ready.is_set():
            return self.send_page(503, BUILDING_PAGE, {"Retry-After": "2"})
        if self.live_reload is not None:
            address = urlsplit(self.path)
            if address.path == livereload.SCRIPT_PATH:
                return self.send_page(200, livereload.SCRIPT, NO_STORE, "text/javascript; charset=utf-8")
            if address.path == livereload.STATE_PATH:
                state = self.live_reload.state(address.query)
                return self.send_page(200, state, NO_STORE, "application/json")
            path = self.live_reload.file_of(self.path)
            page = path and path.endswith(".html") and os.path.isfile(path)
            if page and not self.needs_slash(address.path):
                with open(path, "rb") as page:
                    html = self.live_reload.inject(page.read(), self.path)
                return self.send_page(200, html, NO_STORE)
        return super().send_head()

    def needs_slash(self, address):
        """A folder asked without its final slash: the base class redirects it."""
        return os.path.isdir(self.translate_path(address)) and not address.endswith("/")

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
        if self.live_reload is not None:
            body = self.live_reload.inject(body.encode("utf-8"), self.path)
        stream = self.send_page(404, body)
        if self.command != "HEAD":
            self.copyfile(stream, self.wfile)
        stream.close()

    def send_page(self, status, html, headers=None, content_type="text/html; charset=utf-8"):
        """Send the status and headers of ``html``; return it as a stream for do_GET to copy."""
        data = html if isinstance(html, bytes) else html.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
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


def start_http_server(output_path, port, bind="127.0.0.1", ready=None, live_reload=None):
    """Serve output_path in a thread; a busy port is one Vietnamese line and exit code 2.

    Until ``ready`` is set (the first build has finished), every request gets a page
    saying the site is being built.
    """
    os.makedirs(output_path, exist_ok=True)
    if ready is None:
        ready = threading.Event()
        ready.set()
    handler = functools.partial(
        SiteRequestHandler, directory=os.path.abspath(output_path), ready=ready, live_reload=live_reload
    )
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
    live_reload = livereload.LiveReload(settings["OUTPUT_PATH"])
    output = settings["OUTPUT_PATH"]
    server = start_http_server(output, port, bind, ready=first_build, live_reload=live_reload)
    print(f"Trang đang chạy tại http://localhost:{port}/ (Ctrl+C để dừng)", flush=True)
    builder = BuilderProcess(settings_file, overrides)
    try:
        rebuild_on_changes(settings_file, overrides, on_build=first_build.set, builder=builder,
                           live_reload=live_reload)  # fmt: skip
    except KeyboardInterrupt:
        pass
    finally:
        builder.close(timeout=5)  # a build under way is not waited for
        server.shutdown()
