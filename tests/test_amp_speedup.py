"""typogrify's amp skipped when it has nothing to change gives exactly typogrify's output."""

import pytest
import typogrify.filters
from conftest import CONTENT
from markdown import Markdown
from pelican.settings import read_settings

from trangxa.bench.generate import generate
from trangxa.front_matter import amp_speedup
from trangxa.front_matter.front_matter import typogrify_text

TYPOGRIFY_AMP = getattr(amp_speedup.amp, "original", typogrify.filters.amp)

TRICKY = [
    # typogrify's own examples
    "One & two",
    "One &amp; two",
    "One &#38; two",
    "One&nbsp;&amp;&nbsp;two",
    'One <span class="amp">&amp;</span> two',
    '&ldquo;this&rdquo; & <a href="/?that&amp;test">that</a>',
    '<link href="xyz.html" title="One & Two">xyz</link>',
    # nothing to change, or almost
    "Văn hóa &amp;Xã hội",
    "Tin&nbsp;tức&amp; sự kiện",
    "<p>Nông nghiệp&nbsp;&nbsp;&nbsp;nông thôn</p>",
    '<a href="/?a=1&b=2">Hội Nông dân</a> & <b>Đoàn</b>',
    "<p>a\t&\nb</p>",
    "<p>Tôm &amp;</p><p> cá</p>",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_same_output_on_tricky_text(text):
    assert amp_speedup.amp(text) == TYPOGRIFY_AMP(text)


def test_same_output_on_sample_and_generated_articles(tmp_path):
    generate(tmp_path, 150)
    sources = sorted((CONTENT / "bai-viet").rglob("*.md")) + sorted((tmp_path / "bai-viet").rglob("*.md"))
    markdown = Markdown(extensions=["extra"])
    pages = [markdown.reset().convert(source.read_text(encoding="utf-8")) for source in sources]
    pages += [page.replace(" và ", " & ", 1) for page in pages[:40]]  # some with work to do
    changed = 0
    for html in pages:
        expected = TYPOGRIFY_AMP(html)
        assert amp_speedup.amp(html) == expected
        changed += expected != html
    assert changed >= 30, "some pages give amp work to do"


def test_typogrify_text_uses_it_and_gives_the_same_page():
    settings = read_settings("pelicanconf.py")
    markdown = Markdown(extensions=["extra"])
    sources = sorted((CONTENT / "bai-viet").rglob("*.md"))[:5]
    html = [markdown.reset().convert(source.read_text("utf-8")) for source in sources]
    html.append("<p>Nông nghiệp & nông thôn</p>")
    fast = [typogrify_text(page, settings) for page in html]
    assert typogrify.filters.amp is amp_speedup.amp
    amp_speedup.uninstall()
    try:
        assert typogrify.filters.amp is TYPOGRIFY_AMP
        plain = [
            typogrify.filters.typogrify(page, settings["TYPOGRIFY_IGNORE_TAGS"], caps=False) for page in html
        ]
    finally:
        amp_speedup.install()
    assert fast == plain
    assert '<span class="amp">&amp;</span>' in fast[-1]
