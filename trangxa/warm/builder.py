"""One long-lived builder: Pelican's whole pipeline, with what does not change kept warm.

Each build is ``Pelican.run()``: the same generators, signals and plugins as ``make build``,
so the output is the same, byte for byte (tests/test_warm_build.py). What is kept between
builds, in this process:

- the Pelican object, its settings and its registered plugins;
- Pelican's reader caches, in memory: not loaded with pickle at each build, and written
  to disk after the build only when a file was read (``trangxa.compat.MemoryCaches``);
- the content object (Article, Page) of every file whose stamp and cached read are
  unchanged: Pelican's generators ask their cache before reading a file, and get it
  back, with the new build's context (compat; drafts, scheduled articles and contents
  whose formatted fields link other files are made again);
- the walks of the content folders (made again when a folder changed) and the files'
  stamps (a file is hashed again only when its stat changed).

The page of a file that changed is rendered as soon as it is queued, before the other
pages are keyed (``incremental_output.render_first``), so that it is on disk, and in the
browser, before the build has finished.

A fresh Pelican (settings read again, no content object kept) is made when the settings
file or a file of the theme changes; plugin code cannot be reloaded in a process, so
``process.py`` starts a new builder process for it.
"""

import logging
import os
import time
from dataclasses import dataclass, field

from pelican import Pelican
from pelican.settings import read_settings

import trangxa
from trangxa import compat
from trangxa.incremental_output import incremental_output

logger = logging.getLogger(__name__)
PACKAGE_FOLDER = os.path.dirname(os.path.abspath(trangxa.__file__))


@dataclass
class Result:
    kind: str  # "full" (a fresh Pelican) or "warm"
    seconds: float = 0.0
    failed: bool = False
    changed: list = field(default_factory=list)


def is_plugin_code(path):
    return path.endswith(".py") and os.path.abspath(path).startswith(PACKAGE_FOLDER + os.sep)


class WarmBuilder:
    def __init__(self, settings_file, overrides=None):
        self.settings_file = os.path.abspath(settings_file)
        self.overrides = overrides
        self.pelican = None
        self.caches = compat.MemoryCaches()

    def needs_fresh_pelican(self, changed):
        if self.pelican is None:
            return True
        theme = os.path.abspath(self.pelican.settings["THEME"]) + os.sep
        return any(
            path == self.settings_file or path.startswith(theme) or is_plugin_code(path) for path in changed
        )

    def fresh_pelican(self):
        self.caches.save()
        self.caches.contents.clear()  # the reader caches stay: they are the files on disk
        self.caches.walks.clear()
        self.pelican = Pelican(read_settings(self.settings_file, override=self.overrides))

    def build(self, changed=None):
        """Build once; return a Result. ``changed``: the files saved since the previous build;
        they decide whether a fresh Pelican is needed and which pages are rendered first (what
        is kept is checked against the files themselves, whatever ``changed`` says)."""
        changed = sorted({os.path.abspath(path) for path in changed or ()})
        started = time.perf_counter()
        kind = "warm"
        try:
            if self.needs_fresh_pelican(changed):
                kind = "full"
                self.fresh_pelican()
            incremental_output.render_first(changed)
            try:
                with compat.caches_kept_in_memory(self.caches):
                    self.pelican.run()
            finally:
                incremental_output.render_first(())
            self.caches.save()
        except Exception as error:  # noqa: BLE001 (any failure of one build must not stop the server)
            self.caches.contents.clear()  # what a failed build left is not trusted
            self.caches.walks.clear()
            debug = bool(self.pelican and self.pelican.settings.get("DEBUG", False))
            logger.error("Dựng trang không thành công: %s", error, exc_info=debug)
            return Result(kind, time.perf_counter() - started, True, changed)
        return Result(kind, time.perf_counter() - started, False, changed)

    def close(self):
        self.caches.save()
