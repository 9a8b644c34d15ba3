"""Văn bản: the commune's documents and public disclosures (Decree 42/2022/NĐ-CP, Art. 4).

One Markdown file per document under ``content/<DOCUMENTS_PATH>/`` (or one folder below,
``van-ban/2025/``), its attachments next to it. Documents are not Pelican articles: they
would mix into the news lists and feeds. ``DocumentsGenerator`` reads them with the
project's reader (trangxa.front_matter: both front-matter syntaxes, each field's line,
reads cached by Pelican's reader cache), checks every field (model.py) and every
cross-reference (crosscheck.py), copies the attachments as static files (Pelican's
``static_links``, so content_checks counts them as published), extracts their text
(attachments.py, cached by content) and writes:

- a page per document (``van-ban/2025/125-kh-ubnd.html``, indexed by the site search);
- ``van-ban/``, newest first, and the filter pages (listing.py), paginated as every list;
- ``cong-khai/``, the public-disclosure list (``disclosure: true``) by year and field;
- the documents' Atom/RSS feeds and ``van-ban/index.json`` for the JavaScript filter;
- context for the home page's "Văn bản mới" box and the organizations' pages.

Problems are logged ``file:line: message`` in Vietnamese (errors fail a strict build);
a document without title or issue date, or with an unreadable front matter, is not
published and is listed at the end. Every file of the documents folder is a document,
an attachment of one, or reported (the folder is declared in CONTENT_DATA_FILES).

Settings (defaults in DEFAULTS): DOCUMENTS_PATH, DOCUMENTS_URL/_SAVE_AS, DOCUMENT_URL/
_SAVE_AS ("{path}": the file's path under DOCUMENTS_PATH, without .md),
DOCUMENTS_FILTER_URL/_SAVE_AS, DOCUMENTS_FILTER_YEAR_URL/_SAVE_AS, DISCLOSURES_URL/
_SAVE_AS, DOCUMENTS_INDEX_SAVE_AS, DOCUMENTS_FEED_ATOM/_RSS (None: no feed),
DOCUMENTS_PER_PAGE, DOCUMENTS_HOME_COUNT, DOCUMENTS_ORGANIZATION_COUNT, DOCUMENTS_FORMS
({name: code or None}), DOCUMENTS_FIELDS, DOCUMENTS_ISSUER_CODES ({organization slug:
code in numbers}), DOCUMENTS_PARTY_STYLE (slugs numbering as 02-CT/ĐU),
DOCUMENTS_FILE_TYPES, DOCUMENTS_TEXT_LIMIT, DOCUMENTS_TODAY (None: the build's day).
"""

import datetime
import fnmatch
import logging
import os
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.contents import Content
from pelican.generators import Generator
from pelican.urlwrappers import Author

from trangxa import compat
from trangxa.front_matter.front_matter import MARKDOWN_SUFFIXES, FrontMatterMarkdownReader, is_stale_read
from trangxa.lib.dates import parse_date
from trangxa.lib.problems import SOURCE_FILE, notices_logger, problem
from trangxa.organizations.registry import load_registry

from . import crosscheck, listing, pages
from .attachments import TextCache
from .model import record_from_read, relative_to, summary_of

logger = logging.getLogger(__name__)
# The registry's organizations are attached at article_generator_finalized (organizations);
# the pages this plugin changes are rendered at `finalized` by incremental_output.
RUNS_AFTER = ("trangxa.organizations", "trangxa.front_matter", "trangxa.content_security")
RUNS_BEFORE = ("trangxa.incremental_output", "sitemap", "trangxa.search_index")

DEFAULTS = {
    "DOCUMENTS_PATH": "van-ban",
    "DOCUMENTS_URL": "van-ban/",
    "DOCUMENTS_SAVE_AS": "van-ban/index.html",
    "DOCUMENT_URL": "van-ban/{path}.html",
    "DOCUMENT_SAVE_AS": "van-ban/{path}.html",
    "DOCUMENTS_FILTER_URL": "van-ban/{facet}/{value}/",
    "DOCUMENTS_FILTER_SAVE_AS": "van-ban/{facet}/{value}/index.html",
    "DOCUMENTS_FILTER_YEAR_URL": "van-ban/{facet}/{value}/{year}/",
    "DOCUMENTS_FILTER_YEAR_SAVE_AS": "van-ban/{facet}/{value}/{year}/index.html",
    "DISCLOSURES_URL": "cong-khai/",
    "DISCLOSURES_SAVE_AS": "cong-khai/index.html",
    "DOCUMENTS_INDEX_SAVE_AS": "van-ban/index.json",
    "DOCUMENTS_FEED_ATOM": None,
    "DOCUMENTS_FEED_RSS": None,
    "DOCUMENTS_PER_PAGE": 20,
    "DOCUMENTS_HOME_COUNT": 5,
    "DOCUMENTS_ORGANIZATION_COUNT": 5,
    # Decree 30/2020/NĐ-CP, Appendix III: the forms and their codes in numbers.
    "DOCUMENTS_FORMS": {
        "Nghị quyết": "NQ",
        "Quyết định": "QĐ",
        "Chỉ thị": "CT",
        "Kế hoạch": "KH",
        "Thông báo": "TB",
        "Báo cáo": "BC",
        "Tờ trình": "TTr",
        "Công văn": None,
        "Hướng dẫn": "HD",
        "Chương trình": "CTr",
    },  # fmt: skip
    "DOCUMENTS_FIELDS": ["Khác"],
    "DOCUMENTS_ISSUER_CODES": {},
    "DOCUMENTS_PARTY_STYLE": [],
    "DOCUMENTS_FILE_TYPES": ["pdf", "docx", "xlsx", "doc", "xls"],
    "DOCUMENTS_TEXT_LIMIT": 100_000,
    "DOCUMENTS_TODAY": None,
}
# The whole list on one page: keyed as a list page by incremental_output.
DISCLOSURES_PER_PAGE = 1_000_000


def add_defaults(pelican):
    settings = pelican.settings
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    settings["PAGINATED_TEMPLATES"].setdefault("documents", settings["DOCUMENTS_PER_PAGE"])
    settings["PAGINATED_TEMPLATES"].setdefault("disclosures", DISCLOSURES_PER_PAGE)
    # Every file of the documents folder (and of its sub-folders) is this plugin's to
    # publish or report: content_checks leaves them to it.
    folder = settings["DOCUMENTS_PATH"].strip("/")
    patterns = list(settings.get("CONTENT_DATA_FILES", []))
    for pattern in (f"{folder}/*", f"{folder}/*/*"):
        if pattern not in patterns:
            patterns.append(pattern)
    settings["CONTENT_DATA_FILES"] = patterns


def today_of(settings):
    fixed = settings.get("DOCUMENTS_TODAY")
    if fixed:
        return parse_date(fixed).date()
    return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()


class Document(Content):
    """One published document; its metadata hold everything a list shows (page keys)."""

    default_template = "document"
    mandatory_properties = ("title",)


class DocumentsGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, readers_cache_name="DocumentsGenerator-Readers", **kwargs)
        # The project's reader, without what articles need only (the lead taken off the body).
        reader_settings = dict(self.settings, LEAD_FROM_FIRST_PARAGRAPH=False)
        self.reader = FrontMatterMarkdownReader(reader_settings)
        self.documents = []

    # --- reading ----------------------------------------------------------------------------

    def find_files(self):
        """(Markdown files, other files) of the documents folder and of its sub-folders,
        absolute paths; what Pelican ignores (IGNORE_FILES) is left out."""
        root = os.path.join(self.path, self.settings["DOCUMENTS_PATH"])
        ignored = self.settings["IGNORE_FILES"]
        markdown, others = [], []
        if not os.path.isdir(root):
            return markdown, others
        folders = [root] + sorted(
            entry.path for entry in os.scandir(root) if entry.is_dir() and not _ignored(entry.name, ignored)
        )
        for folder in folders:
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.is_file() and not _ignored(entry.name, ignored):
                    is_markdown = entry.name.lower().endswith(MARKDOWN_SUFFIXES)
                    (markdown if is_markdown else others).append(entry.path)
        return markdown, others

    def read(self, path):
        """(content, metadata) from Pelican's reader cache, or read now and cached."""
        cached = compat.cached_read(self.readers, path)
        if cached is None:
            cached = self.reader.read(path)
            compat.store_read(self.readers, path, *cached)
        return cached

    def generate_context(self):
        settings = self.settings
        self.lists = None
        if settings.get("PREVIEW"):
            return  # `invoke preview` builds one article, in under a second: no documents
        compat.drop_cached_reads(self.readers, self.is_stale)
        compat.save_reader_cache_only_when_changed(self.readers)
        registry = self.context.get("organizations_registry")
        if registry is None:
            registry = load_registry(
                os.path.join(settings["PATH"], settings["ORGANIZATIONS_REGISTRY"]), settings
            )
        markdown, others = self.find_files()
        records = [record_from_read(*self.read(path), path, settings, registry) for path in markdown]
        self.readers.save_cache()
        today = today_of(settings)
        readable = [r for r in records if not r.blocking]
        crosscheck.check_future(readable, today)
        crosscheck.check_addresses(readable, settings)
        readable = [r for r in readable if not r.blocking]
        crosscheck.check_duplicates(readable)
        replacements = crosscheck.resolve_replacements(readable)
        cache = TextCache(settings["CACHE_PATH"])
        texts = pages.attachment_texts(readable, cache, settings)
        self.documents = self.make_documents(readable, replacements, texts, today)
        referenced = {path for r in records for path in r.listed}  # reported there if wrong
        strays = [path for path in others if self.relative(path) not in referenced]
        self.report(records, strays)
        for record in readable:  # copied by Pelican's static generator, counted as published
            for attached in record.files:
                self.context["static_links"].add(attached["path"])
        cache.save()
        self.lists = listing.Lists(self.documents, settings, [o.slug for o in registry.organizations])
        self.context["documents"] = self.documents
        self.context["documents_home"] = listing.home_box(self.documents, settings)
        self.context["documents_by_organization"] = listing.organization_boxes(self.lists, settings)

    def is_stale(self, metadata):
        from trangxa.content_security.sanitize import sanitizer_version  # noqa: PLC0415

        return is_stale_read(metadata) or metadata.get("sanitizer_version") != sanitizer_version(
            self.reader.settings
        )

    def relative(self, path):
        return relative_to(path, self.path)

    def make_documents(self, records, replacements, texts, today):
        documents = {}
        for record in records:
            replacement = replacements.get(id(record))
            record.validity = crosscheck.validity(record, replacement, today)
            documents[id(record)] = self.document(record, texts.get(id(record), []))
        for record in records:
            replacement = replacements.get(id(record))
            if replacement is not None:
                document, other = documents[id(record)], documents[id(replacement)]
                document.replacement = other
                other.replaces = [*getattr(other, "replaces", []), document]
        ordered = sorted(records, key=lambda r: (r.issued, r.relative), reverse=True)
        return [documents[id(r)] for r in ordered]

    def document(self, record, text_sections):
        metadata = {
            "title": record.title,
            "number": record.number,
            "form": record.form,
            "form_name": record.form_name,
            "issuer": record.issuer,
            "issuer_name": record.issuer_name,
            "signer": record.signer,
            "issued": record.issued,
            "effective": record.effective or record.issued,
            "expires": record.expires,
            "replaced_by": record.replaced_by,
            "field": record.field,
            "field_name": record.field_name,
            "disclosure": record.disclosure,
            "attachments": record.files,
            "validity": record.validity,
            "date": record.issued,
            "author": Author(record.issuer_name or self.settings["SITENAME"], self.settings),
            "slug": record.url.rsplit("/", 1)[-1].removesuffix(".html"),
            "url": record.url,
            "save_as": record.save_as,
            "status": "published",
            "summary": summary_of(record),
            SOURCE_FILE: record.source_path,
        }
        document = Document(record.content, metadata, self.settings, record.source_path, self.context)
        document.text_sections = text_sections
        document.replacement = None
        document.replaces = []
        self.add_source_path(document)  # {filename} links from articles reach it
        return document

    # --- problems ---------------------------------------------------------------------------

    def report(self, records, strays):
        notices = notices_logger(self.settings)
        unpublished = []
        for record in sorted(records, key=lambda r: r.relative):
            path = display_path(record.source_path)
            for found in sorted(record.problems, key=lambda p: p["line"]):
                level = logging.getLevelName(found["level"].upper())
                (notices if level < logging.WARNING else logger).log(
                    level, "%s:%d: %s", path, found["line"], found["message"]
                )
            if record.blocking:
                unpublished.append(f"{path} ({record.blocking})")
        for path in strays:
            message = (
                f"Tệp “{os.path.basename(path)}” không thuộc văn bản nào (không có trong dòng files: "
                "của văn bản nào) nên không được đăng. Thêm tên tệp vào dòng files: của văn bản, "
                "hoặc xóa tệp."
            )
            found = problem(1, message, blocking=True)
            logger.error("%s:%d: %s", display_path(path), found["line"], found["message"])
            unpublished.append(f"{display_path(path)} (không thuộc văn bản nào)")
        if unpublished:
            logger.error(
                "%d tệp văn bản không được đăng: %s",
                len(unpublished),
                "; ".join(unpublished),
                extra={"recap": True},
            )

    # --- writing ----------------------------------------------------------------------------

    def refresh_metadata_intersite_links(self):
        """Called by Pelican before writing, as for articles: {static}/{filename} links in a
        document's summary (its feed description) become addresses."""
        for document in self.documents:
            document.refresh_metadata_intersite_links()

    def generate_output(self, writer):
        if self.lists is not None:
            pages.write_all(self, writer)


def _ignored(name, patterns):
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def display_path(path):
    """content/van-ban/x.md when under the current directory, else the full path."""
    relative = relative_to(path, os.curdir)
    return path if relative.startswith("..") else relative


def get_generators(pelican):
    return DocumentsGenerator


def declare_boxes(generators):
    """all_generators_finalized: see pages.declare_boxes."""
    for generator in generators:
        if isinstance(generator, DocumentsGenerator):
            pages.declare_boxes(generator)


def register():
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(declare_boxes)
