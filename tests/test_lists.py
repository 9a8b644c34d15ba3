"""Lists (home page, categories, tags, organizations): the first page holds the newest
articles, archive pages are fixed blocks labelled by their dates, the pager reads newest
first; "Thông tin khác" is shown newest first."""

import datetime
import posixpath
import random
import re
from types import SimpleNamespace

import pytest
from conftest import ROOT, SUBPATH_SITEURL, Site, build_site, sample_articles
from pelican.settings import read_settings

from trangxa.pagination import DateRange, StablePaginator

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
PER_PAGE = 10
START = datetime.datetime(2024, 1, 1, 8, 30)


# --- The paginator, on made-up articles -------------------------------------------------------


def articles(count, day=lambda number: number):
    """``count`` articles newest first, as Pelican lists them; article 1 is the oldest."""
    return [
        SimpleNamespace(number=number, date=START + datetime.timedelta(days=day(number)))
        for number in range(count, 0, -1)
    ]


def paginate(items, per_page=PER_PAGE):
    paginator = StablePaginator("index.html", "", items, SETTINGS, per_page=per_page)
    return [paginator.page(number) for number in range(1, paginator.num_pages + 1)]


def archive_sizes(count, per_page=PER_PAGE):
    """Sizes of the archive pages, newest first: what the first page leaves, in blocks
    counted from the oldest, so the newest block holds the remainder."""
    rest = max(0, count - per_page)
    if not rest:
        return []
    return [rest % per_page or per_page] + [per_page] * ((rest - 1) // per_page)


@pytest.mark.parametrize(
    ("count", "sizes"),
    [
        (0, [0]),
        (1, [1]),
        (7, [7]),
        (10, [10]),
        (11, [10, 1]),
        (19, [10, 9]),
        (20, [10, 10]),
        (21, [10, 1, 10]),
        (48, [10, 8, 10, 10, 10]),
        (49, [10, 9, 10, 10, 10]),  # the issue: the home page showed 19 articles
        (50, [10, 10, 10, 10, 10]),
        (51, [10, 1, 10, 10, 10, 10]),
    ],
)
def test_page_sizes(count, sizes):
    pages = paginate(articles(count))
    assert [len(page.object_list) for page in pages] == sizes
    assert sizes[1:] == archive_sizes(count)


@pytest.mark.parametrize("per_page", [1, 3, 10])
def test_every_article_once_newest_first_in_blocks_counted_from_the_oldest(per_page):
    for count in range(0, 8 * per_page + 2):
        pages = paginate(articles(count), per_page)
        assert len(pages[0].object_list) == min(count, per_page)
        assert [len(page.object_list) for page in pages[1:]] == archive_sizes(count, per_page)
        assert [item.number for page in pages for item in page.object_list] == list(range(count, 0, -1))
        blocks = len(pages) - 1
        # The first page at the list's own address; archive block k at trang-k/, k = 1 the oldest.
        assert [page.url for page in pages] == ["", *[f"trang-{k}/" for k in range(blocks, 0, -1)]]
        assert [page.save_as for page in pages] == [
            "index.html", *[f"trang-{k}/index.html" for k in range(blocks, 0, -1)],
        ]  # fmt: skip
        for page in pages[1:]:
            block = range((page.block - 1) * per_page + 1, page.block * per_page + 1)
            assert all(item.number in block for item in page.object_list)
            assert page.start_index() <= page.end_index()


def test_a_new_article_fills_the_newest_block_and_moves_no_other():
    def blocks(count):
        return {
            page.block: [item.number for item in page.object_list] for page in paginate(articles(count))[1:]
        }

    for count in range(0, 80):
        old, new = blocks(count), blocks(count + 1)
        for block, numbers in old.items():
            if len(numbers) == PER_PAGE:
                assert new[block] == numbers, "a full block never changes"
            else:  # the newest block takes the oldest article of the first page
                assert new[block] == [numbers[0] + 1, *numbers]
        assert len(new.keys() - old.keys()) <= 1


def vi_day(day):
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@pytest.mark.parametrize(
    ("dates", "short", "long"),
    [
        (["28/05/2025 07:00"], "28/05/2025", "ngày 28/05/2025"),
        (["28/05/2025 07:00", "28/05/2025 16:45"], "28/05/2025", "ngày 28/05/2025"),
        (["02/05/2025", "28/05/2025"], "02/05 – 28/05/2025", "từ 02/05/2025 đến 28/05/2025"),
        (["20/04/2025", "21/05/2025"], "20/04 – 21/05/2025", "từ 20/04/2025 đến 21/05/2025"),  # 31 days
        (["28/12/2024", "03/01/2025"], "28/12/2024 – 03/01/2025", "từ 28/12/2024 đến 03/01/2025"),
        (["15/03/2025", "20/05/2025"], "03/2025 – 05/2025", "từ 15/03/2025 đến 20/05/2025"),
        (["20/04/2025", "22/05/2025"], "04/2025 – 05/2025", "từ 20/04/2025 đến 22/05/2025"),  # 32 days
        (["15/11/2024", "20/02/2025"], "11/2024 – 02/2025", "từ 15/11/2024 đến 20/02/2025"),
    ],
)
def test_date_labels(dates, short, long):
    items = [SimpleNamespace(date=datetime.datetime.strptime(d, "%d/%m/%Y %H:%M" if ":" in d else "%d/%m/%Y"))
             for d in dates]  # fmt: skip
    label = DateRange.of(items)
    assert (label.short, label.long, str(label)) == (short, long, short)


@pytest.mark.parametrize("gap_hours", [1, 5, 30, 200, 2000])
def test_archive_labels_never_repeat_unless_one_day_each(gap_hours):
    rng = random.Random(gap_hours)
    moments, moment = [], START
    for _ in range(400):
        moment += datetime.timedelta(hours=rng.uniform(0, 2 * gap_hours))
        moments.append(moment)
    items = [SimpleNamespace(date=moment) for moment in reversed(moments)]
    pages = paginate(items)[1:]
    assert all(page.label == page.dates.short for page in pages)
    by_text = {}
    for page in pages:
        by_text.setdefault(page.label, []).append(page.dates)
    for text, same in by_text.items():
        assert len(same) == 1 or all(dates.oldest == dates.newest for dates in same), text


def test_the_first_page_has_no_label_and_the_pager_goes_newest_first():
    pages = paginate(articles(95))
    assert pages[0].label is None and pages[0].dates is None and pages[0].block is None
    paginator = pages[0].paginator
    for page in pages:
        shown = [other.number if other else None for other in paginator.nearby(page)]
        numbers = [number for number in shown if number]
        assert numbers == sorted(numbers) and numbers[0] == 1 and numbers[-1] == len(pages)
        assert page.number in numbers
        assert {page.number - 1, page.number + 1} & set(range(1, len(pages) + 1)) <= set(numbers)


# --- Every list of the sample site --------------------------------------------------------


def follow(relative, href):
    """The output file a relative link of the page ``relative`` points to."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), href))
    target = "" if target == "." else target
    return f"{target}/index.html".lstrip("/") if href.endswith("/") else target


def list_first_pages(site):
    """The first page of every list: home page, categories, tags, organizations."""
    pages = ["index.html"]
    for folder in ("chuyen-muc", "chu-de", "to-chuc"):
        pages += sorted(
            path.relative_to(site.output).as_posix() for path in (site.output / folder).glob("*/index.html")
        )
    return pages


def members(site):
    """List page -> the article pages that link to it (breadcrumb, organizations, tags)."""
    listed = {}
    for relative, soup in site.article_pages().items():
        if relative.startswith("ban-nhap/"):
            continue
        links = soup.select("nav.breadcrumb a, .article-organizations a, .article-tags a")
        for link in links:
            listed.setdefault(follow(relative, link["href"]), set()).add(relative)
    return listed


def walk(site, first):
    """The pages of one list, following rel="next" from its first page."""
    pages, relative = [], first
    while relative:
        soup = site.soup(relative)
        pages.append((relative, soup))
        older = soup.select_one('.pagination a[rel="next"]')
        relative = follow(relative, older["href"]) if older else None
        assert len(pages) < 200
    return pages


def teasers(relative, soup):
    """(article page, datetime) of each article a list page shows."""
    return [
        (follow(relative, item.select_one(".teaser-title a")["href"]),
         datetime.datetime.fromisoformat(item.select_one("time")["datetime"]))
        for item in soup.select(".article-list .teaser")
    ]  # fmt: skip


def expected_label(moments):
    """What readers see of an archive page: the days (or months) of its articles."""
    oldest, newest = min(moments).date(), max(moments).date()
    if oldest == newest:
        return vi_day(newest)
    if (newest - oldest).days > 31:
        return f"{oldest.month:02d}/{oldest.year} – {newest.month:02d}/{newest.year}"
    if oldest.year == newest.year:
        return f"{oldest.day:02d}/{oldest.month:02d} – {vi_day(newest)}"
    return f"{vi_day(oldest)} – {vi_day(newest)}"


def expected_dates(moments):
    oldest, newest = vi_day(min(moments)), vi_day(max(moments))
    return f"ngày {newest}" if oldest == newest else f"từ {oldest} đến {newest}"


def check_every_list(site, per_page):
    """Sizes, order, addresses, labels and pager of every list of ``site``."""
    expected_members = members(site)
    page_counts = []
    for first in list_first_pages(site):
        size = per_page(first)
        pages = walk(site, first)
        shown = [teasers(relative, soup) for relative, soup in pages]
        listed = [article for page in shown for article, _ in page]
        moments = [moment for page in shown for _, moment in page]
        assert sorted(listed) == sorted(expected_members.get(first, ())), first
        assert moments == sorted(moments, reverse=True), f"{first}: newest first"
        sizes = [len(page) for page in shown]
        assert sizes[0] == min(size, len(listed)), f"{first}: the first page holds the newest {size}"
        assert sizes[1:] == archive_sizes(len(listed), size), first
        base = first.removesuffix("index.html")
        blocks = len(pages) - 1
        assert [relative for relative, _ in pages[1:]] == [
            f"{base}trang-{block}/index.html" for block in range(blocks, 0, -1)
        ], f"{first}: archive pages numbered from the oldest"
        labels = ["Mới nhất"] + [expected_label([m for _, m in page]) for page in shown[1:]]
        dates = [None] + [expected_dates([m for _, m in page]) for page in shown[1:]]
        index_of = {relative: number for number, (relative, _) in enumerate(pages)}
        for number, (relative, soup) in enumerate(pages):
            pager = soup.select_one("nav.pagination")
            if len(pages) == 1:
                assert pager is None
                continue
            title = soup.title.get_text()
            if number:
                assert f"tin {dates[number]} – " in title.lower(), title
            else:
                assert not re.search(r"tin (từ|ngày) \d", title.lower()), title
            assert pager.select_one("[aria-current=page]").get_text() == labels[number]
            linked = []
            for link in pager.select("li a:not([rel])"):
                target = index_of[follow(relative, link["href"])]
                linked.append(target)
                assert link.get_text() == labels[target]
                assert link["aria-label"] == ("Trang mới nhất" if target == 0 else f"Tin {labels[target]}")
            around = sorted({*linked, number})
            assert linked == [n for n in around if n != number], f"{relative}: pager newest first"
            assert {0, len(pages) - 1, number - 1, number + 1} & set(index_of.values()) <= set(around)
            for rel, step, word in (("prev", -1, "mới hơn"), ("next", 1, "cũ hơn")):
                link = pager.select_one(f'a[rel="{rel}"]')
                if 0 <= number + step < len(pages):
                    assert index_of[follow(relative, link["href"])] == number + step
                    assert link["title"] == f"Tin {word}: {labels[number + step].replace('Mới', 'mới')}"
                else:
                    assert link is None
        page_counts.append(len(pages))
    return page_counts


def test_every_list_of_the_sample(site):
    """Ten articles a page: the home page and the larger categories have archive pages."""
    page_counts = check_every_list(site, lambda first: PER_PAGE)
    assert len(page_counts) > 30 and page_counts[0] >= 3 and sum(n > 1 for n in page_counts) >= 3


@pytest.fixture(scope="module")
def short_pages(tmp_path_factory):
    """The sample with very short lists: every list with more than three articles has archive pages."""
    output = tmp_path_factory.mktemp("short-lists")
    warnings = build_site(
        output, PAGINATED_TEMPLATES={"index": 4, "category": 3, "tag": 2, "organization": 3}
    )
    return Site(output, warnings)


def test_every_list_with_short_pages(short_pages):
    sizes = {"index.html": 4, "chuyen-muc": 3, "chu-de": 2, "to-chuc": 3}
    page_counts = check_every_list(short_pages, lambda first: sizes.get(first) or sizes[first.split("/")[0]])
    assert len(page_counts) > 30 and sum(n > 2 for n in page_counts) >= 9
    home = walk(short_pages, "index.html")
    assert len(home) == 1 + -(-(len(sample_articles()) - 4) // 4)


def test_home_page_headings_name_the_dates(short_pages):
    relative, soup = walk(short_pages, "index.html")[2]
    moments = [moment for _, moment in teasers(relative, soup)]
    assert soup.select_one("#latest-heading").get_text() == f"Tin {expected_dates(moments)}"
    assert short_pages.soup("index.html").select_one("#latest-heading").get_text() == "Tin mới"


# --- "Thông tin khác" -------------------------------------------------------------------------


def test_other_news_is_shown_newest_first(site):
    checked = 0
    for soup in site.article_pages().values():
        times = [time["datetime"] for time in soup.select("section.other-news time")]
        if times:
            moments = [datetime.datetime.fromisoformat(t) for t in times]
            assert moments == sorted(moments, reverse=True), times
            checked += 1
    assert checked >= 40


def test_the_newest_page_is_linked_as_the_site_root(published):
    """Published under a sub-path: "Mới nhất" and "Trang trước" of the page after the home
    page lead to the site root, not to index.html."""
    href = published.soup("index.html").select_one('.pagination a[rel="next"]')["href"]
    older = published.soup(href.removeprefix(f"{SUBPATH_SITEURL}/") + "index.html")
    newest = [a["href"] for a in older.select(".pagination a") if a.get_text(strip=True) == "Mới nhất"]
    assert newest == [f"{SUBPATH_SITEURL}/"]
    assert older.select_one('.pagination a[rel="prev"]')["href"] == f"{SUBPATH_SITEURL}/"


def test_pager_labels_are_not_bare_numbers(site):
    for first in ("index.html", "chuyen-muc/kinh-te/index.html"):
        for _, soup in walk(site, first):
            for item in soup.select("nav.pagination li a:not([rel]), nav.pagination [aria-current]"):
                assert not re.fullmatch(r"\d+", item.get_text(strip=True))
