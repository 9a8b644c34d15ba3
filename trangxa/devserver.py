"""The development server of ``make serve``: build, serve, and rebuild on every change.

Pelican's own ``--autoreload`` starts a new file watcher after each build, so a
file saved *while* a build runs is never seen: delete an article and save the
corrected file a moment later, and about half the time the rebuild that the
deletion started lists the folder before the new file exists, the new file's
event is lost, and the article silently stays off the site until it is touched
again. Here one watcher lives as long as the server: a change made during a
build is still pending when the build ends and starts the next one.

The site is served from the development output folder (OUTPUT_PATH of
pelicanconf.py), never the published ``output/``.
"""

import errno
import logging
import os
import sys
import threading

import watchfiles
from pelican import Pelican
from pelican.log import init as init_logging
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
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


def start_http_server(output_path, port, bind="127.0.0.1"):
    """Serve output_path in a thread; a busy port is one Vietnamese line and exit code 2."""
    os.makedirs(output_path, exist_ok=True)
    RootedHTTPServer.allow_reuse_address = True
    try:
        server = RootedHTTPServer(output_path, (bind, port), ComplexHTTPRequestHandler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(
                f"Cổng {port} đang được một chương trình khác dùng. Tắt chương trình đó, hoặc chọn cổng "
                f"khác: make serve PORT={port + 10}",
                file=sys.stderr,
            )
            sys.exit(2)
        raise
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(settings_file="pelicanconf.py", port=8000, bind="127.0.0.1", overrides=None):
    init_logging(logging.WARNING)
    settings = read_settings(settings_file, override=overrides)
    server = start_http_server(settings["OUTPUT_PATH"], port, bind)
    print(f"Trang đang chạy tại http://localhost:{port}/ (Ctrl+C để dừng)", flush=True)
    try:
        rebuild_on_changes(settings_file, overrides)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
