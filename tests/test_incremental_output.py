"""Incremental output: a rebuild writes only what changed, and ends byte for byte where a full build ends."""

import datetime
import hashlib
import logging
import re
import shutil
from types import SimpleNamespace

import pytest
from conftest import CONTENT, ROOT, build_site
from pelican.settings import read_settings

from trangxa.incremental_output.forked import run_in_processes
from trangxa.pagination import StablePaginator

# Pagefind names its files by content hash, and the sitemap dates list pages with the build time.
NOT_COMPARED = ("pagefind/", "sitemap.xml")


def tree(folder):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(comparable(path)).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.relative_to(folder).as_posix().startswith(NOT_COMPARED)
    }


def comparable(path):
    return path.read_bytes()  # a feed without articles too: it is dated by the oldest article


def build(content, output, **overrides):
    records = build_site(
        output,
        content,
        settings_file="publishconf.py",
        log_level=logging.INFO,
        SEARCH_INDEX=False,
        **overrides,
    )
    summary = [r.getMessage() for r in records if r.getMessage().startswith("Đã ghi ")]
    assert len(summary) == 1, summary
    return summary[0]


NEW_ARTICLE = """\
---
title: Hội Nông dân xã ra quân làm đường giao thông nông thôn ấp Bến Đình
date: 2026-11-20 07:30
author: Minh Chiến
category: Tin tức – Sự kiện
organizations: [Hội Nông dân]
---

Sáng 20/11/2026, Hội Nông dân xã Tân Hòa ra quân làm mới 1,2 km đường giao thông nông thôn tại ấp Bến Đình.

Hơn 150 hội viên tham gia đào đắp, trải đá và trồng cây hai bên đường.
"""


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """The sample built, changed (one article added, one edited, one removed) and built again."""
    root = tmp_path_factory.mktemp("incremental")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    spare_photo = content / "images/2024/anh-khong-dung.jpg"  # a photo no article shows
    shutil.copy(sorted((content / "images/2024").glob("*.jpg"))[0], spare_photo)
    output = root / "output"
    first = build(content, output)
    before = tree(output)
    second = build(content, output)

    (content / "bai-viet/2026/ra-quan-lam-duong.md").write_text(NEW_ARTICLE, encoding="utf-8")
    added = build(content, output)
    after_adding = tree(output)
    empty_feeds = [
        path for path in output.glob("feeds/**/*.xml") if not re.search(rb"<entry>|<item>", path.read_bytes())
    ]
    edited = sorted((content / "bai-viet/2025").glob("*.md"))[0]
    edited.write_text(edited.read_text("utf-8") + "\nBổ sung: hội nghị kết thúc lúc 11 giờ.\n", "utf-8")
    removed = sorted((content / "bai-viet/2024").glob("*.md"))[0]
    removed.unlink()
    spare_photo.unlink()
    third = build(content, output)
    after = tree(output)

    full = root / "full"
    build(content, full, CACHE_PATH=str(root / "fresh-cache"))
    return {
        "content": content,
        "summaries": (first, second, added, third),
        "before": before,
        "after_adding": after_adding,
        "empty_feeds": empty_feeds,
        "output": output,
        "after": after,
        "full": tree(full),
    }


def test_a_rebuild_without_changes_renders_only_the_unkeyed_templates(rebuilt):
    first, second, *_ = rebuilt["summaries"]
    assert "giữ nguyên 0 trang" in first
    # Category index, search page, robots.txt, organization index: always written (cheap, few).
    assert second.startswith("Đã ghi 4 trang mới hoặc thay đổi,"), second


def test_incremental_rebuild_equals_a_full_build(rebuilt):
    assert rebuilt["after"].keys() == rebuilt["full"].keys()
    different = [path for path, digest in rebuilt["after"].items() if rebuilt["full"][path] != digest]
    assert different == []


def test_removed_article_page_is_deleted(rebuilt):
    before, after = rebuilt["after_adding"], rebuilt["after"]
    gone = [path for path in before if path not in after]
    # The article's page, the page of a tag only that article had, the removed photo.
    assert "images/2024/anh-khong-dung.jpg" in gone
    articles = [path for path in gone if path.startswith("bai-viet/")]
    assert len(articles) == 1 and articles[0].startswith("bai-viet/2024/"), gone
    assert not any(path in rebuilt["full"] for path in gone)
    assert "images/2024/anh-khong-dung.jpg" in rebuilt["before"]


def list_pages(paths):
    """{list: {block number (0 for the first page): path}} of the lists' pages among ``paths``."""
    lists = {}
    for path in paths:
        match = re.fullmatch(r"((?:chuyen-muc|chu-de|to-chuc)/[^/]+/|)(?:trang-(\d+)/)?index\.html", path)
        if match:
            lists.setdefault(match[1], {})[int(match[2] or 0)] = path
    return lists


def test_new_article_changes_few_pages(rebuilt):
    before, after = rebuilt["before"], rebuilt["after_adding"]
    added = [path for path in after if path not in before]
    changed = sorted(path for path in before if path in after and before[path] != after[path])
    assert [path for path in added if path.startswith("bai-viet/")] == [
        "bai-viet/2026/hoi-nong-dan-xa-ra-quan-lam-duong-giao-thong-nong-thon-ap-ben-dinh.html"
    ]
    # The lists it is on, its feeds, the "Thông tin khác" of a few articles.
    assert "index.html" in changed
    assert "chuyen-muc/tin-tuc-su-kien/index.html" in changed
    assert "to-chuc/hoi-nong-dan/index.html" in changed
    assert "feeds/to-chuc/hoi-nong-dan.atom.xml" in changed
    # Of a list, at most: its first page, its newest archive page (one article more, or new),
    # the archive page below it (its pager shows the newest one's label) and, when a block
    # starts, the one below that (its pager gains a gap). Never an older page.
    lists, before_lists = list_pages(after), list_pages(before)
    for name, pages in list_pages(added + changed).items():
        newest = max(lists[name])
        allowed = {0, newest, newest - 1} | ({newest - 2} if newest not in before_lists[name] else set())
        assert set(pages) <= allowed, (name, sorted(pages))
    home = list_pages(added + changed)[""]
    assert {0, max(lists[""])} <= set(home), "the home page's first page and newest archive page"
    other_news = [path for path in changed if path.startswith("bai-viet/")]
    assert 1 <= len(other_news) <= 12, other_news
    assert len(changed) <= 40, changed
    # What was written is what changed and the templates written at every build (what a rebuild
    # without changes writes). A feed without items is dated by the oldest article: not rewritten.
    written, always = (int(rebuilt["summaries"][n].split()[2]) for n in (2, 1))  # "Đã ghi N trang …"
    assert written <= len(added) + len(changed) + always
    assert rebuilt["empty_feeds"], "the sample has bodies without articles"
    for path in rebuilt["empty_feeds"]:
        relative = path.relative_to(rebuilt["output"]).as_posix()
        assert rebuilt["before"][relative] == after[relative], relative


def page_inputs(page):
    """What a list page's key holds (IncrementalWriter.page_key): its items, address, label
    and the pages its pager links."""
    links = [(other.url, other.label) if other else None for other in page.paginator.nearby(page)]
    return [id(item) for item in page.object_list], page.url, page.label, links


# Mean pages written per new article (measured 2.13, 2.73, 2.59): 2 when the newest archive
# page keeps its label, 3 when it changes, 4 when a block starts.
@pytest.mark.parametrize(("hours_apart", "mean"), [(1, 2.2), (20, 2.8), (24 * 9, 2.7)])
def test_a_new_article_rewrites_at_most_three_pages_of_a_list(hours_apart, mean):
    """The first page and the newest archive page; the page below it when the newest one's
    label changes; once every 10 articles a new archive page and the pagers of the two below."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    start = datetime.datetime(2024, 1, 1)
    site = [SimpleNamespace(date=start + datetime.timedelta(hours=hours_apart * n)) for n in range(150)]

    def pages(count):
        items = site[:count][::-1]  # newest first
        paginator = StablePaginator("index.html", "", items, settings, per_page=10)
        return {
            page.url: page_inputs(page) for page in map(paginator.page, range(1, paginator.num_pages + 1))
        }

    written = []
    for count in range(len(site)):
        old, new = pages(count), pages(count + 1)
        changed = [url for url in old if old[url] != new[url]]
        added = new.keys() - old.keys()
        assert len(changed) <= 3 and len(added) <= 1, (count, changed, added)
        written.append(len(changed) + len(added))
    assert sum(written) / len(written) <= mean, sum(written) / len(written)


def test_pages_rendered_in_two_processes_are_the_same(tmp_path, rebuilt):
    # The sample has fewer pages than PARALLEL_WRITING_MIN_PAGES: force the forked path.
    output = tmp_path / "forked"
    build(rebuilt["content"], output, PARALLEL_WRITING_MIN_PAGES=1, PARALLEL_WRITING_WORKERS=2)
    assert tree(output) == rebuilt["full"]


def test_a_failing_or_erroring_child_process_fails_the_build(tmp_path):
    def write(item):
        if item == 3:  # in the child's share (odd items)
            raise ValueError("template error")
        (tmp_path / f"{item}.html").write_text("ok", encoding="utf-8")

    with pytest.raises(RuntimeError, match="exit statuses"):
        run_in_processes(write, list(range(6)), 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.html", "1.html", "2.html", "4.html"]

    def log_error(item):
        if item == 1:
            logging.getLogger("responsive_images").error("ảnh hỏng")

    with pytest.raises(RuntimeError, match=r"\[2\]"):
        run_in_processes(log_error, [0, 1], 2)
    run_in_processes(lambda item: None, [0, 1, 2], 2)  # and all is well when nothing fails


def test_keys_see_taxonomy_objects_by_value_and_attached_attributes():
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Category

    from trangxa.incremental_output.keys import Keys

    settings = dict(DEFAULT_CONFIG)
    keys = Keys()
    # Pelican makes a new Category for each article: equal ones must give equal keys.
    assert keys.stable(Category("Tin tức", settings)) == keys.stable(Category("Tin tức", settings))
    assert keys.stable(Category("Tin tức", settings)) != keys.stable(Category("Văn hóa", settings))
    # A plugin's attribute on a taxonomy object is part of what pages show of it.
    first, second = Category("Tin tức", settings), Category("Tin tức", settings)
    first.description, second.description = "Tin của xã", "Tin của phường"
    assert Keys().stable(first) != Keys().stable(second)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_written_with_override_output_wins(tmp_path, workers):
    from jinja2 import Environment
    from pelican.settings import DEFAULT_CONFIG

    from trangxa.incremental_output.incremental_output import IncrementalWriter

    settings = dict(
        DEFAULT_CONFIG, CACHE_PATH=str(tmp_path / "cache"), PARALLEL_WRITING_WORKERS=workers,
        PARALLEL_WRITING_MIN_PAGES=1,
    )  # fmt: skip
    template = Environment().from_string("{{ text }}")
    writer = IncrementalWriter(str(tmp_path / "out"), settings=settings)
    context = {"SITEURL": "", "text": "?"}
    for number in range(5):  # pages around it, shared between the processes
        writer.write_file(f"trang-{number}.html", template, context, text=f"trang {number}")
    writer.write_file("gioi-thieu.html", template, context, text="thường")
    writer.write_file("gioi-thieu.html", template, context, override_output=True, text="ghi đè")
    writer.finish()
    assert (tmp_path / "out" / "gioi-thieu.html").read_text(encoding="utf-8") == "ghi đè"
    assert (tmp_path / "out" / "trang-3.html").read_text(encoding="utf-8") == "trang 3"
