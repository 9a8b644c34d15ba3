"""Fill Pelican's reader cache from a pool of processes (one per core).

Pelican reads files one after the other; converting Markdown and applying
typography is most of a cold build. Before the article (and page) generator
walks its files, the ones missing from the reader cache are read in parallel
by the project's reader and stored in that cache; Pelican's own walk then
finds them there. Needs CACHE_CONTENT with CONTENT_CACHING_LAYER "reader".

Pelican also rewrites its whole reader cache (70 MB at 10,000 articles) at the
end of every build; here it is rewritten only when a file was read or an entry
dropped.

Settings: PARALLEL_READING_WORKERS (os.cpu_count()), PARALLEL_READING_MIN_FILES (64:
below that a pool costs more than it saves).
"""

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from pelican import signals

from trangxa import compat
from trangxa.front_matter.front_matter import FrontMatterMarkdownReader

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.gc_freeze", "trangxa.front_matter", "trangxa.content_security")
# gc_freeze pauses the collector before the readers fork; front_matter and content_security
# drop stale cached reads first, so that these are read again in parallel.
logger.setLevel(logging.INFO)  # one line per build: how much was read in parallel
_worker_reader = None


def _start_worker(settings):
    global _worker_reader
    _worker_reader = FrontMatterMarkdownReader(settings)


def _read(path):
    content, metadata = _worker_reader.read(path)
    return path, content, metadata


def files_to_read(generator, paths_key, excludes_key):
    settings = generator.settings
    readers = generator.readers
    extensions = tuple(f".{ext}" for ext in FrontMatterMarkdownReader.file_extensions)
    files = generator.get_files(settings[paths_key], exclude=settings[excludes_key], extensions=False)
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in files if f.endswith(extensions)]
    return [path for path in paths if compat.cached_read(readers, path) is None]


def read_in_parallel(generator, paths_key, excludes_key):
    settings = generator.settings
    if not (settings.get("CACHE_CONTENT") and settings.get("CONTENT_CACHING_LAYER") == "reader"):
        return
    todo = files_to_read(generator, paths_key, excludes_key)
    workers = settings.get("PARALLEL_READING_WORKERS") or os.cpu_count() or 1
    if workers < 2 or len(todo) < settings.get("PARALLEL_READING_MIN_FILES", 64):
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(settings,)
    ) as pool:
        for path, content, metadata in pool.map(_read, todo, chunksize=16):
            compat.store_read(generator.readers, path, content, metadata)
    logger.info("Đã đọc %d tệp bằng %d tiến trình song song.", len(todo), workers)


def read_articles(generator):
    compat.save_reader_cache_only_when_changed(generator.readers)
    read_in_parallel(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def read_pages(generator):
    compat.save_reader_cache_only_when_changed(generator.readers)
    read_in_parallel(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def register():
    signals.article_generator_init.connect(read_articles)
    signals.page_generator_init.connect(read_pages)
