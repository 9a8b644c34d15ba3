"""Organization topic pages, feeds, matching and inference."""

import logging
import posixpath
import textwrap

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, build_site, normalize, registry_slugs, run_pelican, sample_articles

from trangxa.lib.text import fold
from trangxa.organizations.registry import build_registry, load_registry

SETTINGS = {"ORGANIZATION_URL": "to-chuc/{slug}/", "ORGANIZATION_SAVE_AS": "to-chuc/{slug}/index.html"}
REGISTRY = load_registry(CONTENT / "organizations.yml", SETTINGS)
ARTICLES = sample_articles()
SLUGS = registry_slugs()


@pytest.mark.parametrize(
    ("written", "slug"),
    [
        ("hoi-nong-dan", "hoi-nong-dan"),
        ("Hội Nông dân", "hoi-nong-dan"),
        ("hoi nong dan", "hoi-nong-dan"),
        ("HỘI NÔNG DÂN", "hoi-nong-dan"),
        ("MTTQ", "mttq"),
        ("Mặt trận", "mttq"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa", "mttq"),
        ("Hội Phụ nữ", "hoi-lhpn"),
        ("doan tncs ho chi minh", "doan-thanh-nien"),
        ("UBND", "ubnd"),
    ],
)
def test_names_aliases_any_case_with_or_without_diacritics(written, slug):
    assert REGISTRY.match(written).slug == slug


def test_unknown_name_gets_close_suggestions():
    assert REGISTRY.match("Hoi nong dn") is None
    assert REGISTRY.suggestions("Hoi nong dn")[0] == "Hội Nông dân"


def test_registry_problems_say_what_is_wrong():
    """Entries given as data (no file): the problems have no line; with a file they do
    (tests/test_contacts.py checks the lines)."""
    entries = [
        {"slug": "a", "name": "Tổ chức A", "aliases": ["Chung"]},
        {"slug": "a", "name": "Tổ chức B"},
        {"slug": "c", "name": "Tổ chức C", "aliases": ["chung"]},
        {"name": "Thiếu slug"},
        {"slug": "d", "name": "D", "autor": "x"},
    ]
    problems = build_registry(entries, SETTINGS).problems
    assert all(line is None for line, _ in problems)
    text = " | ".join(message for _, message in problems)
    assert "Slug “a” đã dùng cho tổ chức “Tổ chức A”" in text
    assert "Bí danh “chung” đã dùng cho tổ chức “Tổ chức A”" in text
    assert "Mục này thiếu slug" in text
    assert "Trường “autor” không được hỗ trợ" in text


@pytest.mark.parametrize(
    ("title", "slugs"),
    [
        ("Đảng ủy phường Tân Quy Đông: tổ chức hội nghị sơ kết", ["dang-uy"]),
        ("Hội Nông dân xã Tân Hòa tập huấn kỹ thuật", ["hoi-nong-dan"]),
        ("UBND xã phối hợp Hội LHPN ra quân dọn vệ sinh", ["ubnd", "hoi-lhpn"]),
        ("Nông dân thu hoạch lúa hè thu", []),
    ],
)
def test_inference_from_titles(title, slugs):
    assert [o.slug for o in REGISTRY.infer(title)] == slugs


def expected_members():
    """slug -> source titles naming it, read from the front matter by the test."""
    members = {}
    for article in ARTICLES:
        names = article["meta"].get("organizations") or []
        slugs = [SLUGS[fold(n)] for n in names] or [o.slug for o in REGISTRY.infer(article["meta"]["title"])]
        for slug in dict.fromkeys(slugs):
            members.setdefault(slug, []).append(article)
    return members


def listed(site, slug):
    """Titles and dates listed on an organization's pages, following pagination."""
    titles, relative = [], f"to-chuc/{slug}/index.html"
    while relative:
        soup = site.soup(relative)
        titles += [normalize(a.get_text()) for a in soup.select(".article-list .teaser-title a")]
        nxt = soup.select_one('.pagination a[rel="next"]')
        relative = follow(relative, nxt["href"]) if nxt else None
    return titles


def follow(relative, href):
    """The output file a relative link of the page ``relative`` points to."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), href))
    return f"{target}/index.html" if href.endswith("/") else target


def test_each_organization_lists_exactly_its_articles_newest_first(site):
    members = expected_members()
    assert len(members) >= 8
    for organization in REGISTRY.organizations:
        expected = sorted(members.get(organization.slug, []), key=lambda a: a["date"], reverse=True)
        assert listed(site, organization.slug) == [normalize(a["meta"]["title"]) for a in expected]


def test_paginated_organization_uses_vietnamese_labels(tmp_path):
    pagination = {"index": None, "category": None, "tag": None, "organization": 4}
    build_site(tmp_path, PAGINATED_TEMPLATES=pagination)
    members = expected_members()
    slug = max(members, key=lambda s: len(members[s]))
    assert len(members[slug]) >= 8, "one organization spans two pages"
    first = BeautifulSoup((tmp_path / f"to-chuc/{slug}/index.html").read_text("utf-8"), "html.parser")
    older = first.select_one('.pagination a[rel="next"]')
    assert "Trang sau" in older.get_text()
    second_path = follow(f"to-chuc/{slug}/index.html", older["href"])
    assert second_path.startswith(f"to-chuc/{slug}/trang-")
    second = BeautifulSoup((tmp_path / second_path).read_text("utf-8"), "html.parser")
    assert "Trang trước" in second.select_one('.pagination a[rel="prev"]').get_text()
    # Archive pages are named by the dates of their articles, not by their number (from the oldest).
    days = sorted(time["datetime"][:10] for time in second.select(".article-list time"))
    oldest, newest = ("/".join(reversed(day.split("-"))) for day in (days[0], days[-1]))
    assert f" – tin từ {oldest} đến {newest} – " in second.title.get_text()


def test_overview_groups_counts_and_latest(site):
    soup = site.soup("to-chuc/index.html")
    groups = [normalize(h.get_text()) for h in soup.select(".organization-group h2")]
    assert groups == ["Đảng", "Chính quyền", "Mặt trận và các đoàn thể"]
    members = expected_members()
    total = 0
    cards = soup.select(".organization-card")
    assert [card.h3.a["href"].rstrip("/").split("/")[-1] for card in cards] == [
        o.slug for o in REGISTRY.organizations if not o.parent
    ]
    for card in cards:
        slug = card.h3.a["href"].rstrip("/").split("/")[-1]
        count = int(card.select_one(".count").get_text().split()[0])
        assert count == len(members.get(slug, []))
        total += count
        if count:
            latest = max(members[slug], key=lambda a: a["date"])
            assert normalize(latest["meta"]["title"]).startswith(
                normalize(card.select_one(".organization-stats a").get_text()).removesuffix("...")
            )
        # Departments and member organizations: one line each inside their parent's card,
        # a count only when they have articles (no "0 bài viết" noise).
        children = card.select(".organization-children > li")
        expected_children = [o.slug for o in REGISTRY.organizations if o.parent == slug]
        assert [li.a["href"].rstrip("/").split("/")[-1] for li in children] == expected_children
        for li in children:
            child = li.a["href"].rstrip("/").split("/")[-1]
            shown = li.select_one(".child-count")
            count = int(shown.get_text().strip("()").split()[0]) if shown else 0
            assert count == len(members.get(child, []))
            total += len(members.get(child, []))
    assert total == sum(len(v) for v in members.values())


def test_a_department_page_names_its_parent_head_and_officials(site):
    soup = site.soup("to-chuc/phong-kinh-te/index.html")
    parent = soup.select_one(".organization-parent a")
    assert parent.get_text() == "Ủy ban nhân dân xã Tân Hòa" and parent["href"].endswith("to-chuc/ubnd/")
    contact = soup.select_one("dl.contact")
    assert "Lâm Văn Thịnh, Trưởng phòng Kinh tế" in contact.get_text()
    duties = [normalize(li.get_text()) for li in soup.select(".organization-more .org-functions li")]
    assert duties[0].startswith("Tham mưu quản lý nhà nước")
    units = site.soup("to-chuc/ubnd/index.html").select(".organization-more .organization-children a")
    assert [a["href"].rstrip("/").split("/")[-1] for a in units] == [
        o.slug for o in REGISTRY.organizations if o.parent == "ubnd"
    ]


def test_organization_without_articles_says_so(site):
    members = expected_members()
    empty = [o for o in REGISTRY.organizations if o.slug not in members]
    assert empty
    soup = site.soup(f"to-chuc/{empty[0].slug}/index.html")
    assert "Chưa có bài viết" in soup.select_one(".empty").get_text()


def test_page_has_breadcrumb_contact_and_description(site):
    soup = site.soup("to-chuc/mttq/index.html")
    crumbs = [normalize(li.get_text()) for li in soup.select("nav.breadcrumb li")]
    assert crumbs == ["Trang chủ", "Tổ chức", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa"]
    assert "0274 3812 306" in soup.select_one("dl.contact").get_text()


def test_article_links_its_organizations(site):
    for article in ARTICLES:
        names = article["meta"].get("organizations")
        if not names:
            continue
        page = next(
            s
            for s in site.article_pages().values()
            if normalize(s.h1.get_text()) == normalize(article["meta"]["title"])
        )
        hrefs = [a["href"].rstrip("/").split("/")[-1] for a in page.select(".article-organizations a")]
        assert hrefs == list(dict.fromkeys(SLUGS[fold(n)] for n in names))


def test_feeds_per_organization(published):
    members = expected_members()
    soup = published.soup("to-chuc/hoi-nong-dan/index.html")
    alternates = {link["type"]: link["href"] for link in soup.select('link[rel="alternate"]')}
    atom = alternates["application/atom+xml"]
    assert atom.endswith("/feeds/to-chuc/hoi-nong-dan.atom.xml")
    for organization in REGISTRY.organizations:
        expected = sorted(members.get(organization.slug, []), key=lambda a: a["date"], reverse=True)[:20]
        for kind in ("atom", "rss"):
            feed_file = published.output / f"feeds/to-chuc/{organization.slug}.{kind}.xml"
            feed = feedparser.parse(feed_file.read_bytes())
            assert feed.bozo == 0, (feed_file, feed.get("bozo_exception"))
            assert [normalize(e.title) for e in feed.entries] == [
                normalize(a["meta"]["title"]) for a in expected
            ]


def write_article(folder, name, front):
    (folder / "bai-viet").mkdir(parents=True, exist_ok=True)
    (folder / "bai-viet" / name).write_text(textwrap.dedent(front), encoding="utf-8")


@pytest.fixture
def small_site(tmp_path):
    content = tmp_path / "content"
    write_article(
        content,
        "ccb.md",
        """\
        Title: Hội Cựu chiến binh xã tổ chức hội thao
        Date: 02/09/2025
        Author: Nguyễn Thu
        Category: Tin tức – Sự kiện

        Sáng 2/9, hội thao diễn ra sôi nổi.
        """,
    )
    write_article(
        content,
        "sai.md",
        """\
        Title: Tập huấn kỹ thuật nuôi bò
        Date: 03/09/2025
        Author: Nguyễn Thu
        Category: Kinh tế
        Organizations: UBND, Hoi nong dn

        Sáng 3/9, lớp tập huấn khai giảng.
        """,
    )
    return content


def test_inference_on_and_off(small_site, tmp_path):
    on = tmp_path / "on"
    notices = build_site(on, content=small_site, log_level=logging.INFO, CONTENT_CHECKS_NOTICES=True)
    assert any("tự gắn vào Hội Cựu chiến binh" in w.getMessage() for w in notices)
    assert "hội thao" in (on / "to-chuc/hoi-cuu-chien-binh/index.html").read_text(encoding="utf-8")
    off = tmp_path / "off"
    build_site(off, content=small_site, ORGANIZATIONS_INFER=False)
    assert "hội thao" not in (off / "to-chuc/hoi-cuu-chien-binh/index.html").read_text(encoding="utf-8")


def test_unknown_organization_is_reported_and_article_kept(small_site, tmp_path):
    output = tmp_path / "dev"
    warnings = build_site(output, content=small_site)
    errors = [w.getMessage() for w in warnings if w.levelname == "ERROR"]
    assert any(
        "bai-viet/sai.md:5" in e
        and "Không có tổ chức 'Hoi nong dn'" in e
        and "Có phải: Hội Nông dân?" in e
        and "tổ chức mới, thêm vào" in e  # and how to add one to the registry
        for e in errors
    ), errors
    assert (output / "bai-viet/2025/tap-huan-ky-thuat-nuoi-bo.html").is_file()
    ubnd = BeautifulSoup((output / "to-chuc/ubnd/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Tập huấn kỹ thuật nuôi bò" in [normalize(a.get_text()) for a in ubnd.select(".teaser-title a")]


def test_unknown_organization_fails_a_strict_build(small_site, tmp_path):
    result = run_pelican(
        small_site,
        tmp_path / "strict",
        "publishconf.py",
        "--fatal",
        "errors",
        "-e",
        f'ORGANIZATIONS_REGISTRY="{CONTENT / "organizations.yml"}"',
    )
    assert result.returncode != 0
    assert "Hoi nong dn" in result.stdout + result.stderr


def test_description_gets_the_articles_typography_and_stays_text():
    from markupsafe import Markup
    from pelican.settings import read_settings

    from trangxa.organizations.registry import description_html

    settings = read_settings(str(CONTENT.parent / "pelicanconf.py"))
    html = description_html("Phong trào \"Tuổi cao -- gương sáng\" của <b>hội</b> & 'chi hội'", settings)
    assert isinstance(html, Markup)  # printed as it is by the templates
    text = BeautifulSoup(str(html), "html.parser").get_text()
    assert text == "Phong trào “Tuổi cao – gương sáng” của <b>hội</b> & ‘chi\u00a0hội’"  # markup stays text
    assert "<b>" not in html
    plain = {**settings, "FRONT_MATTER_TYPOGRIFY": False, "TYPOGRIFY": False}
    assert description_html('Phong trào "A" & <b>', plain) == 'Phong trào "A" &amp; &lt;b&gt;'
    assert description_html(None, settings) == ""


def test_pages_show_descriptions_with_curly_quotes(site):
    quoted = [o for o in REGISTRY.organizations if '"' in str(o.description) or "“" in str(o.description)]
    assert quoted, "the sample registry has descriptions with quotes"
    for organization in quoted:
        soup = site.soup(f"to-chuc/{organization.slug}/index.html")
        shown = soup.select_one(".organization-info p").get_text()
        assert '"' not in shown and "“" in shown and "”" in shown, shown
        description = soup.select_one('meta[name="description"]')["content"]
        assert '"' not in description and "“" in description and "<" not in description
        assert normalize(description) == normalize(shown)
    cards = site.soup("to-chuc/index.html").select(".organization-card p:not(.organization-stats)")
    assert any("“" in card.get_text() for card in cards)
    assert not any('"' in card.get_text() for card in cards)
