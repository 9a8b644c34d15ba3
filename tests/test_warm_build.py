"""The dev server's warm builds (trangxa.warm) end where a fresh full build does, byte for byte.

A scripted series of edits, additions, deletions and renames of articles, a page, a photo,
a template and the settings; after each, the warm builder's output folder is compared
with a cold build of the same content (new Pelican, no cache, empty folder). Only time
stamps that fall within the test (the time of building) are masked, as
tools/output_digest.py does.
"""

import datetime
import importlib.util
import re
import shutil
import time

import pytest
from conftest import ROOT, build_site

from trangxa import other_news
from trangxa.bench.generate import add_article, edit_article, generate
from trangxa.warm import BuilderProcess, WarmBuilder

spec = importlib.util.spec_from_file_location("output_digest", ROOT / "tools" / "output_digest.py")
output_digest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(output_digest)

SETTINGS = """\
import runpy
globals().update({{k: v for k, v in runpy.run_path({conf!r}).items() if k.isupper()}})
THEME = {theme!r}
OTHER_NEWS_COUNT = {other_news}
"""


@pytest.fixture
def warm_site(tmp_path):
    content = tmp_path / "content"
    generate(content, 40, seed=7)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    settings = tmp_path / "settings.py"
    settings.write_text(SETTINGS.format(conf=str(ROOT / "pelicanconf.py"), theme=str(theme), other_news=8))
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "output-dev"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "SEARCH_INDEX": False,  # Pagefind's bundles are not byte-stable from run to run
    }
    builder = WarmBuilder(str(settings), overrides)
    yield builder, content, theme, settings, tmp_path
    builder.close()


def digests(folder, since):
    return output_digest.tree_digests(folder, (since, datetime.datetime.now(datetime.UTC)))


def cold_build(tmp_path, content, settings, step):
    output = tmp_path / f"cold-{step}"
    overrides = {
        "THEME": str(tmp_path / "theme"),
        "SEARCH_INDEX": False,
        "ORGANIZATIONS_REGISTRY": str(content / "organizations.yml"),
    }
    # A full build of its own: not helped by what the warm builds left in this process
    # ("Thông tin khác" reuses the last choice when its inputs are the same).
    kept, other_news._last_choice[:] = list(other_news._last_choice), []
    try:
        build_site(output, content, settings_file=str(settings), **overrides)
    finally:
        other_news._last_choice[:] = kept
    return output


def rename(path, new_name):
    target = path.with_name(new_name)
    path.rename(target)
    return [path, target]


def test_warm_builds_end_where_a_full_build_does(warm_site):
    builder, content, theme, settings, tmp_path = warm_site
    since = datetime.datetime.now(datetime.UTC)
    articles = sorted((content / "bai-viet").rglob("*.md"))
    page = next((content / "trang").glob("*.md"))
    photo = next((content / "images").rglob("*.jpg"))

    def retitle(path):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Title: ", "Title: Tin mới: ", 1), encoding="utf-8")
        return [path]

    def draft(path):
        path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\nStatus: draft\n\n", 1), "utf-8")
        return [path]

    def delete(path):
        path.unlink()
        return [path]

    def regroup(path, organizations="Hội Cựu chiến binh"):  # other "Thông tin khác" change
        text = path.read_text(encoding="utf-8")
        current = re.search(r"(?mi)^category:\s*(.*)$", text).group(1).strip()
        other = "Thông báo" if current != "Thông báo" else "Kinh tế"
        text = re.sub(r"(?mi)^category:.*$", f"Category: {other}", text, count=1)
        text = re.sub(r"(?mi)^organizations:.*$", f"Organizations: {organizations}", text, count=1)
        path.write_text(text, encoding="utf-8")
        return [path]

    def touch_template():
        template = theme / "templates" / "article.html"
        template.write_text(template.read_text(encoding="utf-8") + "\n{# sửa #}\n", encoding="utf-8")
        return [template]

    def new_photo():
        copy = photo.with_name("anh-moi.jpg")
        shutil.copy2(photo, copy)
        return [copy]

    def other_settings():
        text = settings.read_text(encoding="utf-8").replace("OTHER_NEWS_COUNT = 8", "OTHER_NEWS_COUNT = 5")
        settings.write_text(text, encoding="utf-8")
        return [settings]

    steps = [
        ("first build", lambda: []),
        ("body edited", lambda: [edit_article(articles[3])]),
        ("title edited (new address)", lambda: retitle(articles[5])),
        ("article added", lambda: [add_article(content, seed=7)]),
        ("article added in a new folder", lambda: [add_article(content, 7, datetime.datetime(2020, 5, 4))]),
        ("article deleted", lambda: delete(articles[8])),
        ("article renamed", lambda: rename(articles[10], "doi-ten.md")),
        ("article made a draft", lambda: draft(articles[12])),
        ("category and organizations changed", lambda: regroup(articles[14])),
        # An error in development: reported, the rest built. Its title names an organization,
        # which must not be inferred in the next builds, when its object is reused.
        ("an unknown organization written", lambda: regroup(articles[14], "Hội Không Có")),
        ("page edited", lambda: [edit_article(page)]),
        ("photo added", new_photo),
        # One no article links: a cached read does not notice that a file it links was deleted
        # (front_matter only drops reads whose missing file appeared), in any cached build.
        ("photo deleted", lambda: delete(photo.with_name("anh-moi.jpg"))),
        ("nothing changed", lambda: []),
        ("template edited", touch_template),
        ("settings edited", other_settings),
        ("body edited after a full rebuild", lambda: [edit_article(articles[20])]),
    ]
    kinds = []
    for number, (step, change) in enumerate(steps):
        changed = change()
        time.sleep(0.01)
        result = builder.build(changed)
        assert not result.failed, step
        kinds.append(result.kind)
        warm = digests(tmp_path / "output-dev", since)
        cold = digests(cold_build(tmp_path, content, settings, number), since)
        differences = [
            f"{name}: {'absent' if name not in warm else 'extra' if name not in cold else 'differs'}"
            for name in sorted(set(warm) | set(cold))
            if warm.get(name) != cold.get(name)
        ]
        assert not differences, f"after “{step}”: {differences[:10]}"
    assert kinds == ["full", *["warm"] * 13, "full", "full", "warm"]


def test_unchanged_articles_are_not_read_again(warm_site):
    builder, content, *_ = warm_site
    builder.build()
    first = dict(next(iter(builder.caches.contents.values())))
    assert len(first) >= 40
    edited = edit_article(sorted((content / "bai-viet").rglob("*.md"))[0])
    builder.build([edited])
    second = next(iter(builder.caches.contents.values()))
    relative = edited.relative_to(content).as_posix()
    kept = [path for path in first if path != relative and second[path][1][1] is first[path][1][1]]
    assert len(kept) == len(first) - 1, "every other article is the same object"
    assert second[relative][1][1] is not first[relative][1][1], "the edited one is read again"


def test_the_builder_process_starts_again_when_plugin_code_changes(tmp_path):
    content = tmp_path / "content"
    generate(content, 5, seed=3)
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "output-dev"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "SEARCH_INDEX": False,
    }
    builder = BuilderProcess(str(ROOT / "pelicanconf.py"), overrides)
    try:
        assert builder.build([]).kind == "full"
        first = builder.process.pid
        edited = edit_article(sorted((content / "bai-viet").rglob("*.md"))[0])
        result = builder.build([str(edited)])
        assert (result.kind, result.failed, builder.process.pid) == ("warm", False, first)
        plugin = ROOT / "trangxa" / "other_news.py"  # as if saved: its new code must be imported
        result = builder.build([str(plugin)])
        assert (result.kind, result.failed) == ("full", False) and builder.process.pid != first
    finally:
        builder.close()
    assert builder.process is None
