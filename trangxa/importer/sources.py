"""The files to import: globs and folders expanded, each file read into a Page.

A source is an HTML page saved from a browser ("Save page as": .html/.htm, with or
without its ``_files`` folder; "single file": .mhtml/.mht), or a .txt file holding
the text copied from such a page. Text is decoded as the file says (BOM, <meta charset>),
else as UTF-8, else as Windows-1258, the encoding of old Vietnamese Windows editors.
"""

import email
import email.policy
import glob
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .blocks import Block, collapse, escape
from .html_page import Page, read_html

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MHTML_SUFFIXES = (".mhtml", ".mht")
TEXT_SUFFIXES = (".txt",)
SUFFIXES = HTML_SUFFIXES + MHTML_SUFFIXES + TEXT_SUFFIXES
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
URL_LINE = re.compile(r"https?://\S+")


@dataclass
class Source:
    path: Path
    page: Page
    encoding: str = "utf-8"
    resources: dict = field(default_factory=dict)  # MHTML parts: address -> bytes


def expand(patterns):
    """Files matched by the globs, in order (each glob's matches sorted), once each.
    A folder is walked; what browsers save inside a page's ``_files`` folder is not a page."""
    found, seen = [], set()
    for pattern in patterns:
        matches = sorted(glob.glob(str(pattern), recursive=True)) or []
        for match in matches:
            path = Path(match)
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for file in files:
                if file.suffix.lower() not in SUFFIXES or any(
                    part.endswith("_files") for part in file.parts[:-1]
                ):
                    continue
                key = file.resolve()
                if key not in seen:
                    seen.add(key)
                    found.append(file)
    return found


def read_source(path):
    path = Path(path)
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in MHTML_SUFFIXES:
        return read_mhtml(path, data)
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode(data)
        return Source(path, read_text(text), encoding)
    text, encoding = decode(data, declared_charset(data))
    return Source(path, read_html(text), encoding)


def declared_charset(data):
    found = META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def decode(data, declared=None):
    """(text, encoding): BOM, declared charset, UTF-8, then Windows-1258; NFC."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return normalize(data.decode(encoding, errors="replace")), "utf-8"
    for encoding in dict.fromkeys([declared or "utf-8", "utf-8"]):
        try:
            return normalize(data.decode(encoding)), "utf-8" if "utf" in encoding else encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return normalize(data.decode("cp1258", errors="replace")), "windows-1258"


def normalize(text):
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_text(text):
    """Copied text: one block per line; an address on the first line is the old address."""
    blocks, urls = [], []
    for line in text.split("\n"):
        line = collapse(line).strip()
        if not line:
            continue
        if not blocks and URL_LINE.fullmatch(line):
            urls.append(line)
            continue
        blocks.append(Block("para", text=line, md=escape(line)))
    page = Page(blocks, "text", old_urls=urls)
    page.evidence = [text, *urls]
    return page


def read_mhtml(path, data):
    """A page saved as one file (Chrome's "Webpage, Single File"): the HTML part, and
    the other parts (photos) by their address."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    html, resources, encoding = "", {}, "utf-8"
    for part in message.walk():
        if part.is_multipart():
            continue
        location = str(part.get("Content-Location") or "").strip()
        if part.get_content_type() == "text/html" and not html:
            payload = part.get_payload(decode=True) or b""
            html, encoding = decode(payload, part.get_content_charset() or declared_charset(payload))
        elif location:
            resources[location] = part.get_payload(decode=True) or b""
    page = read_html(html)
    snapshot = str(message.get("Snapshot-Content-Location") or "").strip()
    if snapshot:
        page.old_urls.insert(0, snapshot)
        page.evidence.append(snapshot)
    return Source(path, page, encoding, resources)
