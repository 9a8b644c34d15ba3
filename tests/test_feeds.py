"""Feeds: valid for feedparser and for a real reader (newsboat), absolute sub-path links, +07:00."""

import calendar
import shutil
import sqlite3
import subprocess

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import SUBPATH_SITEURL, normalize, sample_articles

ARTICLES = sorted(sample_articles(), key=lambda a: a["date"], reverse=True)


def feed_files(published):
    files = sorted((published.output / "feeds").rglob("*.xml"))
    assert len(files) >= 2 + 2 * 6 + 2 * 8  # all, categories, organizations
    return files


def parse(path):
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return feed


def test_every_feed_is_well_formed_and_in_vietnamese(published):
    for path in feed_files(published):
        feed = parse(path)
        assert feed.feed.get("language") == "vi", path
        for entry in feed.entries:
            assert entry.link.startswith(SUBPATH_SITEURL + "/"), entry.link
            assert entry.get("author"), (path, entry.title)


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_site_feed_holds_the_newest_twenty_with_local_dates(published, kind):
    feed = parse(published.output / f"feeds/tat-ca.{kind}.xml")
    assert [normalize(e.title) for e in feed.entries] == [
        normalize(a["meta"]["title"]) for a in ARTICLES[:20]
    ]
    raw = (published.output / f"feeds/tat-ca.{kind}.xml").read_text(encoding="utf-8")
    assert ("+07:00" if kind == "atom" else "+0700") in raw
    for entry, article in zip(feed.entries, ARTICLES, strict=False):
        # Source dates are local times in Việt Nam (+07:00); feedparser gives UTC.
        expected_utc = calendar.timegm(article["date"].timetuple()) - 7 * 3600
        assert calendar.timegm(entry.published_parsed) == expected_utc, entry.title


def test_links_resolve_to_built_pages(published):
    for path in feed_files(published):
        for entry in parse(path).entries:
            relative = entry.link[len(SUBPATH_SITEURL) + 1 :]
            assert (published.output / relative).is_file(), entry.link


def test_cover_image_in_summary_and_enclosure(published):
    feed = parse(published.output / "feeds/tat-ca.rss.xml")
    with_cover = [a for a in ARTICLES[:20] if a["meta"].get("image")]
    assert with_cover
    by_title = {normalize(e.title): e for e in feed.entries}
    for article in with_cover:
        entry = by_title[normalize(article["meta"]["title"])]
        image = f"{SUBPATH_SITEURL}/{article['meta']['image']}"
        assert BeautifulSoup(entry.summary, "html.parser").img["src"] == image
        assert entry.enclosures[0].href == image
        assert entry.enclosures[0].type == "image/jpeg"
        assert int(entry.enclosures[0].length) == (published.output / article["meta"]["image"]).stat().st_size


def test_autodiscovery_on_home_category_and_organization(published):
    pages = {
        "index.html": "feeds/tat-ca",
        "chuyen-muc/kinh-te/index.html": "feeds/chuyen-muc/kinh-te",
        "to-chuc/ubnd/index.html": "feeds/to-chuc/ubnd",
    }
    for page, feed in pages.items():
        links = published.soup(page).select('link[rel="alternate"]')
        hrefs = {link["type"]: link["href"] for link in links if feed in link["href"]}
        assert hrefs == {
            "application/atom+xml": f"{SUBPATH_SITEURL}/{feed}.atom.xml",
            "application/rss+xml": f"{SUBPATH_SITEURL}/{feed}.rss.xml",
        }, page


@pytest.mark.external  # newsboat
def test_a_real_feed_reader_reads_every_feed(published, tmp_path):
    """newsboat (Debian) reloads every feed from file:// and stores its items."""
    newsboat = shutil.which("newsboat")
    assert newsboat, "newsboat is missing: run .ci/run (apt-get install newsboat)"
    files = feed_files(published)
    (tmp_path / "urls").write_text("".join(f"file://{path}\n" for path in files))
    cache = tmp_path / "cache.db"
    subprocess.run(
        [newsboat, "-u", str(tmp_path / "urls"), "-c", str(cache), "-x", "reload"],
        check=True, capture_output=True, timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    with sqlite3.connect(cache) as db:
        titles = dict(db.execute("SELECT rssurl, title FROM rss_feed"))
        guids = {guid for (guid,) in db.execute("SELECT guid FROM rss_item")}
    expected_guids = set()
    for path in files:
        feed = parse(path)
        # newsboat stores a feed's title only once it has parsed the feed
        assert normalize(titles.get(f"file://{path}", "")) == normalize(feed.feed.title), path
        expected_guids |= {entry.id for entry in feed.entries}
    # An item shared by several feeds (same id) is stored once.
    assert guids == expected_guids


def test_feed_titles_use_the_pages_en_dash(published):
    """A category's or an organization's feed: "<site> – <name>", the dash of the pages'
    <title> ("Kinh tế – <site>"), not Pelican's hyphen."""
    site_name = parse(published.output / "feeds/tat-ca.atom.xml").feed.title
    assert published.soup("index.html").title.get_text() == site_name
    page_titles = {
        "chuyen-muc/kinh-te": published.soup("chuyen-muc/kinh-te/index.html").title.get_text(),
        "to-chuc/hoi-nong-dan": published.soup("to-chuc/hoi-nong-dan/index.html").title.get_text(),
    }
    for folder, page_title in page_titles.items():
        name = page_title.removesuffix(f" – {site_name}")
        assert name != page_title, page_title
        for kind in ("atom", "rss"):
            feed = parse(published.output / f"feeds/{folder}.{kind}.xml")
            assert feed.feed.title == f"{site_name} – {name}"
    for path in feed_files(published):
        title = parse(path).feed.title
        assert " - " not in title, (path, title)
        assert title == site_name or title.startswith(f"{site_name} – "), (path, title)


def test_only_pelicans_joining_hyphen_is_replaced():
    from trangxa.compat import feed_title_with_separator as retitle

    assert retitle("Xã Tân Hòa - Kinh tế", "Xã Tân Hòa", " – ") == "Xã Tân Hòa – Kinh tế"
    assert retitle("Xã Tân Hòa - Tin - Ảnh", "Xã Tân Hòa", " – ") == "Xã Tân Hòa – Tin - Ảnh"
    assert retitle("Xã Tân Hòa", "Xã Tân Hòa", " – ") == "Xã Tân Hòa"
    assert retitle("Trang khác - Kinh tế", "Xã Tân Hòa", " – ") == "Trang khác - Kinh tế"
    assert retitle("Hội A & B - Tin", "Hội A &amp; B", " – ") == "Hội A & B – Tin"  # tags stripped
