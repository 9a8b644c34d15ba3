"""The reader cache: a rebuild reads only what changed, yet reports every problem again."""

import logging
import os
import pickle
import shutil

import pytest
from conftest import CONTENT, build_site

from trangxa import compat
from trangxa.content_checks.content_checks import ContentCheckFailed

GOOD = (
    "Title: Hội nghị tổng kết\nDate: 10/01/2025\nAuthor: Nguyễn Thu\nCategory: Kinh tế\n\n"
    "Sáng 10/1, “hội nghị” diễn ra.\n"
)
MISSING_PHOTO = (
    "Title: Ra quân dọn vệ sinh\nDate: 11/01/2025\nCategory: Kinh tế\n\nSáng 11/1, xã ra quân.\n\n"
    "![Đoàn viên dọn vệ sinh](images/2025/moi.jpg)\n"
)


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    (folder / "bai-viet").mkdir(parents=True)
    shutil.copy(CONTENT / "organizations.yml", folder)
    (folder / "bai-viet" / "tong-ket.md").write_text(GOOD, encoding="utf-8")
    (folder / "bai-viet" / "ra-quan.md").write_text(MISSING_PHOTO, encoding="utf-8")
    return folder


def cached_build(content, output, cache, **overrides):
    return build_site(
        output, content=content, log_level=logging.INFO,
        CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=str(cache), **overrides,
    )  # fmt: skip


def messages(records):
    return [r.getMessage() for r in records]


def test_rebuild_from_cache_is_identical_and_still_reports(content, tmp_path):
    first = messages(cached_build(content, tmp_path / "one", tmp_path / "cache"))
    assert list((tmp_path / "cache").iterdir()), "the cache was written"
    second = messages(cached_build(content, tmp_path / "two", tmp_path / "cache"))
    for problem in ("chưa ghi tác giả", "moi.jpg"):
        assert any(problem in m for m in first) and any(problem in m for m in second), problem
    assert sum("chưa ghi tác giả" in m for m in second) == 1, "reported once, not piled up by the cache"
    for page in (tmp_path / "one").rglob("*.html"):
        twin = tmp_path / "two" / page.relative_to(tmp_path / "one")
        assert page.read_bytes() == twin.read_bytes(), page
    with pytest.raises(ContentCheckFailed):
        cached_build(content, tmp_path / "three", tmp_path / "cache", CONTENT_CHECKS_STRICT=True)


def test_a_photo_added_later_is_picked_up(content, tmp_path):
    cached_build(content, tmp_path / "one", tmp_path / "cache")
    photo = content / "images" / "2025" / "moi.jpg"
    photo.parent.mkdir(parents=True)
    shutil.copy(next((CONTENT / "images" / "2025").glob("*.jpg")), photo)
    records = messages(cached_build(content, tmp_path / "two", tmp_path / "cache"))
    assert not any("moi.jpg" in m for m in records)
    page = (tmp_path / "two" / "bai-viet" / "2025" / "ra-quan-don-ve-sinh.html").read_text(encoding="utf-8")
    assert 'src="../../images/2025/moi.jpg"' in page


def test_a_photo_deleted_later_is_reported_at_its_line(content, tmp_path):
    """The cached read of an article is not kept once a photo it shows is deleted: read again,
    it names the photo at its line, and the page no longer shows it as if it were there."""
    photo = content / "images" / "2025" / "moi.jpg"
    photo.parent.mkdir(parents=True)
    shutil.copy(next((CONTENT / "images" / "2025").glob("*.jpg")), photo)
    first = messages(cached_build(content, tmp_path / "one", tmp_path / "cache"))
    assert not any("moi.jpg" in m for m in first)
    photo.unlink()
    records = messages(cached_build(content, tmp_path / "one", tmp_path / "cache"))
    source = content / "bai-viet" / "ra-quan.md"
    assert [m for m in records if m.startswith(f"{source}:7: ") and "moi.jpg" in m], records
    assert not [m for m in records if "Cannot get modification stamp" in m], records


def test_a_photo_linked_with_pelicans_prefix_and_deleted_is_reported(content, tmp_path):
    """A link written "{static}/images/…", as older articles do, is checked too: deleted, it is named
    at its line (Pelican itself only says in English that it cannot read the file)."""
    photo = content / "images" / "2025" / "cu.jpg"
    photo.parent.mkdir(parents=True)
    shutil.copy(next((CONTENT / "images" / "2025").glob("*.jpg")), photo)
    source = content / "bai-viet" / "tong-ket.md"
    source.write_text(GOOD + "\n![Hội trường]({static}/images/2025/cu.jpg)\n", encoding="utf-8")
    first = messages(cached_build(content, tmp_path / "one", tmp_path / "cache"))
    assert not any("cu.jpg" in m for m in first)
    photo.unlink()
    records = messages(cached_build(content, tmp_path / "one", tmp_path / "cache"))
    assert [m for m in records if m.startswith(f"{source}:8: ") and "cu.jpg" in m], records
    assert not [m for m in records if "Cannot get modification stamp" in m], records


def test_each_source_is_hashed_once_a_build(content, tmp_path, monkeypatch):
    """With CHECK_MODIFIED_METHOD a hash, the readers and the generator (which caches nothing
    with the reader layer, yet asks twice) share one stamp per file and build."""
    import hashlib  # noqa: PLC0415

    sources = {path.read_bytes() for path in (content / "bai-viet").glob("*.md")}
    hashed = []

    def counting_sha1(data=b"", **arguments):
        if data in sources:
            hashed.append(data)
        return hashlib.new("sha1", data, **arguments)

    monkeypatch.setattr(hashlib, "sha1", counting_sha1)
    for output in ("one", "two"):  # read, then from the cache
        hashed.clear()
        cached_build(content, tmp_path / output, tmp_path / "cache", CHECK_MODIFIED_METHOD="sha1")
        assert sorted(hashed) == sorted(sources), output


def test_parallel_reading_gives_the_same_site(site, tmp_path):
    """The sample read by a pool of processes builds the same pages as the serial build."""
    output = tmp_path / "parallel"
    records = build_site(
        output, log_level=logging.INFO, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True,
        CACHE_PATH=str(tmp_path / "cache"), PARALLEL_READING_WORKERS=2, PARALLEL_READING_MIN_FILES=1,
    )  # fmt: skip
    assert any(r.getMessage().startswith("Đã đọc 49 tệp bằng 2 tiến trình") for r in records)
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    assert warnings == [r.getMessage() for r in site.warnings]
    pages = sorted(p.relative_to(site.output) for p in site.output.rglob("*.html"))
    assert pages == sorted(p.relative_to(output) for p in output.rglob("*.html"))
    for page in pages:
        assert (output / page).read_bytes() == (site.output / page).read_bytes(), page
    assert (tmp_path / "cache").is_dir()


def test_reader_cache_is_rewritten_only_when_a_file_was_read(content, tmp_path):
    cache = tmp_path / "cache"
    cached_build(content, tmp_path / "out", cache)
    [articles_cache] = [path for path in cache.iterdir() if path.name.startswith("ArticlesGenerator")]
    written = articles_cache.stat().st_mtime_ns
    cached_build(content, tmp_path / "out", cache)
    assert articles_cache.stat().st_mtime_ns == written, "nothing read, nothing to save"
    article = content / "bai-viet" / "tong-ket.md"
    article.write_text(GOOD + "\nBổ sung một câu.\n", encoding="utf-8")
    cached_build(content, tmp_path / "out", cache)
    assert articles_cache.stat().st_mtime_ns != written
    records = cached_build(content, tmp_path / "again", cache)  # the edit came back from the saved cache
    page = next((tmp_path / "again").rglob("hoi-nghi-tong-ket*.html"))
    assert "Bổ sung một&nbsp;câu." in page.read_text(encoding="utf-8"), messages(records)


def test_the_reader_cache_is_written_by_another_process_whole_and_in_place(content, tmp_path, monkeypatch):
    """The pickle is written by a forked copy of the build into a temporary file renamed into
    place: the build does not wait for it, and the file is never found half-written."""
    writers = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: writers.append(fork()) or writers[-1])
    cache = tmp_path / "cache"
    cached_build(content, tmp_path / "out", cache)
    assert writers, "the cache was written by a forked process"
    assert compat._cache_writers == [], "the build waited for it at its end"
    [articles_cache] = [path for path in cache.iterdir() if path.name.startswith("ArticlesGenerator")]
    entries = pickle.loads(articles_cache.read_bytes())
    assert sorted(os.path.basename(path) for path in entries) == ["ra-quan.md", "tong-ket.md"]
    # Equal taxonomy objects are stored once (both articles are in "Kinh tế"): a smaller,
    # faster cache; each article still has its own in the build that read them.
    first, second = (metadata["category"] for _, (_, metadata) in entries.values())
    assert first is second and first.name == "Kinh tế"
    assert not [path for path in cache.iterdir() if path.name.endswith(".tmp")]


def test_a_cache_that_cannot_be_written_is_one_line_for_the_operator(tmp_path, caplog):
    class Cacher:  # what compat._write_cache_file reads of Pelican's Readers
        _cache_path = str(tmp_path / "ArticlesGenerator-Readers")
        _cache_open = open
        _cache = {"a.md": ("stamp", ("<p>x</p>", {}))}

    (tmp_path / "ArticlesGenerator-Readers").mkdir()  # a folder where the file should be
    with caplog.at_level(logging.WARNING):
        assert compat._write_cache_file(Cacher()) is False
    [line] = [record.getMessage() for record in caplog.records]
    assert line.startswith(f"{Cacher._cache_path}: không ghi được bộ nhớ đệm (")
    assert line.endswith("lần dựng sau sẽ đọc lại mọi bài.") and "\n" not in line
    left = [path.name for path in tmp_path.iterdir()]
    assert left == ["ArticlesGenerator-Readers"], "no temporary file left"
