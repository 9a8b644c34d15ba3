"""Issue 20 (Decree 42/2022/NĐ-CP, Art. 7): the footer says who answers for the site on every
page, and "Liên kết website" lists the central, provincial and neighbouring sites in groups, each
link checked at build time (trangxa.site_settings)."""

import json
import logging
import textwrap
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, normalize, numbered, run_pelican
from pelican.settings import read_settings

from trangxa.lib.urls import https_url_problem
from trangxa.site_settings import SiteSettingsError, contact_lines, link_lines, shown_links

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
GROUPS = ["Trung ương", "Tỉnh", "Các xã lân cận"]

# --- The https:// check (trangxa.lib.urls), shared with other settings' links ----------------


@pytest.mark.parametrize(
    "url",
    [
        "https://chinhphu.vn",
        "https://xaphuochoa.binhnguyen.gov.vn/",
        "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?a=1#b",
        "https://tânhòa.vn",
        "https://a.gov.vn:8443/x",
    ],
)
def test_well_formed_https_urls_pass(url):
    assert https_url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://chinhphu.vn", "phải bắt đầu bằng https://"),
        ("chinhphu.vn", "phải bắt đầu bằng https://"),
        ("javascript:alert(1)", "phải bắt đầu bằng https://"),
        ("https://", "thiếu tên miền"),
        ("https:/chinhphu.vn", "thiếu tên miền"),
        ("https://localhost", "không hợp lệ"),
        ("https://chinh phu.vn", "khoảng trắng"),
        (" https://chinhphu.vn", "khoảng trắng"),
        ("https://a..vn", "không hợp lệ"),
        ("https://-a.vn", "không hợp lệ"),
        ("https://1.2.3.4", "không hợp lệ"),
        ("https://a.vn:port", "không đọc được"),
        ("https://user:pass@a.vn", "tên đăng nhập"),
        ("", "thiếu địa chỉ"),
        (None, "thiếu địa chỉ"),
    ],
)
def test_other_urls_are_refused_with_a_reason(url, words):
    assert words in https_url_problem(url)


# --- The settings' check (trangxa.site_settings) ----------------------------------------------------


def test_the_sample_settings_are_right():
    assert SETTINGS["SITE_LINK_GROUPS"] == GROUPS
    assert link_lines(SETTINGS["SITE_LINKS"], GROUPS) == []
    assert contact_lines(SETTINGS["SITE_CONTACT"], SETTINGS["GOVERNING_BODY"]) == []
    assert {link["group"] for link in SETTINGS["SITE_LINKS"]} == set(GROUPS), "every group has links"
    assert all(link["url"].startswith("https://") for link in SETTINGS["SITE_LINKS"])


BAD_LINKS = [
    {"name": "Cổng Chính phủ", "url": "https://chinhphu.vn", "group": "Trung ương"},
    {"name": "Tỉnh cũ", "url": "http://binhnguyen.gov.vn", "group": "Tỉnh"},
    {"name": "Xã Phước Hòa", "url": "https://xaphuochoa.binhnguyen.gov.vn", "group": "Xã bạn"},
    {"name": "Xã Tân Bình", "url": "https://xatanbinh.binhnguyen.gov.vn"},
    {"name": "", "url": "https://a.vn", "group": "Tỉnh"},
]


def test_each_wrong_link_is_one_line_naming_the_setting():
    assert numbered(link_lines(BAD_LINKS, GROUPS)) == [
        "pelicanconf.py:N: SITE_LINKS[1] (“Tỉnh cũ”): địa chỉ “http://binhnguyen.gov.vn” phải bắt đầu bằng https://.",
        "pelicanconf.py:N: SITE_LINKS[2] (“Xã Phước Hòa”): nhóm “Xã bạn” không có trong SITE_LINK_GROUPS "
        "(“Trung ương”, “Tỉnh”, “Các xã lân cận”).",
        "pelicanconf.py:N: SITE_LINKS[3] (“Xã Tân Bình”): thiếu nhóm (group): "
        "ghi một nhóm của SITE_LINK_GROUPS (“Trung ương”, “Tỉnh”, “Các xã lân cận”).",
        "pelicanconf.py:N: SITE_LINKS[4]: thiếu tên (name).",
    ]
    assert shown_links(BAD_LINKS, GROUPS) == BAD_LINKS[:1]


def test_contact_values_must_be_there_without_their_label():
    contact = {"responsible": "Chịu trách nhiệm chính: Ông A", "address": "Ấp Hòa Bình", "phone": " "}
    assert numbered(contact_lines(contact, "")) == [
        "pelicanconf.py:N: GOVERNING_BODY: thiếu tên cơ quan chủ quản.",
        'pelicanconf.py:N: SITE_CONTACT["responsible"]: chỉ ghi nội dung, '
        "không ghi nhãn “Chịu trách nhiệm chính” (chân trang đã có nhãn).",
        'pelicanconf.py:N: SITE_CONTACT["phone"]: thiếu (Điện thoại).',
        'pelicanconf.py:N: SITE_CONTACT["email"]: thiếu (Email).',
    ]


# --- The built site ------------------------------------------------------------------------


def test_links_are_grouped_in_the_configured_order(site):
    for relative in ["index.html", "trang/lien-he.html", "chuyen-muc/kinh-te/index.html"]:
        nav = site.soup(relative).select_one("nav.site-links")
        assert normalize(nav.h2.get_text()) == "Liên kết website"
        shown = [
            (
                normalize(heading.get_text()),
                [(normalize(a.get_text()), a["href"]) for a in heading.find_next("ul")("a")],
            )
            for heading in nav.select("h3.site-links-group")
        ]
        expected = [
            (
                group,
                [(link["name"], link["url"]) for link in SETTINGS["SITE_LINKS"] if link["group"] == group],
            )
            for group in SETTINGS["SITE_LINK_GROUPS"]
        ]
        assert shown == expected
        assert [group for group, _ in shown] == GROUPS
        assert len(nav.select("a")) == len(SETTINGS["SITE_LINKS"])


PAGE_TYPES = {
    "home": "index.html",
    "home, page 2": "trang-2/index.html",
    "article": "bai-viet/2025/dang-uy-xa-tan-hoa-to-chuc-hoi-nghi-so-ket-6-thang-dau-nam-2025.html",
    "page": "trang/lien-he.html",
    "category": "chuyen-muc/kinh-te/index.html",
    "categories": "chuyen-muc/index.html",
    "organizations": "to-chuc/index.html",
    "organization": "to-chuc/hoi-nong-dan/index.html",
    "documents": "van-ban/index.html",
    "disclosures": "cong-khai/index.html",
    "search": "tim-kiem/index.html",
    "404": "404.html",
}


def test_the_footer_says_who_answers_for_the_site_on_every_page(site):
    files = site.html_files()
    for relative in PAGE_TYPES.values():
        assert relative in files, relative
    assert any(f.startswith("chu-de/") for f in files), "a tag page"
    assert any(f.startswith("van-ban/") and f.count("/") >= 2 for f in files), "a document's page"
    contact = SETTINGS["SITE_CONTACT"]
    vietnamese = {
        "Cơ quan chủ quản": SETTINGS["GOVERNING_BODY"],
        "Chịu trách nhiệm chính": contact["responsible"],
        "Địa chỉ": contact["address"],
        "Điện thoại": contact["phone"],
        "Email": contact["email"],
    }
    checked = Counter()
    for relative in files:
        soup = site.soup(relative)
        if soup.select_one('meta[http-equiv="refresh"]'):
            continue  # an old address's redirect (trangxa.redirects), not a page of the site
        footers = [f for f in soup.select("footer") if f.parent.name == "body"]  # the contentinfo landmark
        assert len(footers) == 1, relative
        footer = footers[0]
        shown = {
            normalize(div.dt.get_text()): normalize(div.dd.get_text())
            for div in footer.select("dl.footer-contact > div")
        }
        lang = soup.html["lang"]
        if lang == "vi":
            assert normalize(footer.select_one(".footer-title").get_text()) == SETTINGS["SITENAME"]
            assert shown == vietnamese, relative
        else:  # an English page: the same facts, in English where SITE_LABELS has them
            labels = SETTINGS["SITE_LABELS"][lang]
            assert shown == {
                labels["governing_body_label"]: labels.get("governing_body") or SETTINGS["GOVERNING_BODY"],
                labels["responsible_label"]: labels.get("responsible") or contact["responsible"],
                labels["address_label"]: labels.get("address") or contact["address"],
                labels["phone_label"]: contact["phone"],
                labels["email_label"]: contact["email"],
            }, relative
        assert footer.select_one('a[href^="tel:"]')["href"] == "tel:" + contact["phone"].replace(" ", "")
        assert footer.select_one('a[href^="mailto:"]')["href"] == "mailto:" + contact["email"]
        checked[lang] += 1
    assert checked["vi"] > 100


# --- A wrong link: reported, left off the pages; a strict build stops ---------------------------

ARTICLE = """\
Title: Bài thử liên kết
Date: 02/09/2025
Author: Nguyễn Thu
Category: Thông báo

Nội dung.
"""


@pytest.fixture
def small_content(tmp_path):
    content = tmp_path / "content"
    (content / "bai-viet").mkdir(parents=True)
    (content / "bai-viet" / "bai.md").write_text(textwrap.dedent(ARTICLE), encoding="utf-8")
    return content


def test_a_wrong_link_is_reported_and_left_off(small_content, tmp_path):
    output = tmp_path / "output"
    records = build_site(output, content=small_content, SITE_LINKS=BAD_LINKS, SEARCH_INDEX=False)
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    assert set(link_lines(BAD_LINKS, GROUPS)) <= set(errors)
    soup = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in soup.select("nav.site-links a")] == ["https://chinhphu.vn"]


def test_a_strict_build_stops_on_a_wrong_link(small_content, tmp_path):
    links = [
        *SETTINGS["SITE_LINKS"][:3],
        {"name": "Xã bạn", "url": "http://xaban.vn", "group": "Các xã lân cận"},
    ]
    with pytest.raises(SiteSettingsError):
        build_site(
            tmp_path / "output", content=small_content, settings_file="publishconf.py", SITE_LINKS=links
        )
    # The real command, as `make publish` runs it: the line, then a non-zero exit.
    result = run_pelican(
        small_content, tmp_path / "cli", "publishconf.py", "-e", f"SITE_LINKS={json.dumps(links)}"
    )
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert (
        "pelicanconf.py:N: lỗi: SITE_LINKS[3] (“Xã bạn”): địa chỉ “http://xaban.vn” phải bắt đầu bằng https://."
        in numbered(log.splitlines())
    )
    assert "Bản dựng nghiêm ngặt dừng lại" in log
    assert not (tmp_path / "cli" / "index.html").exists()
