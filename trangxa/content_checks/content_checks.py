"""Report every problem of the content and make a strict build fail on errors.

Plain Pelican logs a warning and drops an article with no title or a bad
date: the article silently disappears. Here each problem is logged as
``file:line: message`` in Vietnamese, files that cannot be published are
listed again at the end of the build, and with CONTENT_CHECKS_STRICT (set by
publishconf.py) any error logged during the build fails it.

Settings: CONTENT_CHECKS_STRICT (False), CONTENT_CHECKS_EXTRA_FIELDS (()),
SITE_CATEGORIES (the allowed categories), WITH_FUTURE_DATES (Pelican's own).
"""

import functools
import glob
import logging
import os

from pelican import signals
from pelican.generators import ArticlesGenerator

from trangxa import compat
from trangxa.lib.problems import NOTICES_LOGGER, PROBLEMS, SOURCE_FILE, notices_logger

from .checks import check_metadata, draft, duplicate_url, scheduled, stray_file, will_be_dropped

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.fixed_urls",)  # the checks read the addresses fixed_urls pins
LEVELS = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.INFO}


class ContentCheckFailed(Exception):
    """Raised at the end of a strict build; Pelican exits non-zero with it.

    An expected failure: the log shows its Vietnamese message, not a traceback.
    """

    expected_failure = True
    exitcode = 1


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        if not getattr(record, "recap", False):  # the final list repeats problems already counted
            self.count += 1


class Report:
    """What one build found; reset at the start of every build (autoreload)."""

    def __init__(self):
        self.counter = ErrorCounter()
        self.unpublished = {}  # absolute source path -> reason
        self.accounted = set()  # absolute source paths read as an article or a page

    def add(self, source_path, problems, dropped=False):
        """Log a file's problems; remember it as unpublished if they keep it off the site."""
        path = display_path(source_path)
        self.accounted.add(os.path.abspath(source_path))
        for found in problems:
            level = LEVELS[found["level"]]
            to = NOTICES if level < logging.WARNING else logger  # a draft is a notice, not a problem
            to.log(level, "%s:%d: %s", path, found["line"], found["message"])
        reasons = [p for p in problems if p["blocking"]] or [p for p in problems if p["level"] == "error"]
        if dropped or any(p["blocking"] for p in problems):
            reason = reasons[0]["message"] if reasons else "không đọc được tệp"
            self.unpublished[os.path.abspath(source_path)] = reason


REPORT = Report()
NOTICES = logging.getLogger(NOTICES_LOGGER)


class PelicanSkipNotice(logging.Filter):
    """Pelican's English "Skipping x.md: could not find information about 'date'" repeats
    a problem already reported in Vietnamese with its line; the other skip says nothing
    an editor can act on, so it is said again in Vietnamese."""

    def filter(self, record):
        if record.msg == "Skipping %s: could not find information about '%s'":
            return os.path.abspath(str(record.args[0])) not in REPORT.unpublished
        if record.msg == "Skipping %s: file %r would be written outside output path":
            source = str(record.args[0])
            REPORT.unpublished[os.path.abspath(source)] = OUTSIDE_OUTPUT
            record.msg, record.args = "%s:1: %s", (display_path(source), OUTSIDE_OUTPUT)
        return True


class PelicanMissingStampNotice(logging.Filter):
    """Pelican's English "Cannot get modification stamp for x.jpg" comes when an article links
    a file that is not there (a deleted photo): the article already names it at its line."""

    def filter(self, record):
        if record.msg == "Cannot get modification stamp for %s\n\t%s":
            return os.path.exists(str(record.args[0]))
        return True


OUTSIDE_OUTPUT = (
    "Địa chỉ của bài (trường slug, save_as hoặc url) trỏ ra ngoài thư mục trang web nên bài không "
    "được đăng. Xóa các dấu “..” và “/” ở đầu trong các trường đó."
)
SKIP_NOTICE = PelicanSkipNotice()
MISSING_STAMP_NOTICE = PelicanMissingStampNotice()


def display_path(source_path):
    """content/bai-viet/x.md when under the current directory, else the full path."""
    return _display_path(source_path, os.getcwd())


@functools.lru_cache(maxsize=65536)  # every article, twice a build
def _display_path(source_path, folder):
    relative = os.path.relpath(source_path, folder)
    return source_path if relative.startswith("..") else relative.replace(os.sep, "/")


def start_build(generator):
    global REPORT
    notices_logger(generator.settings)
    logging.getLogger().removeHandler(REPORT.counter)
    REPORT = Report()
    logging.getLogger().addHandler(REPORT.counter)
    # Pelican logs a warning only once per process; with --autoreload an editor
    # must see the problems that are still there at every rebuild.
    compat.reset_logged_once()
    contents_logger = logging.getLogger("pelican.contents")
    if SKIP_NOTICE not in contents_logger.filters:
        contents_logger.addFilter(SKIP_NOTICE)
    cache_logger = logging.getLogger("pelican.cache")
    if MISSING_STAMP_NOTICE not in cache_logger.filters:
        cache_logger.addFilter(MISSING_STAMP_NOTICE)


def check_read_file(generator, metadata):
    """*_generator_context: runs for every file read, from the reader cache or not.

    The reader's problems and these are stored in the metadata, reported at
    pretaxonomy; a file Pelican is about to drop (no title, no date) is reported now.
    """
    is_article = isinstance(generator, ArticlesGenerator)
    # A new list: the reader's one may be shared with Pelican's reader cache.
    problems = [
        *metadata.get(PROBLEMS, []),
        *check_metadata(metadata, generator.settings, is_article),
    ]
    if is_draft(metadata):  # not published: its problems must not stop a publish
        problems = [draft_problem(p) for p in problems]
    metadata[PROBLEMS] = problems
    if will_be_dropped(metadata, is_article) and SOURCE_FILE in metadata:
        REPORT.add(metadata[SOURCE_FILE], problems, dropped=True)


def is_draft(metadata):
    return str(metadata.get("status", "")).strip().lower() == "draft"


def draft_problem(found):
    """A draft's error is a warning: it is listed, and the editor fixes it before publishing."""
    return {**found, "level": "warning"} if found["level"] == "error" else found


def check_articles(generator):
    """article_generator_pretaxonomy: report, then take off what cannot be published."""
    first_by_url = {}
    kept = set()
    # Oldest first: an article already online keeps its address.
    for article in sorted(generator.articles, key=lambda a: (a.date, a.source_path)):
        problems = list(article.metadata.get(PROBLEMS, []))
        save_as = article.save_as  # computed by Pelican at each access
        if save_as in first_by_url:
            problems.append(duplicate_url(article.url, first_by_url[save_as]))
        else:
            first_by_url[save_as] = display_path(article.source_path)
        if any(p.get("field") == "image" for p in problems):
            article.image = None  # publish without the missing cover
        REPORT.add(article.source_path, problems)
        if not any(p["blocking"] for p in problems):
            kept.add(id(article))
    generator.articles = [a for a in generator.articles if id(a) in kept]  # keep Pelican's order
    for article in generator.drafts:
        extra = [scheduled(article)] if is_future(article) else [draft()]
        REPORT.add(article.source_path, article.metadata.get(PROBLEMS, []) + extra)
    for article in generator.hidden_articles:
        REPORT.add(article.source_path, article.metadata.get(PROBLEMS, []))
    check_nothing_lost(generator)


def check_nothing_lost(generator):
    """Every article source file is published, a draft, hidden, or listed as not published."""
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    accounted = set(REPORT.unpublished)
    for group in (
        generator.articles,
        generator.translations,
        generator.drafts,
        generator.drafts_translations,
        generator.hidden_articles,
        generator.hidden_translations,
    ):
        accounted.update(os.path.abspath(a.source_path) for a in group)
    lost = sorted(f for f in files if os.path.abspath(os.path.join(generator.path, f)) not in accounted)
    for path in lost:
        logger.error(
            "%s: bài này không được xuất bản mà không rõ lý do (xem các dòng lỗi ở trên).",
            display_path(os.path.join(generator.path, path)),
        )
        REPORT.unpublished[os.path.abspath(os.path.join(generator.path, path))] = "không đọc được tệp"


def report_stray_files(generator):
    """static_generator_finalized: every file under content/ is accounted for.

    A file is published (an article, a page, a photo or a linked file), a draft,
    a declared data file, or reported here and listed as not published: a Markdown
    file saved outside the articles' folder, a .docx among the articles, a photo
    outside content/images/ that no article links.
    """
    settings = generator.settings
    explained = REPORT.accounted | set(REPORT.unpublished) | data_files(settings)
    explained.update(
        os.path.abspath(os.path.join(generator.path, f.source_path)) for f in generator.staticfiles
    )
    for path in sorted(os.path.normpath(f) for f in generator.get_files([""], extensions=False)):
        full = os.path.abspath(os.path.join(generator.path, path))
        if full not in explained:
            REPORT.add(full, [stray_file(path.replace(os.sep, "/"), settings)], dropped=True)


def data_files(settings):
    """Absolute paths of the data files under content/ that plugins read themselves."""
    found = set()
    for pattern in settings.get("CONTENT_DATA_FILES", ()):
        found.update(os.path.abspath(p) for p in glob.glob(os.path.join(settings["PATH"], pattern)))
    registry = settings.get("ORGANIZATIONS_REGISTRY")
    if registry:
        found.add(os.path.abspath(os.path.join(settings["PATH"], registry)))
    return found


def is_future(article):
    return str(article.metadata.get("status", "published")).lower() != "draft"


def check_pages(generator):
    for page in [*generator.pages, *generator.hidden_pages, *generator.draft_pages, *generator.translations]:
        REPORT.add(page.source_path, page.metadata.get(PROBLEMS, []))


def summarize():
    """Log the files left off the site; return the number of errors of this build."""
    if REPORT.unpublished:
        listing = "; ".join(f"{display_path(path)} ({reason})" for path, reason in REPORT.unpublished.items())
        logger.error(
            "%d tệp không được xuất bản: %s", len(REPORT.unpublished), listing, extra={"recap": True}
        )
    logging.getLogger().removeHandler(REPORT.counter)
    return REPORT.counter.count


def finish_build(pelican):
    """finalized: the summary, and the verdict of a strict build."""
    errors = summarize()
    if errors and pelican.settings.get("CONTENT_CHECKS_STRICT"):
        raise ContentCheckFailed(
            f"Bản dựng nghiêm ngặt dừng lại vì có {errors} lỗi (xem các dòng “lỗi” ở trên). "
            "Sửa các lỗi rồi dựng lại; trang đang chạy không bị thay đổi."
        )


def connect_verdict(pelican):
    """Connected at `initialized`, so that it runs after every plugin's finalized work
    (sitemap, search index): raising earlier would leave their state half-reset."""
    compat.connect_after_registered_receivers(signals.finalized, finish_build)


def register():
    signals.initialized.connect(connect_verdict)
    signals.article_generator_init.connect(start_build)
    signals.article_generator_context.connect(check_read_file)
    signals.page_generator_context.connect(check_read_file)
    signals.article_generator_pretaxonomy.connect(check_articles)
    signals.page_generator_finalized.connect(check_pages)
    signals.static_generator_finalized.connect(report_stray_files)
