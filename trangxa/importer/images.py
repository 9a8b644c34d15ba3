"""Photos of a saved page: found in its ``_files`` folder (or inside an MHTML file, or as
data: addresses), copied next to the site's photos under a name made from the article."""

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SIGNATURES = (
    (b"\xff\xd8\xff", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)
GENERIC_ALT = re.compile(
    r"^(img|image|dsc|dscn|anh|hinh|photo|picture|untitled)?[\s_\-.]*\d*$", re.IGNORECASE
)


def image_suffix(data):
    for signature, suffix in SIGNATURES:
        if data.startswith(signature):
            return suffix
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return None


def find_image(src, source):
    """The bytes of an image of a saved page, or None when the page was saved without it."""
    if src.startswith("data:"):
        match = re.match(r"data:image/[\w.+-]+;base64,(.*)$", src, re.DOTALL)
        return base64.b64decode(match.group(1)) if match else None
    base = source.page.base_url
    for key in (src, urljoin(base, src) if base else None):
        if key and key in source.resources:
            return source.resources[key]
    folder = source.path.parent
    candidates = []
    if not urlsplit(src).scheme:
        candidates.append(folder / unquote(src.split("?")[0].split("#")[0]).lstrip("/"))
    name = unquote(urlsplit(src).path.rsplit("/", 1)[-1])
    if name:
        candidates.append(folder / f"{source.path.stem}_files" / name)
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate.read_bytes()
        except OSError:
            continue
    return None


def remote_address(src, source):
    """The photo's address on the old portal (shown until it is downloaded), or None."""
    if src.startswith(("http://", "https://")):
        return src
    base = source.page.base_url
    if (
        src.startswith(("data:", "./", "../"))
        or "_files/" in src
        or not base.startswith(("http://", "https://"))
    ):
        return None
    return urljoin(base, src)


def meaningful_alt(alt, src):
    """An alt text worth keeping: not empty, not a file name, not "IMG_1234"."""
    alt = " ".join(str(alt or "").split())
    stem = Path(unquote(urlsplit(src).path)).stem if not src.startswith("data:") else ""
    if (
        not alt
        or GENERIC_ALT.fullmatch(alt)
        or alt == stem
        or re.search(r"\.(jpe?g|png|gif|webp)$", alt, re.I)
    ):
        return ""
    return alt


def destination(folder, stem, number, data):
    """(path, reused) for a photo: ``<stem>-<n>.<ext>``; the same bytes already there are reused,
    other bytes under that name get a digest in the name (nothing is overwritten)."""
    suffix = image_suffix(data)
    path = folder / f"{stem}-{number}{suffix}"
    if path.exists() and path.read_bytes() != data:
        path = folder / f"{stem}-{number}-{hashlib.sha256(data).hexdigest()[:6]}{suffix}"
    return path, path.exists()
