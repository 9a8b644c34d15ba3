"""English versions of the introduction, structure and contacts pages (Decree 42/2022/NĐ-CP,
Art. 7): Pelican translations, language attributes, alternates both ways, English labels."""

import gzip
import json
import posixpath

import pytest
import yaml
from conftest import CONTENT, SUBPATH_SITEURL, normalize

ENTRIES = yaml.safe_load((CONTENT / "organizations.yml").read_text(encoding="utf-8"))
SLUGS = ["gioi-thieu", "co-cau-to-chuc", "lien-he"]


def vi(slug):
    return f"trang/{slug}.html"


def en(slug):
    return f"en/{slug}.html"


def target(relative, href):
    """The output file a relative link of the page ``relative`` points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(relative), href))


@pytest.mark.parametrize("slug", SLUGS)
def test_both_versions_say_their_language_and_name_each_other(published, slug):
    versions = {"vi": vi(slug), "en": en(slug)}
    for lang, relative in versions.items():
        soup = published.soup(relative)
        assert soup.html["lang"] == lang
        links = soup.select('link[rel="alternate"][hreflang]')
        alternates = {link["hreflang"]: link["href"] for link in links}
        assert alternates == {
            "vi": f"{SUBPATH_SITEURL}/{versions['vi']}",
            "en": f"{SUBPATH_SITEURL}/{versions['en']}",
            "x-default": f"{SUBPATH_SITEURL}/{versions['vi']}",
        }
        assert soup.select_one('link[rel="canonical"]')["href"] == f"{SUBPATH_SITEURL}/{relative}"
        locale = soup.select_one('meta[property="og:locale"]')["content"]
        assert locale == {"vi": "vi_VN", "en": "en_GB"}[lang]


@pytest.mark.parametrize("slug", SLUGS)
def test_a_visible_link_leads_to_the_other_language_and_back(site, slug):
    ways = ((vi(slug), en(slug), "English", "en"), (en(slug), vi(slug), "Tiếng Việt", "vi"))
    for here, there, text, lang in ways:
        links = site.soup(here).select("main nav.language-switch a")
        assert [(a.get_text(), a["hreflang"], a["lang"]) for a in links] == [(text, lang, lang)]
        assert target(here, links[0]["href"]) == there
        assert (site.output / there).is_file()


def test_english_pages_have_english_navigation(site):
    soup = site.soup(en("lien-he"))
    assert soup.select_one("a.skip-link").get_text() == "Skip to main content"
    menu = soup.select_one("nav.main-menu")
    assert menu["aria-label"] == "Main menu"
    items = [(normalize(a.get_text()), target(en("lien-he"), a["href"])) for a in menu.select("a")]
    english_titles = [normalize(site.soup(en(slug)).h1.get_text()) for slug in SLUGS]
    assert items == [("Home", "."), *zip(english_titles, [en(slug) for slug in SLUGS], strict=True)]
    assert menu.select_one('a[aria-current="page"]').get_text() == "Contacts"
    crumbs = soup.select_one("nav.breadcrumb")
    assert crumbs["aria-label"] == "Breadcrumb"
    assert [normalize(li.get_text()) for li in crumbs.select("li")] == ["Home", "Contacts"]
    footer = [dt.get_text() for dt in soup.select("footer dt")]
    assert footer[:3] == ["Governing body", "Editor-in-chief", "Address"] and "Phone" in footer
    assert soup.title.get_text().endswith("– Electronic information page of Tân Hòa Commune")
    # What stays Vietnamese (the search of the Vietnamese pages, the links, the counter) says so.
    for selector in ("form.site-search", "nav.site-links", "aside.visitor-counter"):
        assert soup.select_one(selector)["lang"] == "vi", selector


def test_vietnamese_pages_keep_the_vietnamese_menu(site):
    """MENU_PAGES lists the Vietnamese pages only; no Vietnamese page's menu leads to en/."""
    for relative in ["index.html", vi("lien-he"), vi("gioi-thieu"), "to-chuc/index.html"]:
        soup = site.soup(relative)
        assert soup.html["lang"] == "vi"
        menu = soup.select_one("nav.main-menu")
        assert menu["aria-label"] == "Menu chính"
        hrefs = [target(relative, a["href"]) for a in menu.select("a")]
        assert not [h for h in hrefs if h.startswith("en/")]
        assert {vi(slug) for slug in SLUGS} <= set(hrefs)
        assert soup.select_one("a.skip-link").get_text() == "Chuyển đến nội dung chính"
        assert [dt.get_text() for dt in soup.select("footer dt")][0] == "Cơ quan chủ quản"
    assert not site.soup("index.html").select("nav.language-switch"), "only pages with a translation"


def test_english_structure_and_contacts_use_the_registry_english_fields(site):
    structure = site.soup(en("co-cau-to-chuc"))
    names = [normalize(a.get_text()) for a in structure.select("ul.org-tree a")]
    assert sorted(names) == sorted(normalize(e["name_en"]) for e in ENTRIES)
    assert structure.select_one("#so-do-to-chuc").get_text() == "Organization chart"
    contacts = site.soup(en("lien-he"))
    for entry in ENTRIES:
        section = contacts.select_one(f"#lien-he-{entry['slug']}")
        assert normalize(entry["name_en"]) in normalize(section.select_one(".org-name").get_text())
        contact = normalize(section.select_one("dl.org-contact").get_text())
        assert normalize(entry["contact"]["address_en"]) in contact
        positions = [normalize(p.get_text()) for p in section.select(".official-position")]
        for official in entry["officials"]:
            assert normalize(official["position_en"]) in positions
        assert not section.select("[lang]"), "no Vietnamese left on the English page"
    # The topic pages (news, documents) are in Vietnamese: the link says so.
    topic = structure.select_one("#to-chuc-ubnd .org-topic a")
    assert topic["hreflang"] == "vi" and "(in Vietnamese)" in topic.get_text()


def test_english_pages_are_listed_not_indexed_and_checked(published):
    """In the sitemap with their alternates; not in the Vietnamese search (Pagefind's index is
    Vietnamese: stemming, diacritics, the search page's words); no content problem."""
    sitemap = (published.output / "sitemap.xml").read_text("utf-8")
    for slug in SLUGS:
        assert f"<loc>{SUBPATH_SITEURL}/{en(slug)}</loc>" in sitemap
        # Each language version names the other with href (pelican-sitemap 1.2.2 writes "ref":
        # trangxa.sitemap_alternates), as an absolute address.
        for lang, path in (("en", en(slug)), ("vi", vi(slug))):
            link = f'<xhtml:link rel="alternate" hreflang="{lang}" href="{SUBPATH_SITEURL}/{path}"/>'
            assert link in sitemap, link
    assert " ref=" not in sitemap
    indexed = set()
    for fragment in (published.output / "pagefind").rglob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        indexed.add(json.loads(data)["url"])
    assert any(url.endswith(vi("co-cau-to-chuc")) for url in indexed)
    assert not [url for url in indexed if "/en/" in url]
    messages = [r.getMessage() for r in published.warnings]
    assert not [m for m in messages if ".en.md" in m or "/en/" in m], messages
