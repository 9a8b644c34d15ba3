"""Dịch vụ công: the page and the home box list exactly the configured links; a wrong entry
of the settings is one Vietnamese line naming the setting and the entry, left off the pages,
and a strict build fails."""

import logging

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, numbered
from pelican.settings import read_settings

from trangxa.public_services import check_settings

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))


def soup(output, relative):
    return BeautifulSoup((output / relative).read_text(encoding="utf-8"), "html.parser")


def test_the_page_lists_exactly_the_configured_portals_and_procedures(site):
    page = soup(site.output, "dich-vu-cong/index.html")
    portals = [(a.get_text(), a["href"]) for a in page.select("ul.service-portals a")]
    assert portals == [(p["name"], p["url"]) for p in SETTINGS["PUBLIC_SERVICE_PORTALS"]]
    services = [(a.get_text(), a["href"]) for a in page.select("ul.service-list a")]
    configured = SETTINGS["PUBLIC_SERVICES"]
    fields = list(dict.fromkeys(s["field"] for s in configured))
    by_field = [(s["name"], s["url"]) for field in fields for s in configured if s["field"] == field]
    assert services == by_field
    assert [h.get_text() for h in page.select("h3.service-field")] == fields
    office = SETTINGS["PUBLIC_SERVICE_OFFICE"]
    assert page.select_one(".service-office-name").get_text() == office["name"]
    assert office["hours"] in page.get_text()
    external = {a["href"] for a in page.select("main a[href^='http']")}
    assert external == {url for _, url in portals + services}
    assert page.h1.get_text() == "Thủ tục hành chính, dịch vụ công"
    crumbs = [li.get_text(strip=True) for li in page.select("nav.breadcrumb li")]
    assert crumbs == ["Trang chủ", "Dịch vụ công"]
    current = page.select_one("nav.main-menu a[aria-current]")
    assert current.get_text() == "Dịch vụ công"


def test_the_home_box_links_the_portals_and_the_page(site):
    home = soup(site.output, "index.html")
    box = home.select_one("section.services-box")
    links = [(a.get_text(), a["href"]) for a in box.select("a")]
    portals = [(p["name"], p["url"]) for p in SETTINGS["PUBLIC_SERVICE_PORTALS"]]
    assert links[:-1] == portals
    assert links[-1][0] == "Thủ tục hành chính của xã"
    assert (site.output / links[-1][1] / "index.html").is_file()
    menu = {a.get_text(): a["href"] for a in home.select("nav.main-menu a")}
    assert (site.output / menu["Dịch vụ công"] / "index.html").is_file()


BAD = [
    {"name": "Đăng ký khai sinh", "url": "https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.001193"},
    {"name": "Đăng ký kết hôn", "url": "https://dichvucong.gov.vn/x", "field": "Hộ tịch"},
    {"name": "Chứng thực bản sao", "url": "http://dichvucong.binhnguyen.gov.vn/chung-thuc"},
    {"name": "Đăng ký tạm trú", "url": "https:///tam-tru"},
    {"name": "Cấp phép xây dựng", "url": "https://xay dung.gov.vn"},
    {"name": "Khai tử", "link": "https://dichvucong.gov.vn"},
    "https://dichvucong.gov.vn",
]


def test_each_bad_entry_is_one_line_naming_the_setting_and_the_entry():
    shown, errors = check_settings({**SETTINGS, "PUBLIC_SERVICES": BAD})
    assert numbered(errors) == [
        "pelicanconf.py:N: PUBLIC_SERVICES[2] (“Chứng thực bản sao”): địa chỉ "
        "“http://dichvucong.binhnguyen.gov.vn/chung-thuc” phải bắt đầu bằng https://",
        "pelicanconf.py:N: PUBLIC_SERVICES[3] (“Đăng ký tạm trú”): địa chỉ “https:///tam-tru” thiếu tên miền",
        "pelicanconf.py:N: PUBLIC_SERVICES[4] (“Cấp phép xây dựng”): "
        "địa chỉ “https://xay dung.gov.vn” có khoảng trắng",
        "pelicanconf.py:N: PUBLIC_SERVICES[5] (“Khai tử”): "
        "khóa “link” không dùng được; chỉ dùng name, url, field, place",
        "pelicanconf.py:N: PUBLIC_SERVICES[5] (“Khai tử”): thiếu địa chỉ (url)",
        'pelicanconf.py:N: PUBLIC_SERVICES[6]: phải là một mục dạng {"name": …, "url": …}',
    ]
    assert [s["name"] for s in shown["services"]] == ["Đăng ký khai sinh", "Đăng ký kết hôn"]
    assert [field for field, _ in shown["fields"]] == ["Lĩnh vực khác", "Hộ tịch"]


def test_portals_and_office_are_checked_too():
    _, errors = check_settings(
        {
            **SETTINGS,
            "PUBLIC_SERVICE_PORTALS": [{"name": "Cổng tỉnh", "url": "dichvucong.binhnguyen.gov.vn"}],
            "PUBLIC_SERVICE_OFFICE": {"name": "Trung tâm", "url": "ftp://a.vn", "phone": 2743812346},
            "PUBLIC_SERVICES": {"name": "not a list"},
        }
    )
    assert numbered(errors) == [
        "pelicanconf.py:N: PUBLIC_SERVICE_PORTALS[0] (“Cổng tỉnh”): địa chỉ “dichvucong.binhnguyen.gov.vn” "
        "phải bắt đầu bằng https://",
        "pelicanconf.py:N: PUBLIC_SERVICES phải là một danh sách [{…}, {…}]",
        "pelicanconf.py:N: PUBLIC_SERVICE_OFFICE (“Trung tâm”): địa chỉ “ftp://a.vn” phải bắt đầu bằng https://",
        "pelicanconf.py:N: PUBLIC_SERVICE_OFFICE (“Trung tâm”): phone phải là một đoạn chữ",
    ]


@pytest.fixture
def small_content(tmp_path):
    content = tmp_path / "content"
    (content / "bai-viet").mkdir(parents=True)
    return content


def test_a_bad_entry_is_logged_and_left_off_the_pages(tmp_path, small_content):
    output = tmp_path / "out"
    records = build_site(output, small_content, PUBLIC_SERVICES=BAD[:3], SEARCH_INDEX=False)
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    assert numbered(errors) == [
        "pelicanconf.py:N: PUBLIC_SERVICES[2] (“Chứng thực bản sao”): địa chỉ "
        "“http://dichvucong.binhnguyen.gov.vn/chung-thuc” phải bắt đầu bằng https://"
    ]
    page = soup(output, "dich-vu-cong/index.html")
    assert [a.get_text() for a in page.select("ul.service-list a")] == [
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
    ]
    assert "http://" not in str(page.select_one("main"))


def test_a_strict_build_fails_on_a_bad_entry(tmp_path, small_content):
    def strict_build(services):
        return build_site(
            tmp_path / "out", small_content, settings_file="publishconf.py", PUBLIC_SERVICES=services,
            SEARCH_INDEX=False, SITEURL="https://example.gov.vn", FEED_DOMAIN="https://example.gov.vn",
        )  # fmt: skip

    strict_build(BAD[:2])  # the same build with good entries passes
    with pytest.raises(Exception, match="Bản dựng nghiêm ngặt dừng lại") as raised:
        strict_build(BAD[:3])
    assert getattr(raised.value, "expected_failure", False)
