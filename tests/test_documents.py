"""Văn bản on the sample site: lists and filters against the source files, document pages,
downloads, the disclosure list, the feed, the sitemap, the home and organization boxes.

The sources are read here independently of the plugin (conftest.read_source, plain
date parsing, the registry's names); the site is the publishing build (strict: a problem
in a sample document would fail it).
"""

import datetime
import importlib.util
import json
import re
from collections import Counter
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import feedparser
import pytest
from conftest import CONTENT, SUBPATH_SITEURL, normalize, read_source, registry_slugs

from trangxa.lib.text import fold

DOCUMENTS = CONTENT / "van-ban"
TOOL = CONTENT.parent / "tools" / "make_sample_documents.py"
SLUGS = registry_slugs()
TODAY = datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def day(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.datetime.strptime(str(value).strip(), "%d/%m/%Y").date()


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def read_documents():
    found = []
    for path in sorted(DOCUMENTS.rglob("*.md")):
        meta, body = read_source(path)
        files = meta["files"] if isinstance(meta["files"], list) else meta["files"].split(",")
        issued = day(meta["issued"])
        effective = meta.get("effective")
        effective = issued if effective in (None, "ngày ký") else day(effective)
        found.append(
            {
                "path": path,
                "url": path.relative_to(CONTENT).with_suffix(".html").as_posix(),
                "number": meta["number"],
                "title": meta["title"],
                "form": slug(meta["form"]),
                "issuer": SLUGS[fold(meta["issuer"])],
                "year": str(issued.year),
                "field": slug(meta["field"]),
                "issued": issued,
                "effective": effective,
                "expires": day(meta["expires"]) if meta.get("expires") else None,
                "replaced_by": meta.get("replaced_by"),
                "disclosure": str(meta.get("disclosure", "")).lower() == "true",
                "files": [name.strip() for name in files],
                "body": body.strip(),
            }
        )
    return sorted(found, key=lambda d: (d["issued"], str(d["path"])), reverse=True)


SOURCES = read_documents()
BY_NUMBER = {d["number"]: d for d in SOURCES}


def output_path(published, href):
    """The file of the published output a link points to."""
    assert href.startswith(SUBPATH_SITEURL + "/"), href
    relative = unquote(href[len(SUBPATH_SITEURL) + 1 :].split("#")[0])
    return published.output / (
        relative + "index.html" if relative.endswith("/") or not relative else relative
    )


def list_numbers(published, relative):
    """The numbers a list shows, every page of it (following rel=next), in order."""
    numbers, page = [], relative
    while page:
        soup = published.soup(page)
        numbers += [n.get_text(strip=True) for n in soup.select("#document-list .document-number")]
        following = soup.select_one(".documents a[rel=next]")
        page = (
            output_path(published, following["href"]).relative_to(published.output).as_posix()
            if following
            else None
        )
    return numbers


def test_the_sample_has_enough_documents_of_every_kind():
    assert len(SOURCES) >= 20
    assert len({d["form"] for d in SOURCES}) >= 6
    assert len({d["issuer"] for d in SOURCES}) >= 5
    assert len({d["year"] for d in SOURCES}) >= 3
    suffixes = Counter(name.rsplit(".", 1)[-1] for d in SOURCES for name in d["files"])
    assert suffixes["pdf"] >= 20 and suffixes["docx"] >= 1 and suffixes["xlsx"] >= 1
    syntaxes = Counter(d["path"].read_text("utf-8").startswith("---") for d in SOURCES)
    assert syntaxes[True] and syntaxes[False], "both front-matter syntaxes"
    assert sum(d["disclosure"] for d in SOURCES) >= 5


def test_the_list_is_newest_first_with_number_date_title_issuer_and_download(published):
    soup = published.soup("van-ban/index.html")
    rows = soup.select("#document-list li.document-row")
    assert len(rows) == 20  # DOCUMENTS_PER_PAGE
    for row, source in zip(rows, SOURCES, strict=False):
        assert row.select_one(".document-number").get_text(strip=True) == source["number"]
        assert normalize(source["title"]) in normalize(row.select_one(".document-row-title").get_text())
        assert row.select_one("time")["datetime"] == source["issued"].isoformat()
        meta = row.select_one(".document-row-meta").get_text()
        assert source["issued"].strftime("%d/%m/%Y") in meta
        download = row.select_one(".document-row-files a[download]")
        assert re.search(r"\((PDF|Word|Excel), [\d,]+ (KB|MB|byte)\)", download.get_text()), (
            download.get_text()
        )
    assert list_numbers(published, "van-ban/index.html") == [d["number"] for d in SOURCES]


def expected_lists():
    """{output file of a filter page: the numbers it must list}, from the sources."""
    lists = {}
    for source in SOURCES:
        year = source["year"]
        lists.setdefault(f"van-ban/nam/{year}/index.html", []).append(source["number"])
        for facet, name in (("form", "loai"), ("issuer", "co-quan"), ("field", "linh-vuc")):
            value = source[facet]
            lists.setdefault(f"van-ban/{name}/{value}/index.html", []).append(source["number"])
            lists.setdefault(f"van-ban/{name}/{value}/{year}/index.html", []).append(source["number"])
    return lists


EXPECTED_LISTS = expected_lists()


@pytest.mark.parametrize("page", sorted(EXPECTED_LISTS))
def test_each_filter_page_lists_what_the_sources_say(published, page):
    assert list_numbers(published, page) == EXPECTED_LISTS[page]


def test_every_filter_page_is_built_and_no_other(published):
    built = {
        path.relative_to(published.output).as_posix()
        for path in (published.output / "van-ban").glob("*/**/index.html")
        if "/trang-" not in path.as_posix()
    }
    assert built == set(EXPECTED_LISTS)


def test_the_filter_links_work_without_javascript(published):
    """Every link of every list page's filters leads to a built page that holds what the link says."""
    pages = ["van-ban/index.html", *EXPECTED_LISTS]
    for page in pages:
        soup = published.soup(page)
        nav = soup.select_one("nav.document-facets")
        assert nav is not None, page
        for link in nav.select("a[href]"):
            target = output_path(published, link["href"])
            assert target.is_file(), (page, link["href"])
    # From the root, one form, then one year of it: a two-step filter without JavaScript.
    root = published.soup("van-ban/index.html")
    decision = next(a for a in root.select("nav.document-facets a") if a.get_text() == "Quyết định")
    page = output_path(published, decision["href"]).relative_to(published.output).as_posix()
    year = next(a for a in published.soup(page).select("nav.document-facets a") if a.get_text() == "2025")
    narrowed = output_path(published, year["href"]).relative_to(published.output).as_posix()
    assert narrowed == "van-ban/loai/quyet-dinh/2025/index.html"
    assert list_numbers(published, narrowed) == [
        d["number"] for d in SOURCES if d["form"] == "quyet-dinh" and d["year"] == "2025"
    ]


def stated_bytes(label):
    value, unit = re.fullmatch(r"([\d,]+) (KB|MB|byte)", label).groups()
    return float(value.replace(",", ".")) * {"byte": 1, "KB": 1024, "MB": 1024**2}[unit]


def test_download_links_resolve_to_files_of_the_stated_size(published):
    checked = 0
    for source in SOURCES:
        soup = published.soup(source["url"])
        links = soup.select(".document-files a[download]")
        assert [a.get_text() for a in links] == source["files"]
        for link in links:
            target = output_path(published, link["href"])
            assert target.is_file(), link["href"]
            assert target.read_bytes() == (source["path"].parent / link.get_text()).read_bytes()
            label = link.parent.get_text()
            size = re.search(r"\((?:PDF|Word|Excel), ([\d,]+ (?:KB|MB|byte))", label).group(1)
            assert abs(stated_bytes(size) - target.stat().st_size) <= 0.05 * 1024, (
                label,
                target.stat().st_size,
            )
            assert link["type"] in ("application/pdf",) or "openxmlformats" in link["type"]
            checked += 1
    assert checked == sum(len(d["files"]) for d in SOURCES)


def expected_status(source):
    replacement = BY_NUMBER.get(source["replaced_by"]) if source["replaced_by"] else None
    if replacement and replacement["effective"] <= TODAY:
        return "Bị thay thế"
    if source["expires"] and source["expires"] <= TODAY:
        return "Hết hiệu lực"
    if source["effective"] > TODAY:
        return "Chưa có hiệu lực"
    return "Còn hiệu lực"


@pytest.mark.parametrize("source", SOURCES, ids=[d["number"] for d in SOURCES])
def test_a_document_page_shows_its_facts_status_files_and_organization(published, source):
    soup = published.soup(source["url"])
    article = soup.select_one("article.document[data-pagefind-body]")
    assert normalize(article.select_one("h1").get_text()) == normalize(source["title"])
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in article.select("dl.document-facts dt")
    }
    assert facts["Số ký hiệu"].get_text(strip=True) == source["number"]
    assert facts["Ngày ban hành"].time["datetime"] == source["issued"].isoformat()
    assert facts["Ngày có hiệu lực"].time["datetime"] == source["effective"].isoformat()
    organization = facts["Cơ quan ban hành"].a["href"]
    assert organization == f"{SUBPATH_SITEURL}/to-chuc/{source['issuer']}/"
    assert facts["Tình trạng hiệu lực"].get_text(strip=True).startswith(expected_status(source))
    assert article.select_one(".document-status strong").get_text() == expected_status(source)
    if source["replaced_by"]:
        replacement = BY_NUMBER[source["replaced_by"]]
        assert facts["Bị thay thế bởi"].a["href"] == f"{SUBPATH_SITEURL}/{replacement['url']}"
        replaced = published.soup(replacement["url"])
        back = {
            dt.get_text(strip=True): dt.find_next_sibling("dd")
            for dt in replaced.select("dl.document-facts dt")
        }
        assert back["Thay thế văn bản"].a["href"] == f"{SUBPATH_SITEURL}/{source['url']}"


def generated(path):
    """What the sample generator wrote into the document's file (tools/make_sample_documents.py)."""
    spec = importlib.util.spec_from_file_location("make_sample_documents", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stem = path.relative_to(DOCUMENTS).with_suffix("").as_posix()
    return next(doc for doc in module.DOCUMENTS if doc["file"] == stem)


def test_the_text_inside_the_files_is_on_the_page_unless_it_is_a_scan(published):
    scans = 0
    for source in SOURCES:
        made = generated(source["path"])
        soup = published.soup(source["url"])
        text = " ".join(" ".join(p.get_text() for p in soup.select(".document-page")).split())
        if made.get("scanned"):
            scans += 1
            assert text == ""
            assert "bản quét" in soup.select_one(".document-files").get_text()
            continue
        last = made["body"][-1]
        assert " ".join(last.split()[-6:]) in text, (source["number"], last)
    assert scans == 1


def test_disclosures_are_grouped_by_year_then_field(published):
    soup = published.soup("cong-khai/index.html")
    found = []
    for section in soup.select("section.disclosure-year"):
        year = section.h2.get_text().removeprefix("Năm ").strip()
        for heading in section.select("h3.disclosure-kind"):
            numbers = [
                n.get_text(strip=True) for n in heading.find_next_sibling("ol").select(".document-number")
            ]
            found += [(year, slug(heading.get_text()), number) for number in numbers]
    expected = [(d["year"], d["field"], d["number"]) for d in SOURCES if d["disclosure"]]
    assert sorted(found) == sorted(expected)
    years = [y for y, _, _ in found]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_the_documents_feed_parses_and_lists_the_newest(published, kind):
    feed = feedparser.parse((published.output / f"feeds/van-ban.{kind}.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.get("language") == "vi"
    expected = SOURCES[:20]
    assert [normalize(e.title) for e in feed.entries] == [normalize(d["title"]) for d in expected]
    for entry, source in zip(feed.entries, expected, strict=True):
        assert entry.link == f"{SUBPATH_SITEURL}/{source['url']}"
        assert output_path(published, entry.link).is_file()
        assert entry.get("author")
        assert source["number"] in entry.summary


def test_documents_are_not_news(published):
    news = (published.output / "feeds/tat-ca.atom.xml").read_text("utf-8")
    assert "/van-ban/" not in news
    assert not published.soup("index.html").select("main a[href*='/van-ban/2']")


def test_the_sitemap_lists_every_document_and_list(published):
    sitemap = (published.output / "sitemap.xml").read_text("utf-8")
    for source in SOURCES:
        assert f"<loc>{SUBPATH_SITEURL}/{source['url']}</loc>" in sitemap
    assert f"<loc>{SUBPATH_SITEURL}/van-ban/</loc>" in sitemap
    assert f"<loc>{SUBPATH_SITEURL}/cong-khai/</loc>" in sitemap


def test_the_home_page_shows_the_newest_documents(published):
    box = published.soup("index.html").select_one(".documents-box")
    numbers = [n.get_text(strip=True) for n in box.select(".document-number")]
    assert numbers == [d["number"] for d in SOURCES[:5]]
    assert "&nbsp;" not in box.get_text() and "&amp;" not in box.get_text()
    archives = sorted(published.output.glob("trang-*/index.html"))
    assert archives, "the sample's home page has archive pages"
    for archive in archives:  # the box is on the first page only
        assert not published.soup(archive.relative_to(published.output).as_posix()).select(".documents-box")


def test_each_organization_page_lists_the_documents_it_issued(published):
    for issuer in {d["issuer"] for d in SOURCES}:
        soup = published.soup(f"to-chuc/{issuer}/index.html")
        section = soup.select_one(".documents-of-organization")
        own = [d["number"] for d in SOURCES if d["issuer"] == issuer]
        assert [n.get_text(strip=True) for n in section.select(".document-number")] == own[:5]
        more = section.select_one(".box-more a")
        assert more["href"] == f"{SUBPATH_SITEURL}/van-ban/co-quan/{issuer}/"
        assert str(len(own)) in more.get_text()
    assert not published.soup("to-chuc/hoi-nguoi-cao-tuoi/index.html").select_one(
        ".documents-of-organization"
    )


def test_the_json_index_holds_every_document_newest_first(published):
    index = json.loads((published.output / "van-ban/index.json").read_text("utf-8"))
    column = {name: position for position, name in enumerate(index["columns"])}
    rows = index["documents"]
    assert [row[column["number"]] for row in rows] == [d["number"] for d in SOURCES]
    forms = [value for value, _ in index["facets"]["loai"]]
    for row, source in zip(rows, SOURCES, strict=True):
        assert row[column["url"]] == source["url"]
        assert forms[row[column["loai"]]] == source["form"]
    assert len((published.output / "van-ban/index.json").read_bytes()) < 400 * len(rows)
