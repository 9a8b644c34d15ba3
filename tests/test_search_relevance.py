"""Search relevance in Chromium: 20 realistic queries on the sample articles, each with the
articles a reader expects (judged by hand from content/bai-viet/, titles read from the source
files), the precision of the first results, and the ordering rules of theme/static/js/search.js.

Precision of one query: relevant articles among its first min(K, R) article results, over
min(K, R), where R is the number of relevant articles (a query with one right answer is judged on
its first article alone, so that its best score is 1, as for the others). Other results (pages,
documents) are judged by nobody here and left out of the measure; the ordering rules below are
checked on every result. Measured on this set, articles and pages only (`pytest -s` prints it):

- before (Pagefind's defaults, date and chrome indexed, no re-ranking): mean 0.775, 7 queries
  below 1: "lua dao qua mang" and "ben dinh" at 0 (Pagefind does not fold "đ": "dao" never
  finds "đảo"), "đảng ủy" and "cuu chien binh" at 0.33 ("Ủy ban", "chiến" alone ranked high),
  "bau cu" 0.5, "dang uy" and "chuyển đổi số" 0.67;
- date and chrome out of the text, title as metadata: 0.81; with Pagefind's ranking options of
  search.js (termSimilarity 5, organizations and tags weighted): 0.875;
- with search.js's re-ranking (exact words, phrases first, "d" also as "đ"): 1.00.

The threshold, 0.97, lets one query of 20 lose up to half a point (one wrong article among its
first two or three) after a content change; one query back at 0, as with the problems of the
issue, brings the mean to 0.95 and fails.
"""

import re
import unicodedata
from contextlib import contextmanager

import pytest
from browser import site_context
from bs4 import BeautifulSoup
from conftest import CONTENT, SUBPATH_SITEURL, normalize, read_source

SEARCH_PAGE = f"{SUBPATH_SITEURL}/tim-kiem/"
K = 3
THRESHOLD = 0.97

# (query as a reader types it, source files of the articles about it, under content/bai-viet/).
QUERIES = [
    # A phrase with diacritics: "nào" (which?) and "về" must not come with it.
    ("nạo vét", ["2024/chong-han-vu-he-thu-2024", "2024/thu-hoach-lua-he-thu-2024"]),
    # Organizations, with and without diacritics; "Hội đồng", "dặn", "dẫn" must not pass for them.
    (
        "hoi nong dan",
        [
            "2024/tap-huan-lua-huu-co",
            "2024/nong-dan-san-xuat-kinh-doanh-gioi-2024",
            "2026/hoi-thao-chuyen-doi-cay-trong-dat-lua",
            "2025/sau-rieng-vietgap-cay-gao",
            "2025/tiep-nhan-ho-so-ho-tro-giong-lua-2025",
        ],
    ),
    (
        "hội nông dân",
        [
            "2024/tap-huan-lua-huu-co",
            "2024/nong-dan-san-xuat-kinh-doanh-gioi-2024",
            "2026/hoi-thao-chuyen-doi-cay-trong-dat-lua",
            "2025/sau-rieng-vietgap-cay-gao",
            "2025/tiep-nhan-ho-so-ho-tro-giong-lua-2025",
        ],
    ),
    (
        "đảng ủy",
        [
            "2025/so-ket-6-thang-dau-nam-2025",
            "2025/dai-hoi-dang-bo-xa-lan-thu-nhat",
            "2024/tong-ket-nam-2023",
            "2025/van-hanh-chinh-quyen-hai-cap",
            "2026/dien-tap-chien-dau-phong-thu-xa-2026",
            "2024/ngay-hoi-dai-doan-ket-hoa-thanh-2024",
        ],
    ),
    (  # "Đ" is a letter of its own: Pagefind does not fold it to "d".
        "dang uy",
        [
            "2025/so-ket-6-thang-dau-nam-2025",
            "2025/dai-hoi-dang-bo-xa-lan-thu-nhat",
            "2024/tong-ket-nam-2023",
            "2025/van-hanh-chinh-quyen-hai-cap",
            "2026/dien-tap-chien-dau-phong-thu-xa-2026",
            "2024/ngay-hoi-dai-doan-ket-hoa-thanh-2024",
        ],
    ),
    (
        "MTTQ",
        [
            "2025/hiep-thuong-lan-thu-nhat-bau-cu-hdnd-xa",
            "2024/ban-giao-nha-dai-doan-ket-2024",
            "2024/ngay-hoi-dai-doan-ket-hoa-thanh-2024",
            "2025/trao-qua-tet-at-ty-2025",
            "2025/khoi-cong-duong-rach-tram",
            "2026/cu-tri-di-bau-cu-15-3-2026",
            "2026/hoc-bong-tiep-suc-den-truong-2026",
            "2026/ngay-hoi-dai-doan-ket-ben-dinh-2026",
            "2026/phu-nu-kheo-tay-dam-dang-20-10",
        ],
    ),  # fmt: skip
    (
        "hội liên hiệp phụ nữ",
        [
            "2024/phu-nu-ngay-moi-truong",
            "2024/toa-dam-8-3-2024",
            "2025/phu-nu-giai-ngan-von-vay",
            "2026/phu-nu-kheo-tay-dam-dang-20-10",
        ],
    ),
    (
        "cuu chien binh",
        [
            "2025/hoi-cuu-chien-binh-nha-nghia-tinh-dong-doi",
            "2024/camera-an-ninh-tan-phu",
            "2024/thap-nen-tri-an-27-7-2024",
        ],
    ),
    # Places.
    (
        "Rạch Tràm",
        [
            "2026/khanh-thanh-cau-rach-tram",
            "2025/khoi-cong-duong-rach-tram",
            "2024/ban-giao-nha-dai-doan-ket-2024",
        ],
    ),
    ("ben dinh", ["2026/ngay-hoi-dai-doan-ket-ben-dinh-2026"]),
    # Subjects: phrases and words, with and without diacritics.
    (
        "giao nhận quân",
        ["2024/le-giao-nhan-quan-2024", "2025/le-giao-nhan-quan-2025", "2026/le-giao-nhan-quan-2026"],
    ),
    ("lua dao qua mang", ["2025/canh-giac-lua-dao-qua-mang"]),  # not "lúa"
    ("sau rieng", ["2025/sau-rieng-vietgap-cay-gao"]),  # not "sau" (after)
    ("sốt xuất huyết", ["2026/phong-chong-sot-xuat-huyet-2026"]),
    ("kỳ họp", ["2024/ky-hop-thu-muoi-hdnd-2024", "2025/ky-hop-hdnd-cuoi-nam-2025"]),  # not "hợp"
    (
        "chuyển đổi số",
        [
            "2025/trien-khai-chuyen-doi-so-cai-cach-hanh-chinh-2025",
            "2026/to-cong-nghe-so-cong-dong",
            "2026/tong-ket-nam-2025-ubnd",
            "2024/camera-an-ninh-tan-phu",
        ],
    ),
    (
        "tet nguyen dan",
        ["2024/lich-nghi-tet-giap-thin", "2026/lich-truc-tet-binh-ngo-2026", "2025/trao-qua-tet-at-ty-2025"],
    ),
    ("diễn tập", ["2025/dien-tap-chua-chay-cho-tan-hoa", "2026/dien-tap-chien-dau-phong-thu-xa-2026"]),
    ("bau cu", ["2026/cu-tri-di-bau-cu-15-3-2026", "2025/hiep-thuong-lan-thu-nhat-bau-cu-hdnd-xa"]),
    ("hoc bong", ["2026/hoc-bong-tiep-suc-den-truong-2026"]),
]


# --- Independent reading of words (not search.js) ------------------------------------------


def fold(text):
    """Lower case without diacritics; "đ" is a letter of its own, mapped by hand."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text):
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text.lower()))


def has_diacritics(word):
    return fold(word) != word


def contains_phrase(text_words, query_words):
    size = len(query_words)
    return any(text_words[i : i + size] == query_words for i in range(len(text_words) - size + 1))


def title_of(source):
    meta, _ = read_source(CONTENT / "bai-viet" / f"{source}.md")
    return normalize(meta["title"])


def searchable_fields(output, href):
    """What Pagefind makes searchable of a result's page, field by field, read from its HTML: the
    text of its data-pagefind-body without the ignored elements, the title (its first h1), and
    the metadata given as text (organizations, tags, credit line; not the date)."""
    relative = href[len(SUBPATH_SITEURL) + 1 :]
    soup = BeautifulSoup((output / relative).read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    fields = [title.get_text(" ") for title in body.select("h1")[:1]]
    for element in body.select("[data-pagefind-meta]"):
        key, inline, value = element["data-pagefind-meta"].partition(":")
        if inline:
            fields.append(value)
        elif "[" not in key:  # key[attribute]: an attribute's value (the date)
            fields.append(element.get_text(" "))
    for ignored in body.select("[data-pagefind-ignore]"):
        ignored.decompose()
    return [words(body.get_text(" ")), *map(words, fields)]


def precision(titles, relevant):
    considered = min(K, len(relevant))
    return sum(title in relevant for title in titles[:considered]) / considered


# --- The search page, query after query -------------------------------------------------------


@contextmanager
def search_page(browser, output):
    with site_context(browser, output, SUBPATH_SITEURL) as context:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(SEARCH_PAGE)
        yield page
        assert errors == []


def results(page, query):
    """(titles, hrefs) of the results for ``query``, typed and submitted."""
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    page.wait_for_function(
        """(query) => {
          const status = document.querySelector('#search-status').textContent;
          return status.includes('“' + query + '”') && !status.startsWith('Đang');
        }""",
        arg=query,
    )
    links = page.locator("#search-results li > a")
    titles = [normalize(title) for title in links.all_inner_texts()]
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    return titles, hrefs


def article_titles(page, query):
    """The titles of the articles among the results (other kinds of pages left out)."""
    titles, hrefs = results(page, query)
    return [title for title, href in zip(titles, hrefs, strict=True) if "/bai-viet/" in href]


def measure(page):
    """[(query, precision, article titles shown, relevant titles)] for the whole set."""
    rows = []
    for query, sources in QUERIES:
        relevant = {title_of(source) for source in sources}
        articles = article_titles(page, query)
        rows.append((query, precision(articles, relevant), articles, relevant))
    return rows


def table(rows):
    lines = [f"{score:4.2f}  {query!r}: {titles[:K]}" for query, score, titles, _ in rows]
    mean = sum(score for _, score, _, _ in rows) / len(rows)
    return "\n".join([*lines, f"mean precision@{K}: {mean:.2f}"]), mean


@pytest.fixture(scope="module")
def page(browser, published):
    with search_page(browser, published.output) as page:
        yield page


def test_the_query_set_matches_the_sample_articles():
    """20 queries, every expected article exists and holds the words of its query (folded)."""
    assert len(QUERIES) == 20
    assert len({query for query, _ in QUERIES}) == 20
    assert any(has_diacritics(w) for q, _ in QUERIES for w in words(q))
    for query, sources in QUERIES:
        for source in sources:
            meta, body = read_source(CONTENT / "bai-viet" / f"{source}.md")
            text = " ".join(
                [
                    meta["title"],
                    str(meta.get("summary", "")),
                    body,
                    *meta.get("organizations", []),
                    *meta.get("tags", []),
                ]
            )
            assert set(map(fold, words(query))) <= set(map(fold, words(text))), (query, source)


def test_precision_of_the_first_results(page):
    report, mean = table(measure(page))
    print("\n" + report)
    assert mean >= THRESHOLD, report


@pytest.mark.parametrize("query", [q for q, _ in QUERIES if any(has_diacritics(w) for w in words(q))])
def test_with_diacritics_only_exact_words_are_shown_phrases_first(page, published, query):
    """A word typed with its marks is that word: a result holds every such word as it was typed."""
    _, hrefs = results(page, query)
    assert hrefs
    query_words = words(query)
    phrases = []
    exact = [w for w in query_words if has_diacritics(w)]
    for href in hrefs:
        fields = searchable_fields(published.output, href)
        assert set(exact) <= {w for field in fields for w in field}, (href, exact)
        phrases.append(any(contains_phrase(field, query_words) for field in fields))
    assert phrases == sorted(phrases, reverse=True), "results holding the phrase come first"


@pytest.mark.parametrize("query", [q for q, _ in QUERIES if not any(has_diacritics(w) for w in words(q))])
def test_without_diacritics_consecutive_words_come_first(page, published, query):
    """ "hoi nong dan": "Hội Nông dân" before "Hội đồng … dặn"; "dang uy" finds "Đảng ủy"."""
    _, hrefs = results(page, query)
    assert hrefs
    query_words = [fold(w) for w in words(query)]
    phrases = [
        any(
            contains_phrase(list(map(fold, field)), query_words)
            for field in searchable_fields(published.output, h)
        )
        for h in hrefs
    ]
    assert phrases[0], "the first result holds the words one after the other"
    assert phrases == sorted(phrases, reverse=True), "results holding the phrase come first"


def test_nao_vet_finds_only_nao_vet(page):
    titles = article_titles(page, "nạo vét")
    expected = [title_of("2024/chong-han-vu-he-thu-2024"), title_of("2024/thu-hoach-lua-he-thu-2024")]
    assert sorted(titles) == sorted(expected)


def test_a_phrase_in_quotes_keeps_only_the_phrase(page):
    """Pagefind's own search in quotes found one of the three (a page holding "nhận" and "nhân",
    which fold alike, never matches it); search.js keeps the results holding the words in a row."""
    titles = article_titles(page, '"giao nhận quân"')
    expected = [title_of(f"{year}/le-giao-nhan-quan-{year}") for year in (2024, 2025, 2026)]
    assert sorted(titles) == sorted(expected)
    assert results(page, '"quân nhận giao"')[0] == []
    assert "Bỏ dấu ngoặc kép" in page.locator("#search-status").inner_text()


@pytest.mark.parametrize(("typed", "written"), [("đảng uỷ", "đảng ủy"), ("Hoà Thạnh", "Hòa Thạnh")])
def test_the_tone_mark_may_sit_on_either_vowel(page, typed, written):
    """Old and new tone placement ("uỷ"/"ủy", "hoà"/"hòa") are the same word."""
    titles = sorted(results(page, typed)[0])
    assert titles
    assert titles == sorted(results(page, written)[0])


def test_a_word_typed_with_wrong_marks_finds_nothing_and_says_so(page):
    titles, _ = results(page, "hội nông dấn")
    assert titles == []
    assert "Gõ không dấu" in page.locator("#search-status").inner_text()
