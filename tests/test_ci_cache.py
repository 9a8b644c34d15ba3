"""A publish from CI starts from a fresh clone (every file a new time) with the cache folder and
the previous output restored: only what changed is read, rendered, indexed and deployed."""

import hashlib
import logging
import os
import re
import shutil
import subprocess
import time

import pytest
from conftest import CONTENT, build_site

from trangxa import parallel_reading, responsive_images
from trangxa.front_matter.front_matter import FrontMatterMarkdownReader
from trangxa.publishing import Dest, rsync_command

NEW_ARTICLE = """\
---
title: Xã Tân Hòa ra quân nạo vét kênh thủy lợi nội đồng ấp Cây Gáo
date: 2026-11-21 07:30
author: Minh Chiến
category: Tin tức – Sự kiện
organizations: [Hội Nông dân]
---

Sáng 21/11/2026, Hội Nông dân xã Tân Hòa ra quân nạo vét 3 km kênh thủy lợi nội đồng tại ấp Cây Gáo.

Hơn 120 hội viên và người dân tham gia.
"""
# Pagefind names its files by content hash; the sitemap dates list pages with the build time.
NOT_COMPARED = ("pagefind/", "sitemap.xml")


def tree(folder, compared_only=True):
    digests = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not (compared_only and relative.startswith(NOT_COMPARED)):
            data = path.read_bytes()
            if compared_only and path.suffix == ".xml" and b"<entry>" not in data and b"<item>" not in data:
                data = re.sub(rb"<(updated|lastBuildDate)>[^<]*<", rb"<\1><", data)  # a feed without items
            digests[relative] = hashlib.sha256(data).hexdigest()
    return digests


def copy_in_place(folder, keep_times):
    """``folder`` replaced by a copy at the same path: new times (git clone) or kept (a cache archive)."""
    copy = folder.with_name(folder.name + ".copy")
    shutil.copytree(folder, copy, copy_function=shutil.copy2 if keep_times else shutil.copyfile)
    shutil.rmtree(folder)
    copy.rename(folder)


def touch_all(folder, when):
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (when, when))


@pytest.fixture
def counted(monkeypatch):
    """Files read by the project's reader (articles, pages, documents) and photo copies made."""
    seen = {"read": [], "variants": []}
    read, make_variant = FrontMatterMarkdownReader.read, responsive_images.make_variant

    def counting_read(self, path):
        seen["read"].append(path)
        return read(self, path)

    def counting_make_variant(*args):
        seen["variants"].append(args[1])
        return make_variant(*args)

    monkeypatch.setattr(FrontMatterMarkdownReader, "read", counting_read)
    monkeypatch.setattr(responsive_images, "make_variant", counting_make_variant)
    return seen


def build(content, output, cache, **overrides):
    records = build_site(
        output,
        content,
        settings_file="publishconf.py",
        log_level=logging.INFO,
        CACHE_PATH=str(cache),
        CACHE_CONTENT=True,
        LOAD_CONTENT_CACHE=True,
        PARALLEL_WRITING_WORKERS=1,
        **overrides,
    )
    messages = [record.getMessage() for record in records]
    written = next(m for m in messages if m.startswith("Đã ghi "))
    search = next((m for m in messages if m.startswith("Tìm kiếm: ")), "")
    return int(written.split()[2]), search


def deploy(output, dest, release, previous=None):
    """The project's rsync command into a local folder; the files rsync sent."""
    (dest / "releases").mkdir(parents=True, exist_ok=True)
    command = rsync_command(output, Dest(None, str(dest)), release, link_dest=previous)
    lines = subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()
    return sorted(line.split(" ", 1)[1] for line in lines if line.startswith(">f"))


@pytest.fixture
def site(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    shutil.copytree(CONTENT, content)
    build(content, output, cache)
    return content, output, cache


@pytest.mark.external  # rsync
def test_fresh_clone_with_restored_cache_does_only_what_changed(site, tmp_path, counted):
    content, output, cache = site
    dest = tmp_path / "deploy"
    deploy(output, dest, "A")
    saved = tmp_path / "saved"  # what the CI cache saves (the clone is made from content)
    for folder in (content, cache, output):
        shutil.copytree(folder, saved / folder.name)
    # The control: the same change, built in place (nothing copied, times kept).
    (content / "bai-viet/2026/nao-vet-kenh.md").write_text(NEW_ARTICLE, encoding="utf-8")
    control_written, control_search = build(content, output, cache)

    # CI: a fresh clone (new times, later than anything built), the cache and the output restored,
    # the output's times changed too (an archive that keeps whole seconds only).
    for folder in (content, cache, output):
        shutil.rmtree(folder)
        shutil.copytree(saved / folder.name, folder, copy_function=shutil.copy2)
    later = time.time() + 120
    copy_in_place(content, keep_times=False)
    touch_all(content, later)
    touch_all(output, later)
    (content / "bai-viet/2026/nao-vet-kenh.md").write_text(NEW_ARTICLE, encoding="utf-8")
    before = tree(output, compared_only=False)
    counted["read"].clear()
    written, search = build(content, output, cache)

    assert [os.path.basename(path) for path in counted["read"]] == ["nao-vet-kenh.md"]
    assert counted["variants"] == []  # no photo copy made again
    # The pages and search bundles a rebuild in place writes (those the new article changes:
    # its lists, the "Thông tin khác" of a few articles and their bundles), no more.
    assert written == control_written
    assert search == control_search and not search.endswith(" 4 phần lập lại."), search

    full = tmp_path / "full"
    build(content, full, tmp_path / "fresh-cache")
    assert tree(output) == tree(full)  # byte for byte what a full build makes

    after = tree(output, compared_only=False)
    changed = sorted(path for path in after if before.get(path) != after[path])
    assert deploy(output, dest, "B", previous="A") == changed  # rsync sends the changed files only
    assert len(changed) <= 60, changed


def test_a_change_of_settings_or_packages_reads_and_writes_everything_again(site, counted, monkeypatch):
    content, output, cache = site
    articles = len(list((content / "bai-viet").rglob("*.md")))
    counted["read"].clear()
    written, _ = build(content, output, cache, TYPOGRIFY_DASHES="oldschool_inverted")
    assert len(counted["read"]) > articles  # articles, pages, documents: all read again
    assert written > articles  # every page's key holds the settings

    counted["read"].clear()
    build(content, output, cache, TYPOGRIFY_DASHES="oldschool_inverted")
    assert counted["read"] == []

    versions = parallel_reading.installed_versions()
    monkeypatch.setattr(parallel_reading, "installed_versions", lambda: (versions[0], [("markdown", "99")]))
    build(content, output, cache, TYPOGRIFY_DASHES="oldschool_inverted")
    assert len(counted["read"]) > articles  # a new Markdown (or typogrify, nh3…): read again


def test_a_build_stopped_before_the_end_leaves_no_record_of_new_inputs(site, counted):
    content, output, cache = site
    inputs = cache / parallel_reading.INPUTS_FILE
    assert inputs.is_file()

    class Pelican:
        settings = {"LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(cache), "TYPOGRIFY_DASHES": "x"}

    parallel_reading.check_inputs(Pelican)  # other inputs: the record goes at once
    assert not inputs.exists()


def test_pipelines_keep_the_build_caches_keyed_by_the_build_inputs():
    import yaml  # noqa: PLC0415
    from conftest import ROOT  # noqa: PLC0415

    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = [step for step in workflow["jobs"]["build"]["steps"] if "actions/cache@" in step.get("uses", "")]
    site = next(step["with"] for step in steps if "cache/publish" in step["with"]["path"])
    assert site["path"].split() == ["cache/publish", ".output-build"]
    inputs = ("requirements.txt", "requirements-dev.txt", "pelicanconf.py", "publishconf.py", "theme/**")
    assert all(f"'{name}'" in site["key"] for name in (*inputs, "trangxa/**"))
    assert site["key"].endswith("${{ github.run_id }}")
    assert site["restore-keys"].strip() == site["key"].removesuffix("${{ github.run_id }}")

    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    for job, prefix in (("pages", "site-live"), ("preview", "site-preview")):
        caches = {cache["key"]["prefix"]: cache for cache in gitlab[job]["cache"]}
        assert caches[prefix]["paths"] == ["cache/publish/", ".output-build/"]
        assert caches[prefix]["key"]["files"] == ["pelicanconf.py", "publishconf.py"]
        assert caches["venv-py311"] == gitlab["default"]["cache"]  # a job's cache replaces the default
