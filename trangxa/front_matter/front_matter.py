"""Pelican reader for Markdown with ``Key: value`` or YAML front matter."""

import hashlib
import logging
import os
import re
import sys
import unicodedata
from html import escape

from markdown import Markdown
from markupsafe import Markup
from pelican import signals
from pelican.readers import MarkdownReader, ensure_metadata_list

import trangxa.content_security.sanitize as sanitizer
import trangxa.lib
from trangxa import compat
from trangxa.lib.dates import DateError, parse_date
from trangxa.lib.problems import (
    BODY_LINE,
    FIELD_LINES,
    FRONT_MATTER,
    LINKED_FILES,
    MISSING_FILES,
    PROBLEMS,
    SOURCE_FILE,
    problem,
)

from . import amp_speedup, smartypants_speedup, widont_speedup
from .parsing import FrontMatter, FrontMatterError, split_front_matter

logger = logging.getLogger(__name__)


def _source_digest(*packages):
    """Digest of the code that shapes a read, so an upgrade invalidates cached reads."""
    digest = hashlib.sha256()
    for package in packages:
        folder = os.path.dirname(package.__file__)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as source:
                    digest.update(source.read())
    return digest.hexdigest()[:16]


def _file_digest(path):
    with open(path, "rb") as source:
        return hashlib.sha256(source.read()).hexdigest()[:16]


DATE_FIELDS = {"date", "modified"}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
LIST_FIELDS = {"tags", "authors", "organizations"}
FIRST_PARAGRAPH = re.compile(r"^\s*<p>(?P<inner>.*?)</p>\s*", re.DOTALL)
LOCAL_LINK = re.compile(r'(?P<attr>\b(?:src|href))="(?P<url>(?![a-z][a-z0-9+.-]*:|/|#|\{)[^"]+)"')
# A link written with Pelican's own prefix ("{static}/images/a.jpg"): kept, but checked too.
PELICAN_LINK = re.compile(r'\b(?:src|href)="(?P<url>\{(?:static|filename|attach)\}(?P<path>[^"#?]*))')
ONLY_IMAGE = re.compile(r"^\s*(<a [^>]*>)?\s*<img [^>]*>\s*(</a>)?\s*$", re.DOTALL)


# compat.py too: the typography's dashes and speed-ups are set there.
READER_VERSION = _source_digest(sys.modules[__package__], trangxa.lib) + _file_digest(compat.__file__)


class FrontMatterMarkdownReader(MarkdownReader):
    """Reads both front-matter syntaxes and keeps each field's line number.

    One Markdown instance is kept per reader and reset between files:
    building a new one per file, as Pelican does, costs more than converting
    a short article.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        md_settings = dict(self.settings["MARKDOWN"])
        md_settings["extensions"] = [
            ext for ext in md_settings["extensions"] if ext != "markdown.extensions.meta"
        ]
        self.markdown = Markdown(**md_settings)

    def read(self, source_path):
        """Return (html, metadata); editors' mistakes go to metadata["content_problems"].

        Nothing is raised for a mistake in the file: the content checks report
        each problem with its line and decide what can still be published.
        """
        problems = []
        text = read_text(source_path, problems)
        try:
            front = split_front_matter(text)
        except FrontMatterError as error:  # the one cause: the checks add no follow-on problem
            problems.append(problem(error.line, str(error), blocking=True, field=FRONT_MATTER))
            front = FrontMatter([], "", 1, "broken")
        metadata = {FIELD_LINES: {f.name: f.line for f in front.fields}, BODY_LINE: front.body_line}
        for field in front.fields:
            try:
                metadata[field.name] = self.process_field(field.name, field.value)
            except DateError as error:
                problems.append(problem(field.line, str(error)))
        self.make_metadata_safe(metadata, front.fields, problems)
        if front.syntax != "broken" and not front.body.strip():
            problems.append(problem(front.body_line, EMPTY_BODY))
        content = self.markdown.reset().convert(front.body)
        content = self.sanitize(content, front.body, front.body_line, problems)
        content, missing, linked = link_local_files(content, source_path, self.settings["PATH"])
        for url in missing:
            problems.append(problem(line_of(front.body, url, front.body_line), missing_file_message(url)))
        for src in images_without_alt(content):
            line = line_of(front.body, src.split("}/")[-1], front.body_line)
            problems.append(problem(line, missing_alt_message(src)))
        if "summary" not in metadata and self.wants_lead(source_path):
            content, lead = split_lead(content)
            if lead:
                metadata["summary"] = lead
        if self.settings.get("FRONT_MATTER_TYPOGRIFY"):
            content = self.typography(content, metadata)
        metadata[PROBLEMS] = problems
        metadata[MISSING_FILES] = [missing_path(url, source_path, self.settings["PATH"]) for url in missing]
        metadata[LINKED_FILES] = linked
        metadata[SOURCE_FILE] = source_path  # for the checks, which see only metadata
        metadata["reader_version"] = READER_VERSION
        metadata["sanitizer_version"] = sanitizer.sanitizer_version(self.settings)
        return content, metadata

    def sanitize(self, fragment, source, first_line, problems):
        """HTML ``fragment`` made of an editor's ``source`` (which starts at ``first_line``),
        cleaned; each thing removed is a problem at its line (content_security)."""
        cleaned, removed = sanitizer.clean_html(fragment, self.settings)
        level = sanitizer.removal_level(self.settings)
        for line, message in sanitizer.locate(removed, source, first_line):
            problems.append(problem(line, message, level))
        return cleaned

    def make_metadata_safe(self, metadata, fields, problems):
        """Formatted fields (summary) are sanitized HTML; the title is text, so it is
        escaped into HTML (typography then works on escaped text); a cover image is
        a file or an http(s) address."""
        for field in fields:
            value = metadata.get(field.name)
            if field.name in self.settings["FORMATTED_FIELDS"] and isinstance(value, str):
                metadata[field.name] = self.sanitize(value, _as_text(field.value), field.line, problems)
        if isinstance(metadata.get("title"), str):
            metadata["title"] = Markup(escape(metadata["title"], quote=False))
        unsafe = isinstance(metadata.get("image"), str) and sanitizer.cover_problem(metadata["image"])
        if unsafe:
            del metadata["image"]
            line = metadata[FIELD_LINES].get("image", 1)
            problems.append(problem(line, unsafe, sanitizer.removal_level(self.settings)))

    def typography(self, content, metadata):
        """Typogrify here rather than in Pelican's read_file, so the result is cached too.

        typogrify only adds entities and <span>s to text: the escaped title stays safe HTML.
        """
        if isinstance(metadata.get("summary"), str):
            metadata["summary"] = typogrify_text(metadata["summary"], self.settings)
        if isinstance(metadata.get("title"), str):
            metadata["title"] = Markup(typogrify_text(str(metadata["title"]), self.settings))
        return typogrify_text(content, self.settings)

    def wants_lead(self, source_path):
        """Articles open with a lead; pages (Giới thiệu, Liên hệ…) do not."""
        if not self.settings.get("LEAD_FROM_FIRST_PARAGRAPH", True):
            return False
        relative = os.path.relpath(source_path, self.settings["PATH"])
        top = relative.replace(os.sep, "/").split("/")[0]
        return top not in [path.strip("/") for path in self.settings["PAGE_PATHS"]]

    def process_field(self, name, value):
        if name in self.settings["FORMATTED_FIELDS"]:
            return self.markdown.reset().convert(_as_text(value))
        if name in DATE_FIELDS:
            return parse_date(value)
        if name in LIST_FIELDS:
            return self.process_metadata(name, ensure_metadata_list(value))
        if name == "image":
            return content_relative(_as_text(value))
        return self.process_metadata(name, _as_text(value))


EMPTY_BODY = "Bài chưa có nội dung: dưới phần thông tin đầu bài (sau một dòng trống) hãy viết nội dung."
NOT_UTF8 = (
    "Tệp không được lưu bằng bảng mã UTF-8 (lỗi ở dòng {line}), chữ tiếng Việt sẽ bị hỏng. "
    "Mở tệp và lưu lại với bảng mã UTF-8."
)


def read_text(source_path, problems):
    """The file's text; a file not in UTF-8 is a blocking problem, read as best we can."""
    with open(source_path, "rb") as source:
        data = source.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(problem(line, NOT_UTF8.format(line=line), blocking=True))
        # Most likely saved by an old Windows editor in Windows-1258 (decomposed accents):
        # read so, the later messages about the file quote legible words, not "Kinh t��".
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def line_of(body, needle, body_line):
    """The line of ``needle`` in the body (which starts at ``body_line``), not in the front
    matter, where the same path may be written too (a cover image)."""
    position = body.find(needle)
    return body_line + body.count("\n", 0, position) if position >= 0 else body_line


IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r'\salt="\s*[^"\s][^"]*"')
SRC = re.compile(r'\ssrc="([^"]*)"')


def images_without_alt(html):
    """src of every image whose alt text is missing or empty."""
    found = []
    for tag in IMG_TAG.findall(html):
        if not ALT.search(tag):
            src = SRC.search(tag)
            found.append(src.group(1) if src else "")
    return found


def missing_alt_message(src):
    name = src.split("/")[-1] or "ảnh"
    return (
        f'Ảnh "{name}" chưa có lời mô tả: người khiếm thị nghe lời mô tả thay cho ảnh. '
        "Viết lời mô tả trong ngoặc vuông, ví dụ "
        "![Đại biểu dự hội nghị tại hội trường xã](images/2024/anh.jpg)."
    )


def missing_file_message(url):
    return (
        f'Không tìm thấy tệp "{url}" trong thư mục content/. Kiểm tra tên tệp '
        "(phân biệt chữ hoa, chữ thường) và đường dẫn, ví dụ images/2024/anh.jpg."
    )


def typogrify_text(html, settings):
    """typogrify as Pelican applies it (TYPOGRIFY_DASHES, _IGNORE_TAGS, _OMIT_FILTERS)."""
    from typogrify.filters import typogrify  # noqa: PLC0415 (only when typography is on)

    smartypants_speedup.install()
    widont_speedup.install()
    amp_speedup.install()
    compat.set_smartypants_dashes(settings["TYPOGRIFY_DASHES"])
    omitted = dict.fromkeys(settings["TYPOGRIFY_OMIT_FILTERS"], False)
    return typogrify(html, settings["TYPOGRIFY_IGNORE_TAGS"], **omitted)


def drop_stale_cache_entries(generator):
    """*_generator_init: forget cached reads made by another version of this reader, whose
    missing linked file has appeared since, or whose linked file (a photo) has been deleted
    (read again, the article reports it at its line).

    Pelican's reader cache only watches the article file itself.
    """
    compat.drop_cached_reads(generator.readers, is_stale_read)


def is_stale_read(metadata):
    outdated = metadata.get("reader_version") != READER_VERSION
    return (
        outdated
        or any(os.path.exists(missing) for missing in metadata.get(MISSING_FILES, []))
        or not all(os.path.isfile(linked) for linked in metadata.get(LINKED_FILES, []))
    )


def content_relative(path):
    """A cover path as editors write it ("/images/a.jpg", "content/images/a.jpg",
    "{static}/images/a.jpg") made relative to content/, as the templates expect."""
    path = path.strip().replace("\\", "/")
    if "://" in path:
        return path
    for prefix in ("{static}", "/", "content/"):
        path = path.removeprefix(prefix).lstrip("/")
    return path


def _as_text(value):
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def link_local_files(html, source_path, content_root):
    """Point links to files under content/ through Pelican's {static}/{filename}.

    ``images/2024/a.jpg`` becomes ``{static}/images/2024/a.jpg`` and a link to
    another article's ``.md`` file ``{filename}/bai-viet/…``. Editors write
    paths as they see them in content/; without ``{static}`` the link would be
    relative to the article's URL and break. A path is taken
    from the content root, then from the article's folder; one that exists in
    neither is left as written and returned in the list of missing files. Returns the HTML,
    the missing links and the files found (their paths).
    """

    missing, linked = [], []

    def replace(match):
        path = match["url"].split("#")[0].split("?")[0]
        for base in (content_root, os.path.dirname(source_path)):
            candidate = os.path.normpath(os.path.join(base, path))
            if os.path.isfile(candidate):
                relative = os.path.relpath(candidate, content_root).replace(os.sep, "/")
                kind = "{filename}" if path.endswith(MARKDOWN_SUFFIXES) else "{static}"
                return f'{match["attr"]}="{kind}/{relative}{match["url"][len(path) :]}"'
        if path:
            missing.append(match["url"])
        return match.group(0)

    html = LOCAL_LINK.sub(replace, html)
    for match in PELICAN_LINK.finditer(html):
        path = missing_path(match["url"], source_path, content_root)
        if os.path.isfile(path):
            linked.append(path)
        elif match["path"]:
            missing.append(match["url"])
    return html, missing, linked


def missing_path(url, source_path, content_root):
    """The file a link names: "{static}/a.jpg" and "/a.jpg" from content/, "{static}a.jpg"
    from the article's folder (as Pelican), "images/a.jpg" from content/ (as link_local_files)."""
    path = url.split("#")[0].split("?")[0]
    prefixed = re.match(r"\{(?:static|filename|attach)\}", path)
    if prefixed:
        path = path[prefixed.end() :]
        if not path.startswith("/"):
            return os.path.normpath(os.path.join(os.path.dirname(source_path), path))
    return os.path.normpath(os.path.join(content_root, path.lstrip("/")))


def split_lead(html):
    """Take the first paragraph off the body to be the article's bold lead.

    Editors open a news item with its lead; showing it once as the lead and
    again as the first body paragraph would repeat it.
    """
    match = FIRST_PARAGRAPH.match(html)
    if not match or ONLY_IMAGE.match(match["inner"]) or not match["inner"].strip():
        return html, None
    return html[match.end() :], f"<p>{match['inner']}</p>"


def add_reader(readers):
    for extension in FrontMatterMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterMarkdownReader


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(drop_stale_cache_entries)
    signals.page_generator_init.connect(drop_stale_cache_entries)
