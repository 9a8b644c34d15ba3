"""Fill Pelican's reader cache from a pool of processes (one per core).

Pelican reads files one after the other; converting Markdown and applying
typography is most of a cold build. Before the article (and page) generator
walks its files, the ones missing from the reader cache are read in parallel
by the project's reader and stored in that cache; Pelican's own walk then
finds them there. Needs CACHE_CONTENT with CONTENT_CACHING_LAYER "reader".

Pelican also rewrites its whole reader cache (70 MB at 10,000 articles) at the
end of every build; here it is rewritten only when a file was read or an entry
dropped.

Pelican's reader cache only checks each file's stamp (its content digest with
``CHECK_MODIFIED_METHOD``, so a fresh clone reads nothing again): not the settings
nor the installed packages (Markdown, typogrify, nh3…) that shape what was read.
Their digest is kept in ``CACHE_PATH/reader-inputs.json``, written at the end of a
build; when it differs (or is missing) every cached read of every generator is
dropped, so a cache restored in CI after a change of settings or dependencies is
never used. The reader's own code is checked by trangxa.front_matter.

Settings: PARALLEL_READING_WORKERS (os.cpu_count()), PARALLEL_READING_MIN_FILES (64:
below that a pool costs more than it saves).
"""

import contextlib
import json
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from pelican import signals

from trangxa import compat
from trangxa.front_matter.front_matter import FrontMatterMarkdownReader
from trangxa.incremental_output.keys import digest, installed_versions, stable

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.gc_freeze", "trangxa.front_matter", "trangxa.content_security")
# gc_freeze pauses the collector before the readers fork; front_matter and content_security
# drop stale cached reads first, so that these are read again in parallel.
logger.setLevel(logging.INFO)  # one line per build: how much was read in parallel
_worker_reader = None
INPUTS_FILE = "reader-inputs.json"
# Settings that no reader uses (the readers of trangxa.front_matter, trangxa.content_security
# and Pelican's own read none of them): a preview build for another address keeps the cache.
NOT_READ = frozenset({"SITEURL", "FEED_DOMAIN", "OUTPUT_PATH", "CACHE_PATH", "COUNTER_URL", "COUNTER_BACKEND",
                      "BUILD_LOG_CODE_QUALITY_REPORT"})  # fmt: skip
_inputs = {}  # this build: {"digest": …, "changed": bool}


def reader_inputs(settings):
    """Digest of what shapes a cached read besides the file and the reader's code."""
    read = {key: value for key, value in settings.items() if key not in NOT_READ}
    return digest(stable(read), installed_versions())


def inputs_file(settings):
    return os.path.join(settings["CACHE_PATH"], INPUTS_FILE)


def check_inputs(pelican):
    """initialized: compare the reader inputs with those of the cache; a changed record is
    removed now, so that a build stopped half-way leaves none (the next one reads again)."""
    settings = pelican.settings
    compat.wait_for_cache_writes()  # the previous build's, in this process (make serve)
    _inputs.clear()
    if not settings.get("LOAD_CONTENT_CACHE"):
        return
    current = reader_inputs(settings)
    try:
        with open(inputs_file(settings), encoding="utf-8") as handle:
            recorded = json.load(handle).get("digest")
    except (OSError, ValueError, AttributeError):
        recorded = None
    _inputs.update(digest=current, changed=recorded != current)
    if _inputs["changed"] and recorded is not None:
        logger.info("Cài đặt hoặc gói Python đã đổi: đọc lại mọi tệp.")
    if _inputs["changed"]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(inputs_file(settings))


def drop_reads_of_other_inputs(generator):
    """generator_init (articles, pages, documents…): no cached read made with other inputs."""
    if _inputs.get("changed") and hasattr(generator, "readers"):
        compat.drop_cached_reads(generator.readers, lambda metadata: True)


def record_inputs(pelican):
    """finalized: the caches saved by this build hold reads made with these inputs."""
    settings = pelican.settings
    compat.wait_for_cache_writes()  # the record follows the caches it describes
    if _inputs and settings.get("CACHE_CONTENT"):
        os.makedirs(settings["CACHE_PATH"], exist_ok=True)
        with open(inputs_file(settings), "w", encoding="utf-8") as handle:
            json.dump({"digest": _inputs["digest"]}, handle)
        _inputs["changed"] = False  # make serve builds again in this process, with these reads


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
    compat.memoize_file_stamps(generator)  # a content hash: once per file, not three times
    read_in_parallel(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def read_pages(generator):
    compat.save_reader_cache_only_when_changed(generator.readers)
    compat.memoize_file_stamps(generator)
    read_in_parallel(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def register():
    signals.initialized.connect(check_inputs)
    signals.generator_init.connect(drop_reads_of_other_inputs)
    signals.article_generator_init.connect(read_articles)
    signals.page_generator_init.connect(read_pages)
    signals.finalized.connect(record_inputs)
