"""Shared fixtures: the sample site is built once per session with real Pelican."""

import datetime
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings
from tiers import TIERS, tier_of

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
DATA = Path(__file__).resolve().parent / "data"


class LogCollector(logging.Handler):
    def __init__(self, level=logging.WARNING):
        super().__init__(level)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def build_site(
    output, content=CONTENT, settings_file="pelicanconf.py", log_level=logging.WARNING, **overrides
):
    """Build ``content`` into ``output`` with Pelican; return the records logged (warnings and up)."""
    override = {
        "PATH": str(content),
        "ORGANIZATIONS_REGISTRY": str(CONTENT / "organizations.yml"),
        "OUTPUT_PATH": str(output),
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        # Next to the output, never the project's cache/ (incremental_output keeps its keys there).
        "CACHE_PATH": f"{output}-cache",
        **overrides,
    }
    settings = read_settings(str(ROOT / settings_file), override=override)
    collector = LogCollector(log_level)
    logging.getLogger().addHandler(collector)
    try:
        Pelican(settings=settings).run()
    finally:
        logging.getLogger().removeHandler(collector)
    return collector.records


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The sample site built with the development settings."""
    output = tmp_path_factory.mktemp("site")
    warnings = build_site(output)
    return Site(output, warnings)


SUBPATH_SITEURL = "https://example.gov.vn/xa-tan-hoa"


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The sample site built for publishing under a sub-path (publishconf.py)."""
    output = tmp_path_factory.mktemp("published")
    warnings = build_site(
        output, settings_file="publishconf.py", SITEURL=SUBPATH_SITEURL, FEED_DOMAIN=SUBPATH_SITEURL
    )
    return Site(output, warnings)


def run_pelican(content, output, settings_file="publishconf.py", *extra):
    """Run the real ``pelican`` command, as ``make publish`` does; return the process."""
    command = [
        str(Path(sys.executable).parent / "pelican"),
        str(content),
        "-o",
        str(output),
        "-s",
        str(ROOT / settings_file),
        *extra,
    ]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)


def registry_slugs():
    """Folded name -> slug, read from the registry file by the test itself."""
    from trangxa.lib.text import fold

    entries = yaml.safe_load((CONTENT / "organizations.yml").read_text(encoding="utf-8"))
    names = {}
    for entry in entries:
        for name in [entry["slug"], entry["name"], entry.get("short_name", ""), *entry.get("aliases", [])]:
            if name:
                names[fold(name)] = entry["slug"]
    return names


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; .ci/run installs it."""
    from browser import CHROMIUM, chromium

    assert Path(CHROMIUM).exists(), "Chromium is missing: run .ci/run (apt-get install chromium)"
    with chromium() as instance:
        yield instance


class Site:
    def __init__(self, output, warnings):
        self.output = Path(output)
        self.warnings = warnings
        self._soups = {}

    def soup(self, relative):
        if relative not in self._soups:
            html = (self.output / relative).read_text(encoding="utf-8")
            self._soups[relative] = BeautifulSoup(html, "html.parser")
        return self._soups[relative]

    def html_files(self):
        return sorted(p.relative_to(self.output).as_posix() for p in self.output.rglob("*.html"))

    def article_pages(self):
        """{relative path: soup} of every page that shows one article."""
        pages = {}
        for relative in self.html_files():
            soup = self.soup(relative)
            if soup.select_one("article.article"):
                pages[relative] = soup
        return pages


# --- Independent reading of the sources (not the project's reader) -----------

DATE_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def read_source(path):
    """(metadata with lower-case keys, body) of a Markdown source."""
    text = Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("---"):
        _, header, body = re.split(r"^---\s*$", text, maxsplit=2, flags=re.MULTILINE)
        meta = {k.lower(): v for k, v in (yaml.safe_load(header) or {}).items()}
    else:
        header, _, body = text.partition("\n\n")
        meta = {}
        for line in header.splitlines():
            key, _, value = line.partition(":")
            meta[key.strip().lower()] = value.strip()
        for key in ("organizations", "tags"):
            if key in meta:
                meta[key] = [v.strip() for v in meta[key].split(",") if v.strip()]
    return meta, body


def source_date(value):
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(str(value).strip(), fmt)
        except ValueError:
            continue
    raise AssertionError(f"test cannot read date {value!r}")


def sample_articles():
    """Published sample articles as dicts: meta, body, path."""
    articles = []
    for path in sorted((CONTENT / "bai-viet").rglob("*.md")):
        meta, body = read_source(path)
        if str(meta.get("status", "published")).strip() == "draft":
            continue
        articles.append({"meta": meta, "body": body, "path": path, "date": source_date(meta["date"])})
    return articles


def numbered(lines):
    """Messages about pelicanconf.py with their line number written N (the file's lines move;
    tests/test_settings_file.py checks the numbers themselves)."""
    return [re.sub(r"^pelicanconf\.py:\d+: ", "pelicanconf.py:N: ", line) for line in lines]


def normalize(text):
    """Compare titles as a reader sees them (typogrify adds nbsp and curly quotes)."""
    table = str.maketrans({"\u00a0": " ", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})
    return " ".join(str(text).translate(table).split())


@pytest.fixture(scope="session", autouse=True)
def own_cache_root(tmp_path_factory):
    """Builds run as commands (invoke publish, pelican) keep their caches apart from the
    project's cache/ and from the other test processes (pytest-xdist): Pelican writes its
    reader cache without a lock, so two processes sharing one could read half a file."""
    root = tmp_path_factory.mktemp("cache-root")
    previous = os.environ.get("CACHE_ROOT")
    os.environ["CACHE_ROOT"] = str(root)
    yield root
    if previous is None:
        os.environ.pop("CACHE_ROOT", None)
    else:
        os.environ["CACHE_ROOT"] = previous


def pytest_configure(config):
    for tier in TIERS:
        config.addinivalue_line("markers", f"{tier}: test tier (tests/tiers.py)")


def pytest_collection_modifyitems(config, items):
    """Mark each test with its tier, so that `-m unit` runs the fast tier alone."""
    for item in items:
        tier = tier_of(item, Path(__file__))
        if tier:
            item.add_marker(getattr(pytest.mark, tier))
