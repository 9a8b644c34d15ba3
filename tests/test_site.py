"""The sample site as a reader sees it, built by real Pelican."""

import re
import subprocess
import sys
from collections import Counter

import pytest
from conftest import ROOT, normalize, registry_slugs, sample_articles
from pelican.settings import read_settings

from trangxa.lib.text import fold
from trangxa.organizations.registry import load_registry

ARTICLES = sample_articles()
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
SLUGS = registry_slugs()
REGISTRY = load_registry(ROOT / "content" / "organizations.yml", SETTINGS)


def by_title(site):
    pages = {}
    for relative, soup in site.article_pages().items():
        if relative.startswith("ban-nhap/"):  # drafts are previewed there in development
            continue
        title = normalize(soup.select_one("article.article h1").get_text())
        pages.setdefault(title, []).append((relative, soup))
    return pages


def page_of(site, article):
    return by_title(site)[normalize(article["meta"]["title"])][0][1]


def test_sample_content_is_big_enough():
    assert len(ARTICLES) >= 40
    years = {a["date"].year for a in ARTICLES}
    assert len(years) >= 2
    categories = Counter(a["meta"]["category"] for a in ARTICLES)
    assert len(categories) >= 6
    organizations = {fold(o) for a in ARTICLES for o in a["meta"].get("organizations", [])}
    assert len(organizations) >= 8


def test_a_clean_build_of_the_sample_prints_no_warning(site):
    # Inferred organizations and drafts are notices of `invoke check`, not of every build.
    assert [r.getMessage() for r in site.warnings] == []


def test_the_check_lists_the_organization_inferences():
    result = subprocess.run(
        [sys.executable, "-m", "trangxa.content_checks.check", str(ROOT / "pelicanconf.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    inferred = [line for line in result.stderr.splitlines() if "tự gắn vào" in line]
    without = {a["path"].relative_to(ROOT).as_posix() for a in ARTICLES if not a["meta"].get("organizations")}
    assert len(inferred) >= 2
    assert all(line.split(":")[0] in without for line in inferred)


def test_every_source_article_has_exactly_one_page(site):
    pages = by_title(site)
    for article in ARTICLES:
        title = normalize(article["meta"]["title"])
        assert len(pages.get(title, [])) == 1, article["path"]
    assert sum(len(found) for found in pages.values()) == len(ARTICLES)


def test_drafts_are_not_published(site):
    drafts = [
        p for p in (ROOT / "content" / "bai-viet").rglob("*.md") if "status: draft" in p.read_text().lower()
    ]
    assert drafts, "the sample has a draft"
    titles = by_title(site)
    for path in drafts:
        title = re.search(r"^title:\s*\"?(.+?)\"?\s*$", path.read_text(), re.I | re.M)[1]
        assert normalize(title) not in titles


def test_dates_are_day_first(site):
    for article in ARTICLES:
        time = page_of(site, article).select_one("article.article header time")
        expected = article["date"]
        assert time["datetime"].startswith(expected.strftime("%Y-%m-%dT%H:%M")), article["path"]
        assert expected.strftime("%d/%m/%Y") in time.get_text()


def test_fifth_of_june_is_not_sixth_of_may(site):
    article = next(a for a in ARTICLES if a["path"].name == "phu-nu-ngay-moi-truong.md")
    assert str(article["meta"]["date"]).startswith("05/06/2024")
    time = page_of(site, article).select_one("article.article header time")
    assert time["datetime"].startswith("2024-06-05T07:30")
    assert time.get_text().startswith("Thứ Tư, 05/06/2024")


def first_paragraph(markdown_body):
    for block in re.split(r"\n\s*\n", markdown_body.strip()):
        if not block.lstrip().startswith(("!", "///", "#", "<")):
            return block
    return None


def test_lead_is_bold_first_and_not_repeated(site):
    for article in ARTICLES:
        soup = page_of(site, article)
        lead = soup.select_one("article.article p.lead")
        expected = article["meta"].get("summary") or first_paragraph(article["body"])
        assert lead is not None, article["path"]
        plain = normalize(re.sub(r"[*_]", "", expected))
        assert normalize(lead.get_text()) == plain, article["path"]
        body_start = soup.select_one("article.article .article-body").get_text()
        assert not normalize(body_start).startswith(plain)


def expected_credit(meta):
    if meta.get("credit"):
        return "override", meta["credit"]
    author, photographer = meta.get("author"), meta.get("photographer")
    if author and photographer and author == photographer:
        return "same", f"Tin, ảnh: {author}"
    if author and photographer:
        return "both", f"Tin: {author} – Ảnh: {photographer}"
    return "author", author


def test_credit_line_for_every_case(site):
    seen = set()
    for article in ARTICLES:
        case, text = expected_credit(article["meta"])
        seen.add(case)
        credit = page_of(site, article).select_one("article.article p.credit")
        assert normalize(credit.get_text()) == normalize(text), article["path"]
    assert seen == {"override", "same", "both", "author"}


def organization_slugs(article):
    """Registry slugs of an article (names resolved by the test; inference as the plugin's)."""
    names = article["meta"].get("organizations") or []
    if names:
        return {SLUGS[fold(name)] for name in names}
    return {o.slug for o in REGISTRY.infer(article["meta"]["title"])}


def relevance(article, other):
    if organization_slugs(article) & organization_slugs(other):
        return 0
    return 1 if article["meta"]["category"] == other["meta"]["category"] else 2


def test_other_news_prefers_organization_then_category_then_date(site):
    by_name = {normalize(a["meta"]["title"]): a for a in ARTICLES}
    count = SETTINGS["OTHER_NEWS_COUNT"]
    pages = by_title(site)
    for article in ARTICLES:
        relative, soup = pages[normalize(article["meta"]["title"])][0]
        section = soup.select_one("section.other-news")
        assert normalize(section.h2.get_text()) == "Thông tin khác"
        items = section.select("li")
        assert len(items) == count
        got = []
        for item in items:
            link = item.a
            target = site.soup(resolve(relative, link["href"]))
            other = by_name[normalize(target.select_one("article.article h1").get_text())]
            assert other is not article
            got.append((relevance(article, other), abs(other["date"] - article["date"])))
            assert item.time.get_text() == f"({other['date']:%d/%m/%Y})"
        expected = sorted(
            (relevance(article, o), abs(o["date"] - article["date"])) for o in ARTICLES if o is not article
        )
        # Chosen by relevance, shown newest first.
        assert sorted(got) == expected[:count], article["path"]
        shown = [item.time["datetime"] for item in items]
        assert shown == sorted(shown, reverse=True), article["path"]


def resolve(page, href):
    """Output path of a relative link found on the page at ``page``."""
    parts = page.split("/")[:-1]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def test_other_news_titles_are_cut_at_a_word(site):
    long_titles = [a for a in ARTICLES if len(a["meta"]["title"]) > 90]
    assert long_titles, "the sample has long titles"
    seen_cut = 0
    for soup in site.article_pages().values():
        for link in soup.select("section.other-news li a"):
            text = normalize(link.get_text())
            full = next(
                (
                    normalize(a["meta"]["title"])
                    for a in long_titles
                    if text.endswith("...") and normalize(a["meta"]["title"]).startswith(text[:-3])
                ),
                None,
            )
            if full is None:
                assert len(text) <= 90
                continue
            seen_cut += 1
            kept = text[:-3]
            assert len(kept) <= 90
            assert full[len(kept)] == " "
    assert seen_cut > 0


def test_site_links_block(site):
    nav = site.soup("index.html").select_one("nav.site-links")
    assert normalize(nav.h2.get_text()) == "Liên kết website"
    hrefs = [a["href"] for a in nav.select("a")]
    assert hrefs == [link["url"] for link in SETTINGS["SITE_LINKS"]]
    article_page = next(iter(site.article_pages().values()))
    assert article_page.select_one("nav.site-links")


@pytest.mark.parametrize("relative", ["index.html", "chuyen-muc/kinh-te/index.html", "trang/gioi-thieu.html"])
def test_pages_are_vietnamese_portal_pages(site, relative):
    soup = site.soup(relative)
    assert soup.html["lang"] == "vi"
    assert soup.select_one("header .commune-name").get_text(strip=True) == SETTINGS["COMMUNE_NAME"]
    assert "Cơ quan chủ quản" in soup.select_one("header").get_text()
    menu = [normalize(a.get_text()) for a in soup.select("nav.main-menu a")]
    assert menu[0] == "Trang chủ"
    for category in SETTINGS["SITE_CATEGORIES"]:
        assert category in menu
    footer = soup.select_one("footer").get_text()
    for key in ("address", "phone", "email"):
        assert SETTINGS["SITE_CONTACT"][key] in footer
    assert soup.select_one("a.skip-link")["href"] == "#noi-dung"
    assert soup.select_one("main#noi-dung")


def test_article_breadcrumb(site):
    article = ARTICLES[0]
    crumbs = [normalize(li.get_text()) for li in page_of(site, article).select("nav.breadcrumb li")]
    assert crumbs[0] == "Trang chủ"
    assert crumbs[1] == article["meta"]["category"]
    assert len(crumbs) == 3


def test_home_pagination_lists_every_article_once(site):
    titles = []
    relative = "index.html"
    pages = 0
    while relative:
        soup = site.soup(relative)
        pages += 1
        titles += [normalize(a.get_text()) for a in soup.select(".article-list .teaser-title a")]
        next_link = soup.select_one('.pagination a[rel="next"]')
        if pages > 1:
            assert soup.select_one('.pagination a[rel="prev"]').get_text().endswith("Trang trước")
        if next_link:
            assert "Trang sau" in next_link.get_text()
        relative = resolve(relative, next_link["href"]) + "/index.html" if next_link else None
    assert pages > 1
    assert sorted(titles) == sorted(normalize(a["meta"]["title"]) for a in ARTICLES)


def test_photos_have_captions_in_figures(site):
    figures = 0
    for soup in site.article_pages().values():
        for figure in soup.select("article.article figure"):
            figures += 1
            assert figure.img["alt"].strip()
            assert figure.figcaption.get_text(strip=True)
    assert figures >= 10


def test_nothing_is_loaded_from_outside(site):
    for relative in site.html_files():
        soup = site.soup(relative)
        for tag in soup.select("link[href], script[src], img[src]"):
            url = tag.get("href") or tag.get("src")
            if tag.name == "link" and tag.get("rel") == ["alternate"]:
                continue
            assert not re.match(r"^(https?:)?//", url), (relative, url)


def test_only_drafts_say_they_are_previews(site):
    drafts = list((site.output / "ban-nhap").glob("*.html"))
    assert drafts, "the sample has a draft, shown by the development build"
    for draft in drafts:
        assert "Bản xem trước — chưa đăng" in draft.read_text(encoding="utf-8")
    published = next((site.output / "bai-viet").rglob("*.html"))
    assert "preview-banner" not in published.read_text(encoding="utf-8")
