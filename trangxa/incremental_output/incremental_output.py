"""Write only the pages and feeds whose inputs changed since the last build.

Pelican renders every page of the site at every build. This writer queues
the pages and, at the end of the build, in one forked process per core,
computes a key for each (``keys.py``): when the key is the one recorded for
that file at the previous build and the file is still there, rendering is
skipped. Article and page files, paginated lists and feeds are keyed, and so
are a plugin's own pages that pass ``output_key``; other templates (category
index, search page, robots.txt) are always written. The boxes plugins add to
some pages (the home page's schedule and documents) are part of those pages'
keys (trangxa.lib.page_inputs).
Lists are paginated in fixed blocks from the oldest article (trangxa.pagination),
so a new article changes the first page of each list and its newest blocks (2 to 4
pages a list), not every page.

Pages, feeds and photos that were written at the previous build and are no
longer produced (a deleted or renamed article, a removed photo) are removed, so the output can be kept
between builds (``DELETE_OUTPUT_DIRECTORY = False``).

The keys live in ``CACHE_PATH/incremental-output/``, one file per output folder,
with the modification time, size and content digest of each file as written: a
file whose time or size differs is hashed, and rendered again unless its bytes are
the ones written (a fresh clone or a restored CI cache changes times, not bytes;
anything else writing into the folder changes the bytes).
The record is removed when a build starts and written when it ends, so a build
that crashes half-way leaves none and the next one renders everything.

Settings: INCREMENTAL_OUTPUT (True; False renders every page, as Pelican does;
pagination stays counted from the oldest, the theme relies on it).
"""

import hashlib
import json
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.utils import sanitised_join

from trangxa import compat
from trangxa.lib.page_inputs import page_inputs

from . import keys
from .forked import run_in_processes

logger = logging.getLogger(__name__)
# Its writer renders the pages at `finalized`: every plugin that changes pages or the
# writer's paginator comes before it; plugins reading the written pages come after it.
RUNS_AFTER = (
    "trangxa.pagination", "trangxa.credits", "trangxa.organizations", "trangxa.other_news",
    "trangxa.sharing", "trangxa.responsive_images", "trangxa.feed_extras", "trangxa.jinja_filters",
)  # fmt: skip
RUNS_BEFORE = ("sitemap", "pelican.plugins.sitemap")
logger.setLevel(logging.INFO)  # one summary line per build
STATE_VERSION = 3  # 3: [key, mtime_ns, size, content digest] per file
_writers = []  # the writer of the current build, for the finalized receiver
_static_files = []  # output paths of the static files of the current build
_last_build = {}  # {"output": path, "files": {relative: [key, mtime_ns, size, digest]}}, for search_index
_render_first = set()  # source files whose pages are rendered as soon as queued (render_first)


def render_first(sources):
    """The dev server (trangxa.warm): the pages of these source files (absolute paths) are
    rendered when queued, before the other pages are keyed, so the page being edited is
    on disk seconds earlier. Same output: a page is rendered from the same inputs either way."""
    _render_first.clear()
    _render_first.update(os.path.abspath(path) for path in sources)


def state_file(settings, output_path):
    name = hashlib.blake2b(str(Path(output_path).resolve()).encode(), digest_size=8).hexdigest()
    return Path(settings["CACHE_PATH"]) / "incremental-output" / f"{name}.json"


def load_state(path):
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state.get("files", {}) if state.get("version") == STATE_VERSION else {}


def save_state(path, files):
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"version": STATE_VERSION, "files": files}), encoding="utf-8")
    os.replace(temporary, path)


class IncrementalWriter(compat.Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.enabled = self.settings.get("INCREMENTAL_OUTPUT", True)
        self.state_path = state_file(self.settings, output_path)
        self.previous = load_state(self.state_path) if self.enabled else {}
        self.state_path.unlink(missing_ok=True)
        self.current = {}  # output path (relative) -> [key, mtime_ns, size, digest], for this build
        self.rendered = self.skipped = 0
        self.folders = set()  # output folders this process made or found (render)
        # Pages to handle, by output path: (template, context, name, kwargs, relative_urls).
        # A page written with override_output replaces the job of the page it overrides.
        self.pending = {}
        self._site_key = None
        self._item_keys = {}
        self.keys = keys.Keys()
        _writers[:] = [self]

    # --- keys ---------------------------------------------------------------

    def site_key(self, context):
        if self._site_key is None:
            self._site_key = keys.site_key(self.settings, context)
        return self._site_key

    def item_key(self, content):
        key = self._item_keys.get(id(content))
        if key is None:
            key = self._item_keys[id(content)] = self.keys.item_key(content)
        return key

    def page_key(self, context, name, localcontext, kwargs):
        """The key of one output file, or None when it must always be rendered."""
        subject = kwargs.get("article") or kwargs.get("page")
        page = localcontext.get("articles_page")
        if subject is not None:
            subject_key = self.keys.content_key(subject)
        elif page is not None:
            links = [(other.url, other.label) if other else None for other in page.paginator.nearby(page)]
            subject_key = (
                [self.item_key(item) for item in page.object_list],
                page.url,
                page.label,
                links,
                # Scalars and the list's subject (category, tag, organization); not the whole
                # lists (articles, dates, all_articles): the page shows its own items only.
                [
                    (key, self.keys.stable(value))
                    for key, value in sorted(kwargs.items())
                    if not isinstance(value, (list, tuple)) and not key.startswith(("articles_", "dates_"))
                ],
            )
        elif kwargs.get("output_key") is not None:  # a plugin's own page (trangxa.lib.page_inputs)
            subject_key = self.keys.stable(kwargs["output_key"])
        else:
            return None
        # The boxes other plugins add to this file (trangxa.lib.page_inputs).
        boxes = self.keys.stable(page_inputs(context, name))
        return keys.digest(self.site_key(context), name, localcontext["SITEURL"], subject_key, boxes)

    # --- writing ------------------------------------------------------------

    def is_current(self, relative, key):
        """Whether the file holds what ``key`` describes; records it for this build either way."""
        self.current[relative] = [key]
        previous = self.previous.get(relative)
        if key is None or previous is None or previous[0] != key:
            return False
        try:
            stat = os.stat(sanitised_join(self.output_path, relative))
        except OSError:
            return False
        self.current[relative] = previous
        if [stat.st_mtime_ns, stat.st_size] == previous[1:3]:
            return True
        if stat.st_size != previous[2] or len(previous) < 4:
            return False
        # Same size, other time: a copy (fresh clone, restored cache) or another writer.
        if keys.file_digest(sanitised_join(self.output_path, relative)) != previous[3]:
            return False
        self.current[relative] = [key, stat.st_mtime_ns, stat.st_size, previous[3]]
        return True

    def written(self, relative, data=None):
        """Record the file as written (``data``: its bytes, when at hand)."""
        path = sanitised_join(self.output_path, relative)
        stat = os.stat(path)
        digest = keys.bytes_digest(data) if data is not None else keys.file_digest(path)
        self.current[relative][1:] = [stat.st_mtime_ns, stat.st_size, digest]

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if not name:
            return
        # One file, or one per page of a paginated list (trangxa.pagination's paginator).
        outputs = compat.write_file_outputs(self.settings, name, url, template_name, paginated, kwargs)
        for output_name, output_kwargs in outputs:
            self.write_one(template, context, output_name, output_kwargs, relative_urls, override_output)

    def write_one(self, template, context, name, kwargs, relative_urls, override):
        """Queue one page: whether it is rendered is decided at the end, on every core."""
        localcontext = compat.writer_local_context(context, name, kwargs, relative_urls)
        path = sanitised_join(self.output_path, name)
        if self.claim_output(path, override):
            if self.enabled:
                self.site_key(context)  # computed once, before the processes part
            self.pending[path] = (template, context, name, kwargs, relative_urls)
            subject = kwargs.get("article") or kwargs.get("page")
            if _render_first and os.path.abspath(getattr(subject, "source_path", "")) in _render_first:
                self.record(self.handle(self.pending.pop(path)))
        self.record_written(path)
        # Sent for every file: the sitemap lists what the build produced.
        signals.content_written.send(path, context=localcontext)

    def handle(self, job):
        """Render one queued page unless its file is current; returns what to record."""
        template, context, name, kwargs, relative_urls = job
        localcontext = compat.writer_local_context(context, name, kwargs, relative_urls)
        compat.share_local_siteurl(context, localcontext)  # as Pelican: contents resolve links with it
        key = self.page_key(context, name, localcontext, kwargs) if self.enabled else None
        rendered = not self.is_current(name, key)
        if rendered:
            self.written(name, self.render(template, context, name, localcontext))
        subject = kwargs.get("article") or kwargs.get("page")
        if subject is not None:
            # Pelican keeps every article's final HTML until the build ends; nothing needs
            # it after the article's own page (a feed computes it again).
            compat.forget_memoized_content(subject)
        return name, self.current[name], rendered

    def render(self, template, context, name, localcontext):
        """Write the page; return its bytes."""
        output = template.render(localcontext).encode("utf-8")
        path = sanitised_join(self.output_path, name)
        folder = os.path.dirname(path)
        if folder not in self.folders:  # one mkdir per folder, not per page (15,600 at 10,000)
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        if os.path.lexists(path):  # a new file: a hard-linked copy keeps the old content
            os.unlink(path)
        with open(path, "wb") as handle:
            handle.write(output)
        return output

    def handle_pending(self):
        jobs, self.pending = list(self.pending.values()), {}
        workers = self.settings.get("PARALLEL_WRITING_WORKERS") or os.cpu_count() or 1
        if workers > 1 and len(jobs) >= self.settings.get("PARALLEL_WRITING_MIN_PAGES", 200):
            results = run_in_processes(self.handle, jobs, workers)
        else:
            results = [self.handle(job) for job in jobs]
        for result in results:
            self.record(result)

    def record(self, result):
        name, record, rendered = result
        self.current[name] = record
        if rendered:
            self.rendered += 1
        else:
            self.skipped += 1

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None):  # fmt: skip
        if path and self.enabled:
            items = [self.item_key(item) for item in elements[: self.settings["FEED_MAX_ITEMS"]]]
            bodies = [self.keys.content_key(item) for item in elements[: self.settings["FEED_MAX_ITEMS"]]]
            key = keys.digest(self.site_key(context), path, url, feed_type, feed_title, items, bodies)
            if not elements:  # an empty feed is dated by the site's oldest article (feed_extras)
                key = keys.digest(key, [str(a.date) for a in (context.get("articles") or ())[-1:]])
            if self.is_current(path, key):
                self.skipped += 1
                self.record_written(sanitised_join(self.output_path, path))
                return None
            self.rendered += 1
            feed = super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
            self.written(path)
            return feed
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    def before_open(self, filename):
        """Pelican writes a feed: a new file rather than the old one truncated (a hard-linked
        copy keeps its content)."""
        if filename != os.devnull and os.path.lexists(filename) and not self.was_written(filename):
            os.unlink(filename)

    # --- end of build -------------------------------------------------------

    def finish(self):
        """Render the pages left to render, remove what the previous build wrote and this
        one did not, record the keys."""
        self.handle_pending()
        removed = 0
        for relative in self.previous.keys() - self.current.keys():
            path = Path(sanitised_join(self.output_path, relative))
            if path.is_file():
                path.unlink()
                removed += 1
                remove_empty_parents(path.parent, Path(self.output_path))
        if self.enabled:
            save_state(self.state_path, self.current)
        _last_build.update(output=os.path.abspath(self.output_path), files=self.current)
        logger.info(
            "Đã ghi %d trang mới hoặc thay đổi, giữ nguyên %d trang, xóa %d trang.",
            self.rendered, self.skipped, removed,
        )  # fmt: skip


def written_digests(output_path):
    """{relative path: [mtime_ns, size, content digest]} of the files this process's last build
    wrote or kept in ``output_path`` (so that trangxa.search_index need not hash them again)."""
    if _last_build.get("output") != os.path.abspath(output_path):
        return {}
    return {path: record[1:] for path, record in _last_build["files"].items() if len(record) == 4}


def remove_empty_parents(folder, root):
    while folder != root and folder.is_relative_to(root) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def get_writer(pelican):
    return IncrementalWriter


def record_static_files(generator):
    """Static files (photos) are copied by Pelican itself, before the writer exists: noted
    here so that the copy of a removed photo is removed too."""
    _static_files[:] = [static.save_as for static in generator.staticfiles]


def finish_build(pelican):
    if _writers:
        writer = _writers.pop()
        for path in _static_files:
            writer.current.setdefault(path, [None])
        writer.finish()


def register():
    signals.get_writer.connect(get_writer)
    signals.static_generator_finalized.connect(record_static_files)
    signals.finalized.connect(finish_build)
