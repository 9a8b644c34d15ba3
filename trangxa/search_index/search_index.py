"""Index the built site with Pagefind after every build (build, serve, publish).

Pagefind (its PyPI package ships the binary) reads the pages that hold an
article or a page (``SEARCH_INDEX_PATHS``; lists repeat them) and writes
``pagefind/<bundle>/`` into the output, one bundle per year of articles (see
``shards.py``) plus ``pagefind/bundles.json``, the list the search page merges.
A bundle whose pages did not change since the previous build (same names and
bytes, the same Pagefind, language and indexing code; recorded in
``CACHE_PATH/search-index/``) is kept as it is. Pages are compared by content
digest, hashed again only when a page's time or size changed: a fresh clone
with a restored CI cache re-indexes nothing that did not change.
Only elements marked ``data-pagefind-body`` are indexed, less those marked
``data-pagefind-ignore``: in an article, the title, date, credit, organizations and
tags lines, given to Pagefind as metadata instead (``title``, ``date``, ``credit``,
``organizations``, ``tags``), so that excerpts hold the text alone. Pagefind folds
combining marks ("hoi nong dan" finds "Hội Nông dân") but not the letter đ: the
search page (theme/static/js/search.js) also searches "dang" as "đang", then puts
the results in order (docs/developers.md, "Search").

Settings: SEARCH_INDEX (True), SEARCH_INDEX_LANGUAGE ("vi"), SEARCH_INDEX_PATHS
(["bai-viet", "trang"]), SEARCH_INDEX_BUNDLE_PAGES (600: a year with more
articles is split into quarters, a quarter with more into months; Pagefind needs
about 0.35 MB per page),
SEARCH_INDEX_WORKERS (os.cpu_count(): bundles indexed at the same time).
"""

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pelican import signals

from trangxa.incremental_output.incremental_output import written_digests
from trangxa.incremental_output.keys import current_digest, file_digest, installed_versions

from .shards import bundle_order, shard_names

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.incremental_output",)  # it indexes the pages that plugin writes at `finalized`
logger.setLevel(logging.INFO)  # one summary line per build
BUNDLES_FILE = "bundles.json"
STATE_VERSION = 2  # {"version", "files": {path: [mtime_ns, size, digest]}, "bundles": {name: fingerprint}}
_article_dates = {}  # output path -> date, for the current build


def remember_dates(generator):
    _article_dates.clear()
    _article_dates.update({article.save_as: article.date for article in generator.articles})


def indexed_files(output_path, folders):
    """The HTML files under ``folders`` of the output, as relative POSIX paths (os.walk: a
    third of the time of Path.rglob at 10,000 pages)."""
    found = []
    for folder in folders:
        for root, _, names in os.walk(os.path.join(output_path, folder)):
            relative = Path(root).relative_to(output_path).as_posix()
            found.extend(f"{relative}/{name}" for name in names if name.endswith(".html"))
    return sorted(found)


def indexer_digest(language):
    """What else decides a bundle's bytes: Pagefind's version (installed_versions), the
    language, the code running it."""
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(repr((installed_versions(), language)).encode())
    for name in sorted(Path(__file__).parent.glob("*.py")):
        hasher.update(file_digest(name).encode())
    return hasher.hexdigest()


def fingerprint(output_path, files, digests, indexer=""):
    """A bundle's fingerprint: its pages' names and contents (``digests`` {path: [mtime_ns,
    size, digest]}, kept between builds and updated here) and ``indexer``."""
    hasher = hashlib.blake2b(indexer.encode(), digest_size=16)
    for relative in files:
        record = digests.setdefault(relative, [None, None, None])
        hasher.update(f"{relative}\0{current_digest(os.path.join(output_path, relative), record)}\n".encode())
    return hasher.hexdigest()


# The part of a page Pagefind reads: the opening of <html> and <head> (language, title) and
# the one element marked data-pagefind-body. Menus, "Thông tin khác" and the footer, which it
# would parse and drop, are left out: about a tenth of Pagefind's time, for the same bundle
# byte for byte (tests/test_search.py builds it both ways).
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_BODY_ELEMENT = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-pagefind-body[\s=>]")
_PAGEFIND_ATTRIBUTE = re.compile(rb"\sdata-pagefind-")


def pagefind_part(html):
    """The bytes of ``html`` that Pagefind indexes, or None when the page must be read whole:
    no (or several) data-pagefind-body elements, data-pagefind-* attributes outside it, or
    markup this reading cannot follow (comments, scripts)."""
    head = _HEAD_END.search(html)
    bodies = list(_BODY_ELEMENT.finditer(html))
    if not head or len(bodies) != 1 or bodies[0].start() < head.end():
        return None
    start, name = bodies[0].start(), bodies[0].group(1)
    end = _element_end(html, start, name)
    if end is None:
        return None
    outside = html[head.end() : start] + html[end:]
    if _PAGEFIND_ATTRIBUTE.search(outside) or b"<!--" in html[start:end] or b"<script" in html[start:end]:
        return None
    return html[: head.end()] + b"<body>" + html[start:end] + b"</body></html>"


def _element_end(html, start, name):
    """Where the element opened at ``start`` (tag ``name``) closes, nested ones counted."""
    depth = 0
    for tag in re.finditer(rb"<(/?)" + re.escape(name) + rb"\b[^>]*>", html[start:], re.IGNORECASE):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start + tag.end()
    return None


def index_bundle(output_path, files, bundle_path, language, part=pagefind_part):
    """Run Pagefind over ``files`` only: it reads a folder, where each page is written as the
    part Pagefind reads (pagefind_part), or else hard-linked whole."""
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=output_path) as site:
        folders = set()
        for relative in files:
            target = Path(site, relative)
            if target.parent not in folders:  # a year's 400 pages share one folder
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            source = Path(output_path, relative)
            read = part(source.read_bytes())
            if read is not None:
                target.write_bytes(read)
                continue
            try:
                os.link(source, target)
            except OSError:  # a file system without hard links
                shutil.copy2(source, target)
        command = [
            sys.executable, "-m", "pagefind",
            "--site", site,
            "--output-path", str(bundle_path),
            "--force-language", language,
            "--silent",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError((result.stderr or result.stdout).strip())


def build_index(pelican):
    settings = pelican.settings
    if not settings.get("SEARCH_INDEX", True):
        return
    output = Path(pelican.output_path)
    root = output / "pagefind"
    files = indexed_files(output, settings.get("SEARCH_INDEX_PATHS", ["bai-viet", "trang"]))
    shards = shard_names(set(files), _article_dates, settings.get("SEARCH_INDEX_BUNDLE_PAGES", 600))
    language = settings.get("SEARCH_INDEX_LANGUAGE", "vi")
    members = {}
    for path in files:
        members.setdefault(shards[path], []).append(path)
    state = state_file(settings, output)
    previous, digests, recorded = read_state(state)
    # The digests the writer took of the pages it wrote or kept (checked against each file's
    # time and size): a full build does not hash 10,000 pages a second time.
    written = written_digests(output)
    digests = {
        path: list(written.get(path) or digests[path])
        for path in files
        if path in written or isinstance(digests.get(path), list)
    }
    indexer = indexer_digest(language)
    bundles = {name: fingerprint(output, members[name], digests, indexer) for name in bundle_order(members)}
    todo = [
        name
        for name in bundles
        if previous.get(name) != bundles[name] or not (root / name / "pagefind.js").is_file()
    ]
    workers = settings.get("SEARCH_INDEX_WORKERS") or os.cpu_count() or 1

    def index(name):
        shutil.rmtree(root / name, ignore_errors=True)
        index_bundle(output, members[name], root / name, language)

    # One Pagefind process per bundle, `workers` at a time, the largest first: the last one
    # to finish, alone on its core, is a small one.
    todo.sort(key=lambda name: len(members[name]), reverse=True)
    with ThreadPoolExecutor(workers) as pool:
        for name, future in [(name, pool.submit(index, name)) for name in todo]:
            try:
                future.result()
            except RuntimeError as error:
                logger.error(
                    "%s/: không lập được chỉ mục tìm kiếm (%s); các bài của phần này không tìm thấy được.",
                    (root / name).relative_to(output).as_posix(), error,
                )  # fmt: skip
                bundles.pop(name)
    indexed = len([name for name in todo if name in bundles])  # failed ones were dropped
    remove_other_bundles(root, bundles)
    root.mkdir(parents=True, exist_ok=True)
    listing = {"bundles": [f"{name}/" for name in bundles]}
    (root / BUNDLES_FILE).write_text(json.dumps(listing, indent=1), encoding="utf-8")
    state.parent.mkdir(parents=True, exist_ok=True)
    # The files of the bundles made again are listed anew; the others' are the last build's
    # (10,500 files at 10,000 articles: 0.15 s to list again at every build).
    kept = ({path.split("/")[1] for path in recorded} - set(todo)) & bundles.keys()
    outputs = {path: stat for path, stat in recorded.items() if path.split("/")[1] in kept}
    outputs.update(bundle_files(output, root, [name for name in bundles if name not in kept]))
    state.write_text(
        json.dumps({"version": STATE_VERSION, "files": digests, "bundles": bundles, "outputs": outputs}),
        encoding="utf-8",
    )
    summary = "Tìm kiếm: %d trang trong %d phần chỉ mục, %d phần lập lại."
    logger.info(summary, len(files), len(bundles), indexed)


def bundle_files(output, root, bundles):
    """{path from ``output``: [mtime_ns, size]} of every file of the bundles. Each bundle is
    written by Pagefind into an emptied folder: new files, never rewritten in place, which
    trangxa.publishing may therefore hard-link into output/ (recorded_outputs; a file whose
    time or size is no longer the recorded one is copied instead)."""
    found = {}
    for name in bundles:
        for folder, _, names in os.walk(root / name):
            for file_name in names:
                path = os.path.join(folder, file_name)
                stat = os.stat(path, follow_symlinks=False)
                found[os.path.relpath(path, output).replace(os.sep, "/")] = [stat.st_mtime_ns, stat.st_size]
    return found


def recorded_outputs(cache_path, output):
    """The bundle files the last build of ``output`` recorded (bundle_files)."""
    return read_state(state_file({"CACHE_PATH": cache_path}, Path(output)))[2]


def state_file(settings, output):
    name = hashlib.blake2b(str(output.resolve()).encode(), digest_size=8).hexdigest()
    return Path(settings["CACHE_PATH"]) / "search-index" / f"{name}.json"


def read_state(path):
    """({bundle: fingerprint}, {page: [mtime_ns, size, digest]}, {bundle file: [mtime_ns, size]})
    of the previous build."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}, {}
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        return {}, {}, {}
    parts = [state.get(key) for key in ("bundles", "files", "outputs")]
    return tuple(part if isinstance(part, dict) else {} for part in parts)


def remove_other_bundles(root, bundles):
    if not root.is_dir():
        return
    for entry in root.iterdir():
        if entry.name not in bundles and entry.name != BUNDLES_FILE:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def register():
    signals.article_generator_finalized.connect(remember_dates)
    signals.finalized.connect(build_index)
