"""Published under a sub-path, every internal link and asset resolves in output/."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import SUBPATH_SITEURL as SITEURL

CSS_URL = re.compile(r"url\(['\"]?([^'\")]+)")


@pytest.fixture(scope="module")
def output(published):
    return published.output


def target_of(output, page, url):
    """The file a URL found on ``page`` points to, or None for other sites."""
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel") or (not parts.path and parts.fragment):
        return None
    if parts.scheme or parts.netloc:
        if not url.startswith(SITEURL + "/") and url != SITEURL:
            assert urlsplit(SITEURL).netloc != parts.netloc, f"{page}: {url} leaves the sub-path"
            return None
        path = unquote(parts.path)[len(urlsplit(SITEURL).path) :]
        target = output / path.lstrip("/")
    else:
        assert not url.startswith("/"), f"{page}: {url} ignores the sub-path"
        target = (output / page).parent / unquote(parts.path)
    if url.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def links_of(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["a", "link", "img", "script", "source"]):
        for attribute in ("href", "src"):
            if tag.get(attribute):
                yield tag[attribute]
        for candidate in (tag.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]


def test_every_internal_link_resolves_under_sub_path(output):
    checked = 0
    for html_file in output.rglob("*.html"):
        page = html_file.relative_to(output).as_posix()
        for url in links_of(html_file.read_text(encoding="utf-8")):
            target = target_of(output, page, url)
            if target is not None:
                checked += 1
                assert target.is_file(), f"{page}: {url} -> missing {target.relative_to(output)}"
    assert checked > 1000


def test_stylesheet_urls_resolve(output):
    for css in output.rglob("*.css"):
        for url in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if not url.startswith(("data:", "#")):
                assert (css.parent / url).is_file(), url


def test_links_are_absolute_with_the_sub_path(output):
    home = (output / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITEURL}/theme/css/style.css"' in home
    assert Path(output / "404.html").is_file()
