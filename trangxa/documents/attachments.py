"""A document's attached files: what they really are, their size, and their text.

The text of a PDF (pypdf) or a DOCX (its XML, read with the standard library) is
extracted at build time so that the site search finds what is inside the documents.
Extraction is cached by the file's content (SHA-256): an unchanged file is never read
again, and a file renamed or copied is found by its digest. A stat index (size and
modification time) spares hashing unchanged files at every build.

Plain functions; the cache is a folder (``CACHE_PATH/documents/``).
"""

import hashlib
import json
import logging
import os
import re
import unicodedata
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

logger = logging.getLogger(__name__)

# Extension -> (label shown to readers, MIME type). The setting DOCUMENTS_FILE_TYPES
# chooses which of them editors may attach.
KNOWN_TYPES = {
    "pdf": ("PDF", "application/pdf"),
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "doc": ("Word 97–2003", "application/msword"),
    "xls": ("Excel 97–2003", "application/vnd.ms-excel"),
    "odt": ("OpenDocument", "application/vnd.oasis.opendocument.text"),
    "ods": ("OpenDocument", "application/vnd.oasis.opendocument.spreadsheet"),
}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word/Excel 97–2003
ZIP_MEMBERS = {  # a file of the zip that says which kind of zip it is
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
MAGIC_NAMES = {
    "pdf": "tệp PDF",
    "docx": "tệp Word .docx",
    "xlsx": "tệp Excel .xlsx",
    "pptx": "tệp PowerPoint .pptx",
    "ole": "tệp Word hoặc Excel đời cũ (.doc, .xls)",
    "odt": "tệp OpenDocument .odt",
    "ods": "tệp OpenDocument .ods",
    "zip": "tệp nén .zip",
    "png": "ảnh PNG",
    "jpg": "ảnh JPEG",
    "html": "trang web HTML",
}
MAX_PAGES = 300  # a longer PDF is indexed on its first pages
MAX_XML_BYTES = 50 * 1024 * 1024  # a DOCX whose text part unpacks larger is not read (zip bomb)


def sniff(path):
    """What the file is by its first bytes (and, for zips, their members): a MAGIC_NAMES key,
    or None when not recognised."""
    with open(path, "rb") as source:
        head = source.read(2048)
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(OLE):
        return "ole"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    kind = archive.read("mimetype").decode("ascii", "replace").strip()
                    if kind.endswith(".text"):
                        return "odt"
                    if kind.endswith(".spreadsheet"):
                        return "ods"
        except (zipfile.BadZipFile, OSError):
            return "zip"
        for kind, member in ZIP_MEMBERS.items():
            if member in names:
                return kind
        return "zip"
    if re.match(rb"\s*<(!doctype html|html)", head, re.IGNORECASE):
        return "html"
    return None


def matches_extension(kind, extension):
    if extension in ("doc", "xls"):
        return kind == "ole"
    return kind == extension


def size_label(size):
    """Vietnamese size: 812 byte, 38,5 KB, 1,2 MB (decimal comma, binary units)."""
    if size < 1024:
        return f"{size} byte"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            value = f"{size / scale:.1f}".replace(".", ",")
            return f"{value.removesuffix(',0')} {unit}"
    return f"{size} byte"  # not reached


# --- Text -----------------------------------------------------------------------------------


def extract(path, kind):
    """{"status": "text" | "scanned" | "unreadable", "pages": n, "text": [page texts]}."""
    try:
        if kind == "pdf":
            return _pdf_text(path)
        if kind == "docx":
            return _docx_text(path)
    except Exception as error:  # a damaged file must not stop the build: it is reported
        return {
            "status": "unreadable",
            "pages": 0,
            "text": [],
            "error": f"{type(error).__name__}: {error}"[:300],
        }
    return {"status": "none", "pages": 0, "text": []}


def _pdf_text(path):
    from pypdf import PdfReader  # noqa: PLC0415 (imported by the worker processes only when needed)

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd PDFs are not the editor's
    reader = PdfReader(path)
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception:
            return {"status": "unreadable", "pages": 0, "text": [], "error": "encrypted"}
    pages = [clean(page.extract_text() or "") for page in reader.pages[:MAX_PAGES]]
    total = len(reader.pages)
    status = "text" if any(pages) else "scanned"
    return {"status": status, "pages": total, "text": pages if status == "text" else []}


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_text(path):
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
        if info.file_size > MAX_XML_BYTES:
            return {"status": "unreadable", "pages": 0, "text": [], "error": "too large"}
        root = ElementTree.fromstring(archive.read(info))
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{_W}t"))
        if text.strip():
            paragraphs.append(text)
    text = clean("\n".join(paragraphs))
    return {"status": "text" if text else "scanned", "pages": 1, "text": [text] if text else []}


def clean(text):
    """NFC, no control characters, no trailing spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[^\S\n]+", " ", text.replace("\r", ""))
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c)[0] != "C")
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --- Cache ---------------------------------------------------------------------------------


class TextCache:
    """Extracted texts by content digest, and a stat index of the files seen.

    ``CACHE_PATH/documents/files.json``: {path: [size, mtime_ns, sha256]};
    ``CACHE_PATH/documents/text/<sha256>.json``: what ``extract`` returned.
    """

    def __init__(self, cache_path):
        self.root = Path(cache_path) / "documents"
        self.index_path = self.root / "files.json"
        try:
            self.index = json.loads(self.index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.index = {}
        self.seen = {}
        self.extracted = 0  # files read this build (the others came from the cache)

    def digest(self, path, stat):
        known = self.index.get(path)
        if known and known[:2] == [stat.st_size, stat.st_mtime_ns]:
            digest = known[2]
        else:
            with open(path, "rb") as source:
                digest = hashlib.file_digest(source, "sha256").hexdigest()
        self.seen[path] = [stat.st_size, stat.st_mtime_ns, digest]
        return digest

    def _text_path(self, digest):
        return self.root / "text" / f"{digest}.json"

    def texts(self, wanted, workers=1):
        """{digest: extract()} for ``wanted`` ({digest: (path, kind)}); the missing ones are
        extracted, in ``workers`` processes when there are many."""
        found, missing = {}, {}
        for digest, (path, kind) in wanted.items():
            try:
                found[digest] = json.loads(self._text_path(digest).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                missing[digest] = (path, kind)
        if missing:
            items = list(missing.items())
            if workers > 1 and len(items) >= 8:
                with ProcessPoolExecutor(workers) as pool:
                    results = list(pool.map(_extract_item, items, chunksize=4))
            else:
                results = [_extract_item(item) for item in items]
            (self.root / "text").mkdir(parents=True, exist_ok=True)
            for digest, result in results:
                found[digest] = result
                temporary = self._text_path(digest).with_suffix(".tmp")
                temporary.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
                os.replace(temporary, self._text_path(digest))
            self.extracted += len(results)
        return found

    def save(self):
        if self.seen != self.index:
            self.root.mkdir(parents=True, exist_ok=True)
            temporary = self.index_path.with_suffix(".tmp")
            temporary.write_text(json.dumps(self.seen), encoding="utf-8")
            os.replace(temporary, self.index_path)


def _extract_item(item):
    digest, (path, kind) = item
    return digest, extract(path, kind)
