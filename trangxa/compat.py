"""Every use of Pelican's (or a library's) internals, in one place.

Pelican's public surface is its signals, settings, content attributes and the
context. Whatever this project needs beyond that is one small function here,
with what it relies on, why, what it gains and the version it was written for.
Plugins call these functions, never the private names. ``check_versions()``
(run by the test suite, tests/test_compat.py) fails loudly on a version this
module does not know, or when something it relies on is gone. docs/compat.md
describes each entry, how to check it after an upgrade and how to drop it.

Gains are measured at 10,000 generated articles on 2 cores (``invoke dev.bench``,
bench/results.md) unless said otherwise.
"""

import atexit
import contextlib
import functools
import importlib.metadata
import inspect
import logging
import os
import pickle
import sys

import blinker
import pelican
import pelican.cache
import pelican.contents
import pelican.generators
import pelican.log
import pelican.paginator
import pelican.readers
import pelican.settings
import pelican.urlwrappers
import pelican.utils
import pelican.writers
from pelican.utils import get_relative_path, path_to_url

logger = logging.getLogger(__name__)

# The versions every entry below was written against and checked with.
WRITTEN_FOR = {
    "pelican": "4.12.0",
    "typogrify": "2.1.0",
    "smartypants": "2.0.2",
    "blinker": "1.9.0",  # Pelican's signals: receivers called in connection order
    "feedgenerator": "2.2.1",  # the date of an empty feed
    "markupsafe": "3.0.4",  # striptags, as trangxa.fast_contents' slugs skip it
    "unidecode": "1.4.0",  # one character at a time, as trangxa.fast_contents memoizes it
}


class CompatError(RuntimeError):
    """An installed package is not the version trangxa.compat was written for, or
    something it relies on is gone."""


# --- The writer's paginator ---------------------------------------------------------------
# Relies on: pelican.writers.Paginator, the class Writer.write_file instantiates for
# paginated templates (module global, Pelican 4.12.0).
# Why: trangxa.pagination keeps the newest articles on a list's first page and cuts the
# others into fixed blocks counted from the oldest, so a new article does not move every
# older list page (a rebuild writes 2-4 pages of each list it is on, not all of them).
# Gain: at 10,000 articles, +1 article changes ~28 files (~14 list pages) instead of ~1,500.
# Written for: Pelican 4.12.0.


def use_paginator(paginator_class):
    """Make Pelican's writer (and trangxa's incremental writer) paginate with this class."""
    pelican.writers.Paginator = paginator_class


def writer_paginator():
    """The paginator class Pelican's writer uses now."""
    return pelican.writers.Paginator


# --- A paginated page's own addresses -------------------------------------------------------
# Relies on: pelican.paginator.Page computing its ``url`` and ``save_as`` in
# ``Page._from_settings(key)`` from PAGINATION_PATTERNS and ``number``; its attributes
# full_name, base_url, name, base_name, extension, number, paginator, settings.
# Why: trangxa.pagination's archive pages are numbered from the oldest article (the block
# number in the URL never changes for a page), which Pelican's patterns cannot express.
# Gain: part of the paginator's (above).
# Written for: Pelican 4.12.0.


class PageWithOwnAddresses(pelican.paginator.Page):
    """A Pelican paginated page whose URL and file come from ``address("URL")`` and
    ``address("SAVE_AS")``; a subclass defines ``address(key)``."""

    def address(self, key):
        raise NotImplementedError

    def _from_settings(self, key):
        return self.address(key)

    @property
    def url(self):
        return self.address("URL")

    @property
    def save_as(self):
        return self.address("SAVE_AS")


# --- Taxonomy lists with a constant-time `in` ---------------------------------------------
# Relies on: at article_generator_finalized, ArticlesGenerator.categories and .authors
# are lists of (wrapper, [articles]) and .tags a dict {tag: [articles]}, copied into the
# context by Generator._update_context (dicts as lists of items); generate_pages later
# builds ``[a for a in self.dates if a in articles]`` for each category, tag and author
# page (generators.py, generate_tags/generate_categories/generate_authors).
# Why: that membership test is a list scan per article of the site.
# Gain: about 3 s a build at 10,000 articles and 47 tags (commit 3b81497). Same output.
# Written for: Pelican 4.12.0.


def replace_taxonomy_lists(generator, article_list):
    """Replace each article list of the generator's categories, authors and tags by
    ``article_list(articles)`` (an equal list), in the generator and its context."""
    generator.categories = [(category, article_list(articles)) for category, articles in generator.categories]
    generator.authors = [(author, article_list(articles)) for author, articles in generator.authors]
    generator.tags = {tag: article_list(articles) for tag, articles in generator.tags.items()}
    generator.context["categories"] = generator.categories
    generator.context["authors"] = generator.authors
    generator.context["tags"] = list(generator.tags.items())  # as Generator._update_context


# --- Translation grouping ------------------------------------------------------------------
# Relies on: ArticlesGenerator and PagesGenerator calling the module global
# pelican.generators.process_translations (imported from pelican.utils) with
# (content_list, translation_id) and using its (index, translations).
# Why: it ends with ``[x for x in content_list if x not in index]``, every article
# against the list of all articles; trangxa.fast_taxonomies calls Pelican's own function
# once per group of articles sharing a translation id.
# Gain: 0.8 s a build at 10,000 articles, four times that at 20,000 (commit 164d00c).
# Same output (tests/test_fast_taxonomies.py compares results and warnings).
# Written for: Pelican 4.12.0.


def replace_process_translations(function):
    """Make Pelican's generators group translations with ``function`` (which may call
    ``pelican.utils.process_translations``, left as it is)."""
    pelican.generators.process_translations = function


# --- The reader cache ----------------------------------------------------------------------
# Relies on: Readers (a pelican.cache.FileStampDataCacher) keeps its entries in the dict
# ``_cache`` {absolute path: (file stamp, (content, reader metadata))}, loaded from the
# file ``_cache_path``, filled by ``cache_data(path, (content, metadata))`` (what
# Readers.read_file stores), written whole by ``save_cache()`` at the end of the article
# and page generators; ``get_cached_data(path, default)`` checks the stamp.
# Why: (1) a cached read made by other reader code or settings, or before a linked file
# existed, must be read again (Pelican only watches the file itself); (2)
# trangxa.parallel_reading fills the cache from one process per core before Pelican walks
# the files; (3) Pelican rewrites the whole cache at every build even when nothing was read.
# Gain: (1) correctness of cached builds; (2) the reading of a full build (about 28 s of
# CPU at 10,000 articles) spread over the cores; (3) the cache file (70 MB at 10,000
# articles, 7 MB at 1,000) is not rewritten by a build that read nothing: measured 0.02 s
# at 1,000 articles, so about 0.25 s and a 70 MB write per rebuild at 10,000.
# Written for: Pelican 4.12.0.


def cached_read(readers, path):
    """Pelican's cached (content, metadata) of the file ``path``, or None if not current."""
    return readers.get_cached_data(path, None)


def store_read(readers, path, content, metadata):
    """Store a read in Pelican's reader cache, as Readers.read_file stores its own."""
    readers.cache_data(path, (content, metadata))


def drop_cached_reads(readers, is_stale):
    """Forget every cached read whose reader metadata ``is_stale(metadata)``."""
    cache = getattr(readers, "_cache", {})
    for path, (_, data) in list(cache.items()):
        metadata = (data[1] if isinstance(data, tuple) and len(data) == 2 else None) or {}
        if is_stale(metadata):
            del cache[path]


def save_reader_cache_only_when_changed(readers):
    """Make ``readers.save_cache`` a no-op when nothing was cached or dropped since loading."""
    if not hasattr(readers, "_cache"):
        return
    loaded = len(readers._cache)
    changed = not os.path.exists(readers._cache_path)
    cache_data, save_cache = readers.cache_data, readers.save_cache

    def cache_data_and_remember(filename, data):
        nonlocal changed
        changed = True
        cache_data(filename, data)

    def save_cache_if_changed():
        if not (changed or len(readers._cache) != loaded):
            return
        if getattr(save_cache, "__func__", None) is pelican.cache.FileDataCacher.save_cache:
            save_cache_in_background(readers)
        else:  # another wrapper's (trangxa.warm defers the write): it decides
            save_cache()

    readers.cache_data = cache_data_and_remember
    readers.save_cache = save_cache_if_changed


# Relies on: FileDataCacher.save_cache() as above: ``pickle.dump(self._cache, handle)`` into
# ``self._cache_open(self._cache_path, "wb")`` when ``_cache_data_policy`` is set.
# Why: the dump holds the main process for 0.6 s at 10,000 articles and its pickler's memo
# (one entry per object) raised the build's peak memory by about 30 MB; Pelican also writes
# the file in place, so a build stopped during the write (Ctrl+C in make serve) left a
# truncated cache that the next build could not load.
# Here a forked copy of the process writes the same pickle to a temporary file and renames
# it into place; the build goes on. wait_for_cache_writes() (at the end of the build, and
# before the process exits) waits for it.
# Gain: measured at 10,000 articles, one article added: 0.6 s of the build's wall time, and
# the main process's peak memory no longer grows during the write.
# Written for: Pelican 4.12.0.
_cache_writers = []  # (pid, cache file) of the processes writing a reader cache


def save_cache_in_background(cacher):
    """Pelican's ``cacher.save_cache()``, done by a forked process into a temporary file."""
    if not cacher._cache_data_policy:
        return
    wait_for_cache_writes(cacher._cache_path)  # one writer per file at a time
    if not hasattr(os, "fork"):  # Windows
        _write_cache_file(cacher)
        return
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or the child would print the parent's buffered output again
    pid = os.fork()
    if pid == 0:  # the copy: write, then leave without running the parent's exit handlers
        share_taxonomy_objects(cacher._cache)  # this copy's objects only: the build keeps its own
        status = 0 if _write_cache_file(cacher) else 1
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(status)
    _cache_writers.append((pid, cacher._cache_path))
    _wait_at_exit()


def share_taxonomy_objects(cache):
    """Make the equal Category, Tag and Author objects of a reader cache's entries one object
    (with one settings dict), so that the pickle holds each once.

    Pelican makes new ones for every file read, each holding the settings, and
    parallel_reading's workers send a copy of the settings with every batch: at 10,000
    articles the cache held 40,000 such objects and 628 copies of the settings (78 MB, 1.1 s
    to load at every build); with this, 66 objects (67 MB, 0.46 s). Nothing changes them
    after they are made (their slug is computed from the name and settings, equal here)."""
    shared = {}
    wrapper = pelican.urlwrappers.URLWrapper

    def one(item):
        if not isinstance(item, wrapper):
            return item
        kept = shared.setdefault((type(item), item.name), item)
        kept.settings = next(iter(shared.values())).settings
        return kept

    for entry in cache.values():
        data = entry[1] if isinstance(entry, tuple) and len(entry) == 2 else None
        metadata = data[1] if isinstance(data, tuple) and len(data) == 2 else None
        for key, value in metadata.items() if isinstance(metadata, dict) else ():
            if isinstance(value, wrapper):
                metadata[key] = one(value)
            elif isinstance(value, list) and any(isinstance(item, wrapper) for item in value):
                metadata[key] = [one(item) for item in value]


@functools.cache  # once per process, however many builds it makes (make serve)
def _wait_at_exit():
    atexit.register(wait_for_cache_writes)


def _write_cache_file(cacher):
    path = cacher._cache_path
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        pelican.utils.mkdir_p(os.path.dirname(path))
        with cacher._cache_open(temporary, "wb") as handle:
            pickle.dump(cacher._cache, handle)
        os.replace(temporary, path)
        return True
    except (OSError, pickle.PicklingError, TypeError) as error:
        # For the operator, like every build line: the next build reads the files again.
        logger.warning("%s: không ghi được bộ nhớ đệm (%s); lần dựng sau sẽ đọc lại mọi bài.", path, error)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False


def wait_for_cache_writes(path=None):
    """Wait until the reader caches being written (``path``'s only, if given) are on disk."""
    for writer in [writer for writer in _cache_writers if path in (None, writer[1])]:
        _cache_writers.remove(writer)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(writer[0], 0)


# Relies on: Readers computing a file's stamp with ``_get_file_stamp(path)`` in
# get_cached_data (even when nothing is cached) and in cache_data.
# Why: with CHECK_MODIFIED_METHOD = "blake2b" (a fresh clone in CI keeps its reader cache)
# the stamp is a hash of the file, and a full build computed it three times per file, in
# the main process: parallel_reading asking what to read, storing each read, Pelican's own
# walk; an incremental build twice. Here once per file and build (same stat, same stamp).
# The generator itself, a FileStampDataCacher too, asks for the stamp twice more per file
# (get_cached_data and cache_data) even with CONTENT_CACHING_LAYER "reader", where it caches
# nothing: it shares the readers' stamps.
# Gain: the three passes of a full build over 2,000 articles took 0.16 s of the main process,
# 0.045 s with this (measured under load 7 on 2 cores); at 10,000 articles about 0.6 s saved.
# Sharing with the generator: 20,000 hashes fewer in a CI publish at 10,000 articles (see
# docs/compat.md).
# Written for: Pelican 4.12.0.
def memoize_file_stamps(generator):
    """Compute the stamp of each file once per build, for ``generator`` and its readers."""
    stamps = getattr(generator._get_file_stamp, "stamps", None)
    if stamps is None:  # the warm builder keeps its own, between builds
        stamps = {}
        generator._get_file_stamp = _stamp_kept(generator, generator._get_file_stamp, stamps)
    readers = generator.readers
    if getattr(readers._get_file_stamp, "stamps", None) is not stamps:
        readers._get_file_stamp = _stamp_kept(readers, readers._get_file_stamp, stamps)


# --- Warnings shown once per process --------------------------------------------------------
# Relies on: pelican.log.LimitFilter remembering the warnings already shown in the class
# attributes ``_raised_messages`` (a set) and ``_group_count`` (a defaultdict).
# Why: with the dev server (one process, many builds) an editor must see at every rebuild
# the problems that are still there, not only at the first build.
# Gain: correctness of the dev server's messages (no speed gain).
# Written for: Pelican 4.12.0.


def reset_logged_once():
    """Let Pelican log again the warnings it has already logged in this process."""
    pelican.log.LimitFilter._raised_messages.clear()
    pelican.log.LimitFilter._group_count.clear()


# --- The writer: files written, and pages written elsewhere --------------------------------
# Relies on: pelican.writers.Writer recording the paths it wrote in ``_written_files``
# and the ones written with override_output in ``_overridden_files``, checked and
# updated by ``_open_w(filename, encoding, override)`` (which write_feed calls); the
# arguments of ``write_file`` and what it does with them: the default ``paginated``
# ({"articles", "dates"} of kwargs), PAGINATED_TEMPLATES, one page per
# ``Paginator.page(n)`` with ``{key}_paginator/_page/_previous_page/_next_page``,
# the local context of its nested ``_get_localcontext`` and the ``localsiteurl`` it
# copies into the shared context before rendering.
# Why: trangxa.incremental_output's writer queues the pages and renders, at the end of
# the build and on every core, only those whose inputs changed; it keeps Pelican's
# overwrite rules, and replaces an output file rather than truncating it (a hard-linked
# copy of the output keeps its content).
# Gain: a rebuild after one new article at 10,000 articles 8.7 s instead of a full
# 48.8 s build; 20 files change instead of every list page (bench/results.md).
# Written for: Pelican 4.12.0.


class Writer(pelican.writers.Writer):
    """Pelican's writer with its record of written files reachable by public names."""

    def was_written(self, path):
        return path in self._written_files

    def record_written(self, path):
        self._written_files.add(path)

    def claim_output(self, path, override):
        """Pelican's overwrite rules (Writer._open_w) for ``path``, without opening it:
        True when this write is to happen, False when an earlier overriding write keeps the
        file; FileOverwriteFailedError as Pelican raises it."""
        if path in self._overridden_files:
            if override:
                raise pelican.writers.FileOverwriteFailedError(f'Failed to overwrite "{path}" a second time')
            return False  # the overriding page stays
        if path in self._written_files and not override:
            raise pelican.writers.FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already written to it previously'
            )
        if override:
            self._overridden_files.add(path)
        return True

    def before_open(self, filename):
        """Called before Pelican's own writing opens ``filename`` (feeds); a subclass may
        prepare the file."""

    def _open_w(self, filename, encoding, override=False):
        self.before_open(filename)
        return super()._open_w(filename, encoding, override)


def write_file_outputs(settings, name, url, template_name, paginated, kwargs):
    """The files one ``Writer.write_file`` call writes: (output name, template variables)
    of each, paginated with the writer's paginator class as Pelican does."""
    if paginated is None:
        paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
    if not (paginated and template_name in settings["PAGINATED_TEMPLATES"]):
        yield name, kwargs
        return
    per_page = settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
    paginator_class = writer_paginator()  # trangxa.pagination's, when that plugin is on
    paginators = {
        key: paginator_class(name, url, objects, settings, per_page) for key, objects in paginated.items()
    }
    count = next(iter(paginators.values())).num_pages
    for number in range(1, count + 1):
        page_kwargs = dict(kwargs)
        for key, paginator in paginators.items():
            page = paginator.page(number)
            page_kwargs.update(
                {
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": paginator.page(number - 1) if number > 1 else None,
                    f"{key}_next_page": paginator.page(number + 1) if number < count else None,
                }
            )
        yield page.save_as, page_kwargs


def writer_local_context(context, name, kwargs, relative_urls):
    """The variables of one page, as Pelican's Writer.write_file builds them."""
    localcontext = context.copy()
    localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
    if relative_urls:
        relative_url = path_to_url(get_relative_path(name))
        localcontext["SITEURL"] = relative_url
        localcontext["localsiteurl"] = relative_url
    localcontext["output_file"] = name
    localcontext.update(kwargs)
    return localcontext


def share_local_siteurl(context, localcontext):
    """As Writer.write_file before rendering: contents resolve their links with it."""
    if localcontext["localsiteurl"]:
        context["localsiteurl"] = localcontext["localsiteurl"]


# --- The memoized HTML of contents --------------------------------------------------------
# Relies on: Content.get_content being decorated with pelican.utils.memoized, whose
# ``cache`` dict (reachable from the class attribute) is keyed by (content, siteurl).
# Why: Pelican keeps the final HTML of every article until the process ends; nothing
# needs it after the article's own page is written (a feed computes it again).
# Gain: Pelican's peak memory 421 -> 358 MB at 10,000 articles (commit ea82967, pages
# rendered in the Pelican process). Pages are now rendered in forked processes too:
# measured at 3,000 articles, 12 MB less in the Pelican process (156 -> 144 MB) and in the
# largest writer process (144 -> 132 MB), about 40 MB each at 10,000; the ceiling is 400 MB.
# If the cache is not where expected, the call does nothing: no risk for the output.
# Written for: Pelican 4.12.0.


def forget_memoized_content(content):
    """Drop Pelican's memoized final HTML of ``content`` (computed again if asked)."""
    cache = getattr(type(content).get_content, "cache", None)
    if cache is not None:
        cache.pop((content, content.get_siteurl()), None)


# --- What a content or taxonomy object holds (page keys) ----------------------------------
# Relies on: the instance attributes of Pelican's objects: a Content holds ``_context``
# (the whole build context, shared) and ``_content`` (its HTML before links are
# resolved); a Category, Tag or Author made by Pelican holds only ``settings``,
# ``_name``, ``_slug``, ``_slug_from_name`` (and ``name``/``slug`` once computed).
# Why: trangxa.incremental_output's page keys describe an object by its attributes;
# those two are left out (the key covers the final HTML and the site-wide inputs), and a
# plain taxonomy object is described once by its type, name and slug.
# Gain: the page keys themselves (a rebuild 8.7 s instead of 48.8 s); describing the
# context per article would cost more than rendering.
# Written for: Pelican 4.12.0.

CONTENT_INTERNALS = frozenset({"_context", "_content"})
TAXONOMY_INTERNALS = frozenset({"_name", "_slug", "_slug_from_name"})


# --- Pinned addresses -------------------------------------------------------------------------
# Relies on: Content.get_url_setting returning the attribute ``override_url`` /
# ``override_save_as`` when the content has one (what the URL: and Save_as: metadata
# set, contents.py), instead of formatting ARTICLE_URL over the metadata at each access.
# Why: a page lists up to 20 other articles and every list, feed, sitemap entry and page
# key asks for the address again.
# Gain (measured for this module, 1,000 generated articles, publishconf.py, one writer
# process): a full build formats an address 4,244 times with pinning, 32,225 without
# (about 6 us each; the build took 3.9-4.3 s with, 4.8-4.9 s without); a rebuild
# 4,244 and 9,270 times. It grows with the site: lists, feeds and page keys ask again.
# Written for: Pelican 4.12.0.


# --- A content's path from the content folder --------------------------------------------------
# Relies on: Content.get_relative_source_path(source_path=None) returning
# posixize_path(relpath(abspath(join(PATH, source_path or self.source_path)), abspath(PATH)))
# and depending on nothing else.
# Why: Pelican asks for it at every URL formatting (``url_format`` evaluates it even when the
# metadata hold a path), at each content's creation and in the generators' bookkeeping:
# 56,000 os.path.relpath calls in a rebuild at 10,000 articles, for 10,000 answers.
# Gain: measured with a rebuild after one new article at 10,000 articles (cProfile): the
# calls' 1.6 s -> 0.65 s profiled (10,000 relpath instead of 56,000; the wrapper included);
# about 0.4 s of the main process without the profiler.
# Written for: Pelican 4.12.0.
_relative_source_paths = {}  # (PATH, source path) -> the answer


def memoize_relative_source_paths():
    """Make Content.get_relative_source_path compute each answer once per process."""
    original = pelican.contents.Content.get_relative_source_path
    if getattr(original, "memoized", False):
        return

    def get_relative_source_path(self, source_path=None):
        key = (self.settings["PATH"], source_path or self.source_path)
        if key[1] is None or not (os.path.isabs(key[0]) and os.path.isabs(key[1])):
            return original(self, source_path)  # a relative path depends on the working folder
        found = _relative_source_paths.get(key)
        if found is None:
            found = _relative_source_paths[key] = original(self, source_path)
        return found

    get_relative_source_path.memoized = True
    get_relative_source_path.original = original
    pelican.contents.Content.get_relative_source_path = get_relative_source_path


# --- Slugs, dates and intrasite links of each content --------------------------------------------
# Relies on: Content.__init__ and URLWrapper calling ``slugify`` through the names
# pelican.contents.slugify and pelican.urlwrappers.slugify (imported from pelican.utils);
# ``SafeDatetime.strftime(fmt, safe=True)`` calling pelican.utils.strftime (the date of
# each content, and every ``{date:%Y}`` of its URL settings); Content._update_content and
# Content.get_static_links running the intrasite link expression over the body. The
# shortcuts of trangxa.fast_contents also rely on what these functions do inside: the
# default INTRASITE_LINK_REGEX and the quote before it; Pelican's strftime treating a format
# of standard directives as datetime.strftime does; markupsafe's striptags only collapsing
# whitespace and unescaping entities in text without "<"; unidecode transliterating one character at a
# time. The checks below read their source.
# Why: Pelican does this for every article at every build, cached or not, in the main process.
# Gain, measured at 10,000 articles (real time, not profiled): its strftime 0.37 -> 0.08 s
# (five formats an article), slugify 0.22 -> 0.11 s, static links 0.10 -> 0.02 s, and as
# much again for link replacement in the page writers. Same output: tests/test_fast_contents.py
# compares each function with Pelican's; tools/output_digest.py shows identical sites.
# Written for: Pelican 4.12.0, markupsafe 3.0.4, Unidecode 1.4.0.
DEFAULT_INTRASITE_LINK_REGEX = "[{|](?P<what>.*?)[|}]"
pelican_slugify = pelican.utils.slugify
pelican_strftime = pelican.utils.strftime  # (date, format), what SafeDatetime.strftime calls


def replace_slugify(function):
    """Make Pelican's contents and taxonomy objects compute their slugs with ``function``."""
    pelican.contents.slugify = function
    pelican.urlwrappers.slugify = function


def replace_safe_strftime(function):
    """Make ``SafeDatetime.strftime`` (Pelican's dates) call ``function(date, fmt, safe)``."""
    pelican.utils.SafeDatetime.strftime = function


def skip_link_replacement_unless(may_hold):
    """Resolve and collect a content's intrasite links only when ``may_hold(text,
    settings)``: otherwise Pelican's expression has nothing to match."""
    update_content = _original(pelican.contents.Content, "_update_content")
    static_links = _original(pelican.contents.Content, "get_static_links")

    def _update_content(self, content, siteurl):
        if content and not may_hold(content, self.settings):
            return content
        return update_content(self, content, siteurl)

    def get_static_links(self):
        if isinstance(self._content, str) and not may_hold(self._content, self.settings):
            return set()
        return static_links(self)

    _update_content.original, get_static_links.original = update_content, static_links
    pelican.contents.Content._update_content = _update_content
    pelican.contents.Content.get_static_links = get_static_links


def _original(owner, name):
    function = vars(owner)[name]
    return getattr(function, "original", function)


def pin_address(content):
    """Fix ``content.url`` and ``content.save_as`` to their present values."""
    for key in ("url", "save_as"):
        if not hasattr(content, f"override_{key}"):
            setattr(content, f"override_{key}", getattr(content, key))


# --- Reading without writing (`invoke check`) ----------------------------------------------
# Relies on: Pelican.run making one context dict shared by its generators (a copy of the
# settings plus generated_content, static_links, static_content and localsiteurl), and
# the generators' constructor (context, settings, path, theme, output_path) and
# generate_context().
# Why: `invoke check` reads and checks every file as a build would, and writes nothing;
# Pelican has no "context only" run.
# Gain: the check takes the reading time only (no rendering, no output folder).
# Written for: Pelican 4.12.0.


def generate_contexts(settings, generator_classes, **context_extra):
    """Run ``generate_context()`` of each generator class in turn, as Pelican.run does
    before writing, on one shared context (``context_extra`` added to it)."""
    context = settings.copy()
    context.update(
        generated_content={},
        static_links=set(),
        static_content={},
        localsiteurl=settings["SITEURL"],
    )
    context.update(context_extra)
    for generator_class in generator_classes:
        generator = generator_class(
            context=context,
            settings=settings,
            path=settings["PATH"],
            theme=settings["THEME"],
            output_path=settings["OUTPUT_PATH"],
        )
        generator.generate_context()
    return context


# --- Receivers in connection order ------------------------------------------------------------
# Relies on: Pelican's signals (blinker NamedSignal) calling the receivers of a signal in
# the order they were connected: plugins connect in PLUGINS order at registration
# (trangxa.plugin_order checks that order), and a receiver connected later, while the
# build starts, runs after all of them. blinker documents no order; 1.9.0 keeps its
# receivers in an insertion-ordered dict.
# Why: gc_freeze must unfreeze after incremental_output has written the pages (at
# `finalized`); content_checks must fail a strict build after every plugin's finalized work.
# Gain: gc_freeze's (a rebuild at 10,000 articles 7.3 -> 6.4 s, commit aff8dfe); a clean
# end of strict builds.
# Written for: blinker 1.9.0, Pelican 4.12.0.


def connect_after_registered_receivers(signal, receiver):
    """Connect ``receiver`` so that it runs after the receivers connected until now."""
    signal.connect(receiver)


# --- Pelican's own console lines ------------------------------------------------------------
# Relies on: pelican.log.console, the rich Console that Pelican.run prints its English
# "Done: Processed 48 articles, 1 draft, …" line with (after `finalized`, not through
# logging), wrapped at 80 columns in a CI log; `quiet` is rich's public switch.
# Why: every line an editor sees is Vietnamese and one line long; trangxa.build_log
# prints the same summary in Vietnamese.
# Gain: no English, no wrapped line at the end of every build.
# Written for: Pelican 4.12.0 (rich 15.0.0).


def silence_pelican_console():
    """Pelican's console prints nothing (its log records still go to the handlers)."""
    pelican.log.console.quiet = True


# --- The date of an empty feed -------------------------------------------------------------
# Relies on: feedgenerator's SyndicationFeed.latest_post_date(), which Atom's <updated> and
# RSS's <lastBuildDate> are written from, and returns the current time for a feed with no
# item (an organization with no news yet).
# Why: that feed then changes at every build: incremental builds rewrite it and upload it
# again, and two builds of the same content differ. The newest article of the site is the
# last time the site changed.
# Gain: identical output for identical content (tools/output_digest.py needed no masking of it).
# Written for: feedgenerator 2.2.1, Pelican 4.12.0.


def date_empty_feed(feed, moment):
    """An item-less ``feed`` says it was updated at ``moment``, not at the time of the build."""
    if not feed.items and moment is not None:
        feed.latest_post_date = lambda: moment


# --- Feed titles ----------------------------------------------------------------------------
# Relies on: Writer._create_new_feed titling a feed ``SITENAME + " - " + feed_title`` (the
# ``feed_title`` given to write_feed: a category's name, an organization's), or SITENAME
# alone, tags stripped, in the feedgenerator feed that feed_generated receives.
# Why: page titles join their parts with the spaced en dash Vietnamese uses (" – "); a
# feed reader shows the feed's title, which had Pelican's hyphen (" - ").
# Gain: the same dash in feed titles as in page titles (no speed gain).
# Written for: Pelican 4.12.0.

PELICAN_FEED_TITLE_SEPARATOR = " - "


def feed_title_with_separator(title, sitename, separator):
    """A feed title Pelican made from ``sitename`` and a feed title, with ``separator``
    between them instead of Pelican's; any other title as it is."""
    from markupsafe import Markup  # noqa: PLC0415

    start = Markup(sitename).striptags() + PELICAN_FEED_TITLE_SEPARATOR  # as Pelican strips it
    if not title.startswith(start) or len(title) == len(start):
        return title
    return title[: len(start) - len(PELICAN_FEED_TITLE_SEPARATOR)] + separator + title[len(start) :]


# --- Typography: smartypants' steps ----------------------------------------------------------
# Relies on: smartypants.smartypants calling its steps (convert_quotes, convert_dashes…,
# process_escapes) through the module's globals, so that a module attribute replaced is
# the one called; what each step can replace (see trangxa.front_matter.smartypants_speedup).
# Why: most pieces of text hold none of the marks a step replaces; the step is skipped.
# Gain: reading an article 4.8 -> 2.9 ms (commit 18da0e1); measured again for this module
# on 1,000 generated articles, typography 1.5 -> 0.55 ms an article (of a 2.25 ms read):
# about 10 s of CPU in a full build at 10,000 articles, nothing on a rebuild (reads are
# cached). Same output (tests/test_smartypants_speedup.py; Pelican's own suite).
# Written for: smartypants 2.0.2, typogrify 2.1.0.


def smartypants_step(name):
    import smartypants  # noqa: PLC0415 (only when typography is on)

    return getattr(smartypants, name)


def replace_smartypants_step(name, function):
    import smartypants  # noqa: PLC0415

    setattr(smartypants, name, function)


# --- Typography: smartypants' dashes ---------------------------------------------------------
# Relies on: smartypants.Attr.default (a module-level default the smartypants filter of
# typogrify uses) and Attr.set1/set2/set3/w; Pelican's own reader sets it the same way
# from TYPOGRIFY_DASHES before typogrify (readers.py, Readers.read_file).
# Why: typography runs in trangxa's reader (so that its result is cached), not in Pelican's.
# Gain: the typography of a cached article is not redone at each build.
# Written for: smartypants 2.0.2, Pelican 4.12.0.


def set_smartypants_dashes(typogrify_dashes):
    """smartypants' dashes as Pelican sets them for TYPOGRIFY_DASHES."""
    import smartypants  # noqa: PLC0415

    dashes = {"oldschool": smartypants.Attr.set2, "oldschool_inverted": smartypants.Attr.set3}
    smartypants.Attr.default = dashes.get(typogrify_dashes, smartypants.Attr.set1)
    smartypants.Attr.default |= smartypants.Attr.w


# --- Typography: typogrify's widont -----------------------------------------------------------
# Relies on: typogrify.filters.typogrify calling ``widont`` through the module's globals,
# and 2.1.0's widont expression, whose every match ends at a closing block tag or the end
# of the text (trangxa.front_matter.widont_speedup reads each match backwards from there).
# Why: the expression is tried at every word of an article and backtracks through it.
# Gain: widont 0.53 -> 0.29 ms an article with possessive quantifiers (commit 3800382),
# 0.29 -> 0.03 ms read backwards from the ends of blocks (500 generated articles): about
# 5 s of CPU in a full build at 10,000 articles, nothing on a rebuild. Its risk is bounded
# (typogrify pinned, output compared with typogrify's in tests/test_widont_speedup.py, on
# random tag soup too, and Pelican's suite).
# Written for: typogrify 2.1.0.


def typogrify_widont():
    return typogrify_filter("widont")


def replace_typogrify_widont(function):
    replace_typogrify_filter("widont", function)


# --- Typography: typogrify's amp ---------------------------------------------------------------
# Relies on: typogrify.filters.applyfilters calling ``amp`` through the module's globals, and
# 2.1.0's amp changing only text segments matched by its ``amp_finder`` expression (copied in
# trangxa.front_matter.amp_speedup).
# Why: amp cuts the whole article into tags and text to find "&" between spaces, which
# Vietnamese articles almost never hold; when the expression matches nowhere in the whole
# HTML it matches in no segment either, and amp returns its input.
# Gain: amp 0.14 -> 0.00 ms of a 2.7 ms read an article (500 generated articles): about 1.4 s
# of CPU in a full build at 10,000 articles, nothing on a rebuild.
# Written for: typogrify 2.1.0.


def typogrify_filter(name):
    import typogrify.filters  # noqa: PLC0415

    return getattr(typogrify.filters, name)


def replace_typogrify_filter(name, function):
    import typogrify.filters  # noqa: PLC0415

    setattr(typogrify.filters, name, function)


# --- Caches kept in memory between the dev server's builds ------------------------------
# Relies on: pelican.cache.FileDataCacher.__init__(self, settings, cache_name,
# caching_policy, load_policy) setting ``_cache_path`` and ``_cache_data_policy`` and
# loading ``_cache`` with pickle when load_policy is true (Readers, and the Articles and
# Pages generators, are FileStampDataCachers); ArticlesGenerator/PagesGenerator
# .generate_context asking ``self.get_cached_data(f, None)`` for a content object before
# reading ``f`` (relative to ``self.path``) and storing it with ``self.cache_data(f, c)``
# (a no-op under CONTENT_CACHING_LAYER "reader", the generator-level policy being off);
# a Content resolving its links against its ``_context``, and get_content/get_summary
# memoized by (content, siteurl); refresh_metadata_intersite_links rewriting the
# FORMATTED_FIELDS of ``metadata`` in place.
# Why: ``make serve`` builds many times in one process (trangxa.warm). Pelican loads its
# reader cache with pickle at every build (1.6 s at 10,000 articles) and turns every
# cached read into a new Article (Content.__init__: slug, URLs, dates; 1.2 s); here the
# reader caches stay in memory (written to disk after the build, only when changed), and
# the content object of a file whose stamp and cached read are unchanged is used again,
# its context the new build's. Not kept (read again): a file whose cached read was
# dropped or made again (front_matter, content_security, parallel_reading), a draft or a
# scheduled article (its status depends on the clock), and a content whose formatted
# fields hold an intrasite link (Pelican resolves those in place, against one build).
# Gain: see docs/compat.md ("Warm builds"). Same output (tests/test_warm_build.py
# compares the dev server's output with a fresh full build after each of a series of
# edits, additions, deletions and renames).
# Written for: Pelican 4.12.0.


class MemoryCaches:
    """What trangxa.warm keeps between builds: reader caches by file, content objects."""

    def __init__(self):
        self.reads = {}  # cache file path -> the Readers' dict {path: (stamp, (content, metadata))}
        self.contents = {}  # generator cache file path -> {relative path: (stamp, (read, content))}
        self.unsaved = {}  # cache file path -> the save_cache of a Readers whose entries changed
        self.stamps = {}  # (path, stat) -> Pelican's stamp (a content digest): files not hashed again
        self.walks = {}  # Generator.get_files' arguments -> (its files, its folders' mtimes)

    def save(self):
        """Write the reader caches that changed (Pelican's pickle, as a cold build reads it)."""
        saves, self.unsaved = self.unsaved, {}
        for save in saves.values():
            save()


REUSED_STATUSES = ("published", "hidden")


@contextlib.contextmanager
def caches_kept_in_memory(store):
    """Within the block (one build), Pelican's reader caches and content objects live in
    ``store``; a file's stamp is computed again only when its stat changed; each folder
    walk of Generator.get_files is made again only when a folder it walked changed (a file
    added, deleted or renamed changes its folder's time; a file edited in place does not)."""
    original = pelican.cache.FileDataCacher.__init__
    original_get_files = pelican.generators.Generator.get_files
    walks = store.walks

    def get_files(self, paths, exclude=None, extensions=None):
        kept = (
            extensions
            if extensions is False
            else tuple(self.readers.extensions if extensions is None else extensions)
        )
        paths = [paths] if isinstance(paths, str) else paths
        key = (self.path, tuple(paths), tuple(exclude or ()), kept, tuple(self.settings["IGNORE_FILES"]))
        if key not in walks or walks[key][1] != _folder_times(walks[key][1]):
            folders = _folder_times(
                _folders(self.path, paths)
            )  # before: a file added meanwhile is seen next time
            walks[key] = (original_get_files(self, paths, exclude, extensions), folders)
        return set(walks[key][0])

    def __init__(self, settings, cache_name, caching_policy, load_policy):
        path = os.path.join(settings["CACHE_PATH"], cache_name)
        if isinstance(self, pelican.readers.Readers) and load_policy:
            kept = store.reads.get(path)
            original(self, settings, cache_name, caching_policy, load_policy and kept is None)
            if kept is not None:
                self._cache = kept
            store.reads[path] = self._cache
            save = self.save_cache
            self.save_cache = lambda: store.unsaved.__setitem__(path, save)
        elif isinstance(self, pelican.generators.CachingGenerator) and not caching_policy:
            original(self, settings, cache_name, caching_policy, False)
            _reuse_contents(self, store.contents.setdefault(path, {}))
        else:
            original(self, settings, cache_name, caching_policy, load_policy)
        if isinstance(self, pelican.cache.FileStampDataCacher):
            self._get_file_stamp = _stamp_kept(self, self._get_file_stamp, store.stamps)

    pelican.cache.FileDataCacher.__init__ = __init__
    pelican.generators.Generator.get_files = get_files
    try:
        yield store
    finally:
        pelican.cache.FileDataCacher.__init__ = original
        pelican.generators.Generator.get_files = original_get_files


def _folders(base, paths):
    found = []
    for path in paths:
        root = os.path.join(base, path) if path else base
        found.append(root)
        found.extend(folder for folder, _, _ in os.walk(root, followlinks=True) if folder != root)
    return found


def _folder_times(folders):
    times = {}
    for folder in folders:
        try:
            times[folder] = os.stat(folder).st_mtime_ns
        except OSError:
            times[folder] = None
    return times


def _stamp_kept(cacher, stamp, stamps):
    method = cacher.settings["CHECK_MODIFIED_METHOD"]

    def kept(filename):
        path = os.path.join(getattr(cacher, "path", ""), filename)  # generators: relative to it
        try:
            stat = os.stat(path)
        except OSError:
            return stamp(filename)  # Pelican's warning and empty stamp
        key = (path, stat.st_mtime_ns, stat.st_size, stat.st_ino, method)
        if key not in stamps:
            stamps[key] = stamp(filename)
        return stamps[key]

    kept.stamps = stamps
    return kept


def _reuse_contents(generator, kept):
    def cached_read(relative):
        return generator.readers._cache.get(os.path.abspath(os.path.join(generator.path, relative)))

    def get_cached_data(relative, default=None):
        stamp, (read, content) = kept.get(relative, (None, (None, None)))
        if content is None or read is not cached_read(relative):
            return default
        if stamp != generator._get_file_stamp(relative):
            return default
        content._context = generator.context
        for method in (type(content).get_content, type(content).get_summary):
            method.cache.pop((content, content.get_siteurl()), None)
        return content

    def cache_data(relative, content):
        read = cached_read(relative)
        fields = [content.metadata.get(key) for key in generator.settings["FORMATTED_FIELDS"]]
        linked = any(isinstance(value, str) and ("{" in value or "|" in value) for value in fields)
        if read is None or linked or getattr(content, "status", None) not in REUSED_STATUSES:
            kept.pop(relative, None)
            return
        kept[relative] = (generator._get_file_stamp(relative), (read, content))

    generator.get_cached_data = get_cached_data
    generator.cache_data = cache_data
    generator.save_cache = lambda: None


# --- The check ---------------------------------------------------------------------------------
# Everything above relies on these. Attributes: (owner, name), the owner a dotted path.
RELIED_ON_ATTRIBUTES = [
    ("pelican.writers", "Paginator"),
    ("pelican.log", "console"),
    ("feedgenerator.SyndicationFeed", "latest_post_date"),
    ("pelican.paginator.Page", "_from_settings"),
    ("pelican.generators", "process_translations"),
    ("pelican.utils", "process_translations"),
    ("pelican.generators.Generator", "_update_context"),
    ("pelican.cache.FileStampDataCacher", "cache_data"),
    ("pelican.cache.FileStampDataCacher", "save_cache"),
    ("pelican.cache.FileStampDataCacher", "get_cached_data"),
    ("pelican.log.LimitFilter", "_raised_messages"),
    ("pelican.log.LimitFilter", "_group_count"),
    ("pelican.writers.Writer", "_open_w"),
    ("pelican.writers.Writer", "write_file"),
    ("pelican.writers.Writer", "_create_new_feed"),
    ("pelican.contents.Content", "get_content"),
    ("pelican.contents.Content.get_content", "cache"),  # memoized
    ("pelican.contents.Content.get_summary", "cache"),  # memoized (warm builds)
    ("pelican.generators", "CachingGenerator"),
    ("pelican.cache.FileStampDataCacher", "_get_file_stamp"),
    ("pelican.generators.Generator", "get_files"),
    ("pelican.contents.Content", "refresh_metadata_intersite_links"),
    ("pelican.contents.Content", "get_url_setting"),
    ("smartypants", "smartypants"),
    ("smartypants", "process_escapes"),
    ("smartypants", "convert_dashes"),
    ("smartypants", "convert_dashes_oldschool"),
    ("smartypants", "convert_dashes_oldschool_inverted"),
    ("smartypants", "convert_ellipses"),
    ("smartypants", "convert_backticks"),
    ("smartypants", "convert_single_backticks"),
    ("smartypants", "convert_quotes"),
    ("smartypants.Attr", "default"),
    ("smartypants.Attr", "set1"),
    ("smartypants.Attr", "set2"),
    ("smartypants.Attr", "set3"),
    ("smartypants.Attr", "w"),
    ("typogrify.filters", "widont"),
    ("pelican.contents.Content", "get_relative_source_path"),
    ("typogrify.filters", "amp"),
    ("typogrify.filters", "typogrify"),
    ("pelican.contents", "slugify"),
    ("pelican.urlwrappers", "slugify"),
    ("pelican.utils", "SafeDatetime"),
    ("pelican.contents.Content", "_update_content"),
    ("pelican.contents.Content", "get_static_links"),
]


def resolve(dotted):
    """The module, class or attribute a dotted path names (``pelican.writers.Writer``)."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        for part in parts[end:]:
            found = getattr(found, part)
        return found
    raise ImportError(dotted)


def _instance_holds(make, names):
    return lambda: set(names) <= set(vars(make()))


def _source_says(dotted, *texts):
    def check():
        source = inspect.getsource(resolve(dotted))
        return all(text in source for text in texts)

    return check


def _probe_settings():
    settings = dict(pelican.settings.DEFAULT_CONFIG)
    settings.update(CACHE_PATH="/nonexistent-trangxa-compat-probe", GZIP_CACHE=False)
    return settings


def _receivers_called_in_connection_order():
    signal, called = blinker.Signal(), []
    for number in (3, 1, 4, 0, 2):
        signal.connect(functools.partial(lambda number, sender: called.append(number), number), weak=False)
    signal.send(None)
    return called == [3, 1, 4, 0, 2]


WRITE_FILE_ARGUMENTS = [
    "self", "name", "template", "context", "relative_urls", "paginated",
    "template_name", "override_output", "url", "kwargs",
]  # fmt: skip

# What the entries rely on beyond attributes: (what, check returning True while it holds).
RELIED_ON_BEHAVIOUR = [
    (
        "pelican.paginator.Page's attributes full_name, base_url, name, base_name, extension",
        _instance_holds(
            lambda: pelican.paginator.Page("a/index.html", "a/", [], 1, None, {}),
            ("full_name", "base_url", "name", "base_name", "extension", "number", "paginator", "settings"),
        ),
    ),
    (
        "ArticlesGenerator building each tag's, category's and author's dates with `in articles`",
        _source_says("pelican.generators.ArticlesGenerator.generate_tags", "if article in articles"),
    ),
    (
        "pelican.cache.FileStampDataCacher instances' _cache and _cache_path",
        _instance_holds(
            lambda: pelican.cache.FileStampDataCacher(_probe_settings(), "probe", False, False),
            ("_cache", "_cache_path"),
        ),
    ),
    (
        "Readers.read_file caching (content, reader_metadata)",
        _source_says(
            "pelican.readers.Readers.read_file", "self.cache_data(path, (content, reader_metadata))"
        ),
    ),
    (
        "pelican.writers.Writer instances' _written_files and _overridden_files",
        _instance_holds(
            lambda: pelican.writers.Writer("/nonexistent-trangxa-compat-probe"),
            ("_written_files", "_overridden_files"),
        ),
    ),
    (
        "Writer.write_file's arguments",
        lambda: list(inspect.signature(pelican.writers.Writer.write_file).parameters) == WRITE_FILE_ARGUMENTS,
    ),
    (
        "Writer.write_file's page variables and local context",
        _source_says(
            "pelican.writers.Writer.write_file",
            '{"articles", "dates"}',
            'f"{key}_previous_page"',
            'localcontext["output_file"] = name',
            'context["localsiteurl"] = localcontext["localsiteurl"]',
        ),
    ),
    (
        "Content.__init__ setting _context and _content",
        _source_says("pelican.contents.Content.__init__", "self._context =", "self._content ="),
    ),
    (
        "URLWrapper instances holding only settings, _name, _slug, _slug_from_name",
        lambda: set(vars(pelican.urlwrappers.URLWrapper("probe", {}))) == {"settings", *TAXONOMY_INTERNALS},
    ),
    (
        "Content.get_url_setting honouring override_<key>",
        _source_says("pelican.contents.Content.get_url_setting", '"override_" + key'),
    ),
    (
        "Content.get_relative_source_path depending on PATH and the source path only",
        _source_says(
            "pelican.contents",
            "            source_path = self.source_path\n"
            "        if source_path is None:\n            return None\n\n"
            "        return posixize_path(\n            os.path.relpath(\n"
            '                os.path.abspath(os.path.join(self.settings["PATH"], source_path)),\n'
            '                os.path.abspath(self.settings["PATH"]),',
        ),
    ),
    (
        "Pelican.run's shared context",
        _source_says(
            "pelican.Pelican.run", "generated_content", "static_links", "static_content", "localsiteurl"
        ),
    ),
    (
        "Writer._create_new_feed joining SITENAME and the feed title with ' - '",
        _source_says("pelican.writers.Writer._create_new_feed", 'context["SITENAME"] + " - " + feed_title'),
    ),
    ("blinker signals calling receivers in connection order", _receivers_called_in_connection_order),
    (
        "FileDataCacher.__init__ loading _cache with pickle only under load_policy (warm builds)",
        _source_says("pelican.cache.FileDataCacher.__init__", "if load_policy:", "self._cache = pickle.load"),
    ),
    (
        "Articles and Pages generators asking get_cached_data(f, None) before reading f (warm builds)",
        _source_says(
            "pelican.generators.ArticlesGenerator.generate_context", "self.get_cached_data(f, None)"
        ),
    ),
    (
        "a Content resolving its links against its _context (warm builds)",
        _source_says("pelican.contents.Content.__init__", "self._context = context"),
    ),
    (
        "typogrify calling widont through its module",
        _source_says("typogrify.filters.applyfilters", "widont(text)"),
    ),
    (
        "typogrify's widont expression as widont_speedup reads it backwards",
        _source_says(
            "typogrify.filters",
            r"((?:</?(?:a|em|span|strong|i|b)[^>]*>)|[^<>\s])",
            r"([^<>\s]+",
            r"(</(a|em|span|strong|i|b)>\s*)*",
            r"((</(p|h[1-6]|li|dt|dd)>)|$))",
            r'widont_finder.sub(r"\1&nbsp;\2", text)',
        ),
    ),
    (
        "typogrify calling amp through its module",
        _source_says("typogrify.filters.applyfilters", "amp(text)"),
    ),
    (
        "typogrify's amp changing only what the expression amp_speedup copies matches",
        _source_says(
            "typogrify.filters", r'amp_finder = re.compile(r"(\s|&nbsp;)(&|&amp;|&\#38;)(\s|&nbsp;)")'
        ),  # noqa: E501
    ),
    (
        "pelican.utils.slugify's steps, as trangxa.fast_contents repeats them",
        _source_says(
            "pelican.utils.slugify",
            'unicodedata.normalize("NFKC", text)',
            "value = Markup(value).striptags()",
            "value = normalize_unicode(value)",
            "if not use_unicode:\n        # ASCII-fy\n        value = unidecode.unidecode(value)",
            "normalize_unicode(src), normalize_unicode(dst), value, flags=re.IGNORECASE",
            "if not preserve_case:\n        value = value.lower()\n\n    return value.strip()",
        ),
    ),
    (
        "Content.__init__ and URLWrapper slugifying through their modules' slugify",
        _source_says("pelican.contents.Content.__init__", "self.slug = slugify("),
    ),
    (
        "markupsafe's striptags: without '<', whitespace collapsed, then html.unescape",
        lambda: (
            _source_says(
                "markupsafe.Markup.striptags",
                'value.find("<", pos)',
                'value = " ".join(value.split())',
                "return self.__class__(value).unescape()",
            )()
            and _source_says(
                "markupsafe.Markup.unescape", "from html import unescape", "unescape(str(self))"
            )()
        ),
    ),
    (
        "unidecode transliterating each character on its own",
        _source_says("unidecode._unidecode", "for index, char in enumerate(string):", "_get_repl_str(char)"),
    ),
    (
        "pelican.utils.strftime formatting standard directives one by one, and SafeDatetime calling it",
        _source_says(
            "pelican.utils",
            'c89_directives = "aAbBcdfGHIjmMpSUuVwWxXyYzZ%"',
            'format_options = "%[-]?."',
            'template = re.sub(format_options, "%s", date_format)',
            "formatted = date.strftime(candidate, safe=False)",
            "return template % tuple(formatted_candidates)",
            "        if safe:\n            return strftime(self, fmt)",
        ),
    ),
    (
        "the intrasite link expression: a quote, then INTRASITE_LINK_REGEX (default [{|]…[|}])",
        lambda: (
            pelican.settings.DEFAULT_CONFIG["INTRASITE_LINK_REGEX"] == DEFAULT_INTRASITE_LINK_REGEX
            and _source_says(
                "pelican.contents.Content._get_intrasite_link_regex",
                """(?P<quote>["\\'])""",
                "(?P<path>{intrasite_link_regex}(?P<value>.*?))",
            )()
        ),
    ),
    (
        "Content._update_content and get_static_links matching only that expression",
        _source_says(
            "pelican.contents.Content",
            "return hrefs.sub(lambda m: self._link_replacer(siteurl, m), content)",
            "for m in hrefs.finditer(self._content):",
        ),
    ),
    (
        "smartypants.smartypants calling its steps through its module, with Attr.default",
        _source_says(
            "smartypants.smartypants",
            "attr = Attr.default",
            *[
                f"{step}("
                for step in ("process_escapes", "convert_dashes", "convert_ellipses", "convert_quotes")
            ],
        ),
    ),
]


def check_versions():
    """Raise CompatError, saying what to do, unless every package is the version this
    module was written for and everything it relies on is there."""
    problems = []
    for package, known in WRITTEN_FOR.items():
        try:
            installed = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != known:
            problems.append(
                f"{package} {installed} is installed, but trangxa.compat was written for {package} {known}"
            )
    checks = [(f"{owner}.{name}", _has(owner, name)) for owner, name in RELIED_ON_ATTRIBUTES]
    for what, holds in checks + RELIED_ON_BEHAVIOUR:
        try:
            ok = holds()
        except Exception as error:  # noqa: BLE001 (any failure means it is gone or changed)
            ok, what = False, f"{what} ({type(error).__name__}: {error})"
        if not ok:
            problems.append(f"trangxa.compat relies on {what}, which is gone or changed")
    if problems:
        raise CompatError(
            "\n".join(problems)
            + "\nCheck each entry of docs/compat.md against the installed version (or drop it), "
            "then update WRITTEN_FOR in trangxa/compat.py."
        )


def _has(owner, name):
    return lambda: hasattr(resolve(owner), name)
