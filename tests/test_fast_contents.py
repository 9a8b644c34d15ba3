"""fast_contents: each shortcut gives Pelican's own answer, on random and real input."""

import datetime
import random
import re
import zoneinfo

import pelican.readers
import pytest
from conftest import CONTENT
from markupsafe import Markup
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.utils import SafeDatetime
from pelican.utils import slugify as pelican_slugify
from pelican.utils import strftime as pelican_strftime

from trangxa import compat, fast_contents
from trangxa.bench.generate import generate
from trangxa.front_matter.front_matter import typogrify_text

DEFAULT_SUBS = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
OTHER_SUBS = [(r"[^\w\s-]", ""), (r"đ", "d"), (r"(?u)\A\s*", ""), (r"[-\s]+", "_"), (r"ﬁ", r"fi-\g<0>")]
PIECES = [
    "Đảng bộ", "xã", " Tân Hòa ", "HĐND", "Ủy ban MTTQ", "Hội Liên hiệp Phụ nữ", "năm 2026", "–", "—",
    "…", "“Tết”", "'", '"', "&", "&amp;", "&nbsp;", "<em>", "</em>", "<!-- x -->", "<", ">", "\t", "\n",
    "\xa0", "\u2003", "e\u0301", "Ð", "ﬁ", "ｘ１", "①", "北京", "😀", "\U000f0000", "(", ")", "/", "-", "--",
    "_", "?", "ß", "İ", "Ω", "ǅ", "&#273;", "&lt;b&gt;", "&ETH;", "&#x1EA1;", "&bogus;",
]  # fmt: skip


def random_titles(count, seed):
    pick = random.Random(seed)
    return ["".join(pick.choice(PIECES) for _ in range(pick.randint(0, 9))) for _ in range(count)]


def titles_of_articles(tmp_path):
    generate(tmp_path, 200)
    sources = sorted((CONTENT / "bai-viet").rglob("*.md")) + sorted((tmp_path / "bai-viet").rglob("*.md"))
    titles = []
    for source in sources:
        titles.extend(re.findall(r"(?mi)^title:\s*(.+)$", source.read_text(encoding="utf-8")))
    assert len(titles) > 200
    return titles


@pytest.mark.parametrize("subs", [DEFAULT_SUBS, OTHER_SUBS, []])
@pytest.mark.parametrize("preserve_case", [False, True])
@pytest.mark.parametrize("use_unicode", [False, True])
def test_slugs_are_pelicans_on_random_titles(subs, preserve_case, use_unicode):
    for text in random_titles(3000, 42):
        for title in (text, Markup(text), Markup.escape(text)):  # read titles are escaped Markup
            expected = pelican_slugify(title, subs, preserve_case, use_unicode)
            assert fast_contents.slugify(title, subs, preserve_case, use_unicode) == expected, title


def test_slugs_are_pelicans_on_real_titles(tmp_path):
    settings = read_settings("pelicanconf.py")
    for text in titles_of_articles(tmp_path):
        typographed = Markup(typogrify_text(str(Markup.escape(text)), settings))  # as titles are read
        for title in (text, Markup.escape(text), typographed):
            assert fast_contents.slugify(title, DEFAULT_SUBS) == pelican_slugify(title, DEFAULT_SUBS), title
    assert fast_contents.slugify("Đảng bộ xã", DEFAULT_SUBS) == "dang-bo-xa"
    markup = Markup("<b>Hội</b> Nông&nbsp;dân")
    assert fast_contents.slugify(markup, DEFAULT_SUBS) == pelican_slugify(markup, DEFAULT_SUBS)


def test_contents_and_taxonomies_use_it():
    fast_contents.register()
    assert pelican.contents.slugify is fast_contents.slugify
    assert pelican.urlwrappers.slugify is fast_contents.slugify
    settings = read_settings("pelicanconf.py")
    metadata = {"title": "Hội nghị Ban Chấp hành Đảng bộ", "date": SafeDatetime(2026, 5, 6)}
    article = Article("<p>x</p>", metadata, settings=settings)
    assert article.slug == "hoi-nghi-ban-chap-hanh-dang-bo"


FORMAT_PIECES = [
    "%d", "%-d", "%m", "%-m", "%Y", "%y", "%H", "%-H", "%M", "%S", "%A", "%a", "%B", "%b", "%j", "%U", "%w",
    "%z", "%Z", "%f", "%p", "%I", "%c", "%x", "%X", "%G", "%V", "%u", "%%", "%q", "%-q", "%-", "%", "%\n",
    "lúc", " ", "/", "ngày ", "{", "}", "%s", "%e", "%-%", "%%d",
]  # fmt: skip


def outcome(function, *arguments):
    try:
        return function(*arguments)
    except Exception as error:  # noqa: BLE001 (the same failure is the same answer)
        return type(error)


def test_dates_are_pelicans_on_random_formats():
    pick = random.Random(7)
    zones = [None, datetime.UTC, zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")]
    for _ in range(5000):
        fmt = "".join(pick.choice(FORMAT_PIECES) for _ in range(pick.randint(0, 6)))
        day = (pick.randint(1, 2100), pick.randint(1, 12), pick.randint(1, 28))
        time = (pick.randint(0, 23), pick.randint(0, 59), pick.randint(0, 59), pick.randint(0, 999999))
        moment = SafeDatetime(*day, *time, pick.choice(zones))
        expected = outcome(pelican_strftime, moment, fmt)
        assert outcome(fast_contents.safe_strftime, moment, fmt) == expected, fmt
        plain = outcome(datetime.datetime.strftime, moment, fmt)
        assert outcome(fast_contents.safe_strftime, moment, fmt, False) == plain, fmt


def test_pelicans_dates_use_it():
    fast_contents.register()
    moment = SafeDatetime(2021, 6, 5, 7, 30)
    assert moment.strftime("%d/%m/%Y") == "05/06/2021"
    assert moment.strftime("%-d/%-m/%Y") == "5/6/2021"  # Pelican's own, for the "-"
    assert f"{moment:%Y/%m}" == "2021/06"
    assert fast_contents.is_plain_format("%d/%m/%Y") and not fast_contents.is_plain_format("%-d")


def link_pattern():
    article = Article("", {"title": "x"}, settings=dict(DEFAULT_CONFIG))
    return article._get_intrasite_link_regex()


NOISE = ["text", " ", "\n", "<p>", "</p>", "{cả}", "a | b", '"', "'", "=", ">", "<", "</a>", "alt", '""']


def random_body(pick):
    """Tags close to what the expressions look for (links, images, alt), among noise."""
    parts = []
    for _ in range(pick.randint(1, 5)):
        if pick.random() < 0.4:
            parts.append(pick.choice(NOISE))
            continue
        quote = pick.choice(['"', "'", ""])
        parts += [
            "<", pick.choice(["a", "img", "p", "source", "IMG"]), pick.choice([" ", "\n", ""]),
            pick.choice(["href", "src", "data", "title", "alt", "poster", "class"]),
            pick.choice(["=", " = ", "\n=", ""]), quote,
            pick.choice(["{filename}", "{static}", "|filename|", "{", "|", "", "{attach}", " {static}"]),
            pick.choice(["x.md", "/images/a.jpg", "", "}", "|"]), pick.choice([quote, '"', "'", ""]),
            pick.choice([">", ' alt="">', " alt=''>", "", ' src="b.jpg">', " alt=\"\" src='c.jpg'>"]),
        ]  # fmt: skip
    return "".join(parts)


def test_a_body_skipped_has_no_intrasite_link():
    pattern = link_pattern()
    pick = random.Random(3)
    settings = dict(DEFAULT_CONFIG)
    matched = 0
    for _ in range(20000):
        text = random_body(pick)
        if pattern.search(text):
            matched += 1
            assert fast_contents.may_hold_intrasite_links(text, settings), text
    assert matched > 200, "the random bodies hold links"
    other = dict(settings, INTRASITE_LINK_REGEX="[[](?P<what>.*?)[]]")
    assert fast_contents.may_hold_intrasite_links("<a href='[filename]x.md'>", other)


def test_links_are_still_resolved_and_collected():
    fast_contents.register()
    settings = read_settings("pelicanconf.py")
    other = Article("<p>x</p>", {"title": "Bài khác", "date": SafeDatetime(2026, 1, 1)}, settings=settings)
    context = {"generated_content": {"bai-viet/x.md": other}, "static_content": {}, "localsiteurl": ""}
    body = '<p><a href="{filename}/bai-viet/x.md">x</a> <img src="{static}/images/a.jpg" alt="a"></p>'
    article = Article(body, {"title": "Có liên kết", "date": SafeDatetime(2026, 1, 2)}, settings=settings,
                      source_path=str(CONTENT / "bai-viet" / "y.md"), context=context)  # fmt: skip
    assert article.get_static_links() == {"images/a.jpg"}
    assert f'href="{other.url}"' in article.content
    plain = Article("<p>Không có liên kết | nào {cả}</p>", {"title": "x"}, settings=settings, context=context)
    assert plain.get_static_links() == set()
    assert plain.content == "<p>Không có liên kết | nào {cả}</p>"


def test_registering_twice_keeps_pelicans_functions_underneath():
    fast_contents.register()
    fast_contents.register()
    assert pelican.contents.Content.get_static_links.original.__qualname__ == "Content.get_static_links"
    assert pelican.contents.Content._update_content.original.__qualname__ == "Content._update_content"
    assert compat.pelican_slugify is pelican_slugify
