"""The anchored widont gives exactly typogrify's output."""

import random

import pytest
import typogrify.filters
from conftest import CONTENT
from markdown import Markdown
from pelican.settings import read_settings

from trangxa.bench.generate import generate
from trangxa.front_matter import widont_speedup
from trangxa.front_matter.front_matter import typogrify_text

TYPOGRIFY_WIDONT = getattr(widont_speedup.widont, "original", typogrify.filters.widont)

TRICKY = [
    # typogrify's own examples
    "A very simple test",
    "Test",
    " Test",
    "<ul><li>Test</p></li><ul>",
    "<ul><li> Test</p></li><ul>",
    "<p>In a couple of paragraphs</p><p>paragraph two</p>",
    '<h1><a href="#">In a link inside a heading</i> </a></h1>',
    '<h1><a href="#">In a link</a> followed by other text</h1>',
    '<h1><a href="#"></a></h1>',
    "<div>Divs get no love!</div>",
    "<pre>Neither do PREs</pre>",
    "<div><p>But divs with paragraphs do!</p></div>",
    # ends of text, white space, inline tags, attributes
    "Hội Nông dân xã\n",
    "Hội Nông dân xã \n",
    "Hội Nông dân xã\n\n",
    "Hội Nông \t dân  ",
    "<p>Đảng ủy <b>xã</b> </em> Tân Hòa</p>",
    '<p>Ủy ban <a title="x<y" href="/a">MTTQ</a></p>',
    '<p>Ủy ban <abbr title="Mặt trận">MTTQ</abbr> xã</p>',
    "<p>một <br> hai</p>",
    '<p>ảnh <img src="a.jpg" alt="x"> cuối</p>',
    "<li>Hội viên nông dân</li><li>Đoàn viên</li>",
    "<p>Hội <em>Liên hiệp Phụ nữ</em></p>\n",
    "<p>Cựu chiến binh</b ></p>",
    "<p>Thanh niên</em>  </span> </p>",
    "<h3>Tin&nbsp;tức &amp; sự kiện</h3><dd>a b</dd><dt>c  d </dt>",
    "<p>Một</p>",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_same_output_on_tricky_text(text):
    assert widont_speedup.widont(text) == TYPOGRIFY_WIDONT(text)


def html_of(sources):
    markdown = Markdown(extensions=["extra"])
    return [markdown.reset().convert(source.read_text(encoding="utf-8")) for source in sources]


def test_same_output_on_sample_and_generated_articles(tmp_path):
    generate(tmp_path, 150)
    sources = sorted((CONTENT / "bai-viet").rglob("*.md")) + sorted((tmp_path / "bai-viet").rglob("*.md"))
    pages = html_of(sources)
    assert len(pages) > 190
    changed = 0
    for html in pages:
        expected = TYPOGRIFY_WIDONT(html)
        assert widont_speedup.widont(html) == expected
        changed += expected != html
    assert changed > 150, "the articles give widont work to do"


def test_typogrify_text_uses_it_and_gives_the_same_page():
    settings = read_settings("pelicanconf.py")
    html = html_of(sorted((CONTENT / "bai-viet").rglob("*.md"))[:5])
    fast = [typogrify_text(page, settings) for page in html]
    assert typogrify.filters.widont is widont_speedup.widont
    widont_speedup.uninstall()
    try:
        assert typogrify.filters.widont is TYPOGRIFY_WIDONT
        plain = [
            typogrify.filters.typogrify(page, settings["TYPOGRIFY_IGNORE_TAGS"], caps=False) for page in html
        ]
    finally:
        widont_speedup.install()
    assert fast == plain


# Pieces of HTML that meet at the edges of what the expression accepts: blocks it ends at or
# not, inline tags it steps over or not, spaces that are or are not \s, a "<" inside a tag.
SOUP = [
    "a", "bc", "Hội", "xã", " ", "  ", "\n", "\t", "\xa0", "&nbsp;", "</p>", "<p>", "</li>", "<li>",
    "</h2>", "</h7>", "</dd>", "</dt>", '<a href="/x">', "</a>", "<b>", "</b>", "<br>", "</em>", "<em>",
    '<abbr title="a>b">', "</abbr>", '<img src="a">', "<", ">", "<x <b>", "<a <b>", "</span >",
    "</strong>", "<i>", "</i>", "</p >", "<span class='a b'>", "x>y", "<!-- c -->", ".",
]  # fmt: skip


def test_same_output_on_random_tag_soup():
    rng = random.Random(2026)
    for _ in range(20000):
        text = "".join(rng.choice(SOUP) for _ in range(rng.randint(0, 14)))
        assert widont_speedup.widont(text) == TYPOGRIFY_WIDONT(text), repr(text)
