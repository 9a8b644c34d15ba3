"""The smartypants speed-up changes nothing in the output."""

import pytest
from conftest import CONTENT
from markdown import Markdown
from pelican.settings import read_settings

from trangxa.front_matter import smartypants_speedup
from trangxa.front_matter.front_matter import typogrify_text

TRICKY = [
    'Ông nói: "Xã đã hoàn thành 100% kế hoạch" -- theo báo cáo...',
    "``Trích dẫn'' kiểu cũ, dấu 'đơn', năm '90s và ba chấm . . . cuối câu",
    r"Dấu thoát \" \' \. \- \` \\ và ba gạch --- em dash",
    "<p>Không có dấu nào cần đổi: Hội Nông dân xã Tân Hòa</p>",
    '<pre>"giữ nguyên" -- trong pre</pre><p>"đổi" -- ngoài</p>',
    "Giá: 150.000 đồng; 12/11/2026; A & B; Đảng ủy – HĐND",
]


def both_ways(text, settings):
    """typogrify_text with smartypants' own steps, then with the speed-up."""
    install = smartypants_speedup.install
    smartypants_speedup.uninstall()
    smartypants_speedup.install = lambda: None
    try:
        plain = typogrify_text(text, settings)
    finally:
        smartypants_speedup.install = install
    return plain, typogrify_text(text, settings)


@pytest.fixture(scope="module")
def settings():
    return read_settings("pelicanconf.py")


@pytest.mark.parametrize("text", TRICKY)
def test_same_output_on_tricky_text(text, settings):
    plain, fast = both_ways(text, settings)
    assert fast == plain


@pytest.mark.parametrize("dashes", ["default", "oldschool", "oldschool_inverted"])
def test_same_output_on_every_sample_article(settings, dashes):
    settings = {**settings, "TYPOGRIFY_DASHES": dashes}
    markdown = Markdown(extensions=["extra"])
    for source in sorted((CONTENT / "bai-viet").rglob("*.md")):
        html = markdown.reset().convert(source.read_text(encoding="utf-8"))
        plain, fast = both_ways(html, settings)
        assert fast == plain, source.name


def test_install_is_idempotent():
    import smartypants  # noqa: PLC0415

    smartypants_speedup.install()
    wrapped = smartypants.convert_quotes
    smartypants_speedup.install()
    assert smartypants.convert_quotes is wrapped
    assert smartypants.convert_quotes.original.__module__ == "smartypants"
