"""The warm builder in a child process of the dev server, started again when plugin code changes.

A Python process cannot load a plugin's new code over the old one, so a change under the
``trangxa`` package ends the builder process and starts a new one (a fresh Pelican, fresh
imports; the reader caches come back from disk). The dev server itself (its file watcher,
its web server, the browser's live reload) lives on.
"""

import contextlib
import multiprocessing
import signal

from .builder import Result, WarmBuilder, is_plugin_code


def run_builder(connection, settings_file, overrides):
    """The child: one WarmBuilder; each message is a list of changed paths, None ends it."""
    import logging  # noqa: PLC0415

    from pelican.log import init as init_logging  # noqa: PLC0415

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's to handle
    init_logging(logging.WARNING)
    builder = WarmBuilder(settings_file, overrides)
    try:
        while (changed := connection.recv()) is not None:
            connection.send(builder.build(changed))
    except EOFError:
        pass
    finally:
        builder.close()


class BuilderProcess:
    """``build(changed)`` as WarmBuilder's, run in a spawned child process."""

    def __init__(self, settings_file, overrides=None):
        self.arguments = (settings_file, overrides)
        self.process = self.connection = None

    def start(self):
        context = multiprocessing.get_context("spawn")  # fresh imports: the plugins' current code
        self.connection, theirs = context.Pipe()
        # Not a daemon: the builder forks its own workers (reading, writing pages).
        self.process = context.Process(target=run_builder, args=(theirs, *self.arguments), name="builder")
        self.process.start()
        theirs.close()

    def build(self, changed=()):
        changed = list(changed)
        if self.process is not None and any(is_plugin_code(path) for path in changed):
            print("-> Mã của plugin đã đổi: khởi động lại bộ dựng trang.", flush=True)
            self.close()
        if self.process is None or not self.process.is_alive():
            self.close()
            self.start()
        self.connection.send(changed)
        try:
            return self.connection.recv()
        except (EOFError, OSError):  # the builder died (killed, out of memory): a new one next time
            self.close()
            return Result("full", failed=True, changed=changed)

    def close(self, timeout=30):
        if self.process is None:
            return
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        self.connection.close()
        self.process = self.connection = None
