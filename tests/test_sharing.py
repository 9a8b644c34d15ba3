"""Sitemap, robots.txt, canonical links, Open Graph, Twitter cards and JSON-LD."""

import json
import xml.etree.ElementTree as ET

from conftest import SUBPATH_SITEURL, normalize, sample_articles

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NOT_INDEXED = {"404.html", "tim-kiem/index.html"}


def page_url(relative):
    return f"{SUBPATH_SITEURL}/{relative.removesuffix('index.html')}"


def test_sitemap_lists_exactly_the_pages_meant_for_indexing(published):
    tree = ET.parse(published.output / "sitemap.xml")
    listed = [url.findtext(f"{SITEMAP}loc") for url in tree.getroot().iter(f"{SITEMAP}url")]
    assert len(listed) == len(set(listed))
    built = {page_url(p) for p in published.html_files() if p not in NOT_INDEXED}
    assert set(listed) == built
    for url in tree.getroot().iter(f"{SITEMAP}url"):
        assert url.findtext(f"{SITEMAP}lastmod")


def test_robots_points_to_the_sitemap(published):
    robots = (published.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SUBPATH_SITEURL}/sitemap.xml" in robots.splitlines()


def test_not_indexed_pages_say_so(published):
    assert published.soup("tim-kiem/index.html").select_one('meta[name="robots"]')["content"] == "noindex"


def test_every_article_has_sharing_tags_and_json_ld(published):
    articles = {normalize(a["meta"]["title"]): a for a in sample_articles()}
    seen = 0
    for relative, soup in published.article_pages().items():
        article = articles[normalize(soup.h1.get_text())]
        seen += 1
        url = page_url(relative)
        meta = {
            tag.get("property") or tag.get("name"): tag["content"] for tag in soup.select("meta[content]")
        }
        assert soup.select_one('link[rel="canonical"]')["href"] == url
        assert meta["og:url"] == url
        assert meta["og:locale"] == "vi_VN"
        assert meta["og:type"] == "article"
        assert normalize(meta["og:title"]) == normalize(article["meta"]["title"])
        assert meta["description"] and meta["og:description"] and meta["twitter:description"]
        assert normalize(soup.select_one("p.lead").get_text()).startswith(
            normalize(meta["og:description"])[:60]
        )
        image = article["meta"].get("image")
        expected_image = (
            f"{SUBPATH_SITEURL}/{image}" if image else f"{SUBPATH_SITEURL}/theme/img/og-default.png"
        )
        assert meta["og:image"] == meta["twitter:image"] == expected_image
        assert meta["twitter:card"] == "summary_large_image"

        data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        assert data["@type"] == "NewsArticle"
        assert normalize(data["headline"]) == normalize(article["meta"]["title"])[:110]
        assert data["datePublished"] == article["date"].strftime("%Y-%m-%dT%H:%M:%S+07:00")
        assert data["dateModified"]
        assert data["author"][0]["name"] == article["meta"]["author"]
        assert data["image"] == [expected_image]
        assert data["publisher"]["name"] == "Ủy ban nhân dân xã Tân Hòa"
        assert data["mainEntityOfPage"] == url
    assert seen == len(articles)


def test_list_pages_have_canonical_and_open_graph(published):
    for relative in (
        "index.html",
        "chuyen-muc/kinh-te/index.html",
        "to-chuc/mttq/index.html",
        "trang/gioi-thieu.html",
    ):
        soup = published.soup(relative)
        assert soup.select_one('link[rel="canonical"]')["href"] == page_url(relative)
        assert soup.select_one('meta[property="og:title"]')["content"]
