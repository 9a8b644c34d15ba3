"""Typogrify on Vietnamese text: quotes, no mangled capitals, code and attributes untouched."""

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, build_site

SOURCE = """Title: Hội nghị "Dân vận khéo" của UBND và HĐND xã năm 2025
Date: 10/05/2025 08:00
Author: Nguyễn Thu
Category: Tin tức – Sự kiện
Organizations: UBND

Ông Trần Văn Bình nói: "Phải làm tốt hơn nữa." UBND, HĐND và ĐOÀN THANH NIÊN cùng ký kết -- lần thứ 'ba'.

Xem [văn bản](https://vbpl.vn "Văn bản 'số 5' -- mới") và mã `lệnh "x" -- y`.

```
cau_hinh = "Đảng ủy" -- giữ nguyên
```
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    root = tmp_path_factory.mktemp("typography")
    (root / "content" / "bai-viet").mkdir(parents=True)
    shutil.copy(CONTENT / "organizations.yml", root / "content" / "organizations.yml")
    (root / "content" / "bai-viet" / "hoi-nghi.md").write_text(SOURCE, encoding="utf-8")
    build_site(root / "output", content=root / "content")
    html = next((root / "output" / "bai-viet").rglob("*.html")).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser"), html


def test_quotes_become_vietnamese_curly_quotes(page):
    soup, _ = page
    lead = soup.select_one("p.lead").get_text()
    assert "“Phải làm tốt hơn nữa.”" in lead
    assert "‘ba’" in lead
    assert "ký kết – lần" in lead


def test_capitals_are_left_alone(page):
    soup, html = page
    assert 'class="caps"' not in html
    lead = soup.select_one("p.lead").get_text()
    for word in ("UBND", "HĐND", "ĐOÀN THANH NIÊN"):
        assert word in lead


def test_code_and_attributes_are_untouched(page):
    soup, _ = page
    assert soup.select_one("p code").get_text() == 'lệnh "x" -- y'
    assert soup.select_one("pre").get_text().strip() == 'cau_hinh = "Đảng ủy" -- giữ nguyên'
    assert soup.select_one('a[href="https://vbpl.vn"]')["title"] == "Văn bản 'số 5' -- mới"


def test_title_has_quotes_and_no_widow(page):
    soup, _ = page
    title = soup.select_one("h1").get_text()
    assert title.startswith("Hội nghị “Dân vận khéo” của UBND và HĐND xã")
    assert title.endswith("năm\u00a02025")
    assert soup.title.get_text().startswith("Hội nghị “Dân vận khéo”")
