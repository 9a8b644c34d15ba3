"""Smoke test of the benchmark harness (trangxa/bench/) on ~30 generated articles; no timing asserted."""

import datetime
import json
import logging
import re

import pytest
from conftest import ROOT, read_source, registry_slugs, source_date
from pelican.settings import read_settings

from trangxa.bench import run
from trangxa.bench.generate import END, WORDS, add_article, edit_article, generate
from trangxa.lib.text import fold

COUNT = 30
FIGURE = re.compile(r"!\[[^\]\n]+\]\((?:\{static\}/)?(images/[^)\s]+)\)\n\n/// caption\n[^\n]+\n///")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("bench") / "content", COUNT)


def sources(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def test_same_seed_gives_identical_files(corpus, tmp_path):
    assert sources(generate(tmp_path / "again", COUNT).path) == sources(corpus.path)


def test_other_seed_gives_other_articles(corpus, tmp_path):
    ours = set(sources(corpus.path / "bai-viet").values())
    theirs = set(sources(generate(tmp_path / "other", COUNT, seed=7).path / "bai-viet").values())
    assert not ours & theirs


def test_smaller_corpus_is_a_prefix(corpus, tmp_path):
    small = generate(tmp_path / "small", 10)
    assert [p.read_bytes() for p in small.articles] == [p.read_bytes() for p in corpus.articles[:10]]


def test_articles_have_the_project_shape(corpus):
    categories = read_settings(str(ROOT / "pelicanconf.py"))["SITE_CATEGORIES"]
    organizations = registry_slugs()
    titles, syntaxes, figure_counts = set(), set(), []
    for path in corpus.articles:
        text = path.read_text(encoding="utf-8")
        syntaxes.add("yaml" if text.startswith("---") else "key-value")
        meta, body = read_source(path)
        titles.add(meta["title"])
        assert meta["author"] and meta["category"] in categories
        assert 1 <= len(meta["organizations"]) <= 2
        assert all(fold(name) in organizations for name in meta["organizations"])
        assert datetime.datetime(2021, 1, 1) <= source_date(meta["date"]) < datetime.datetime(2026, 11, 16)
        figures = FIGURE.findall(body)
        assert len(figures) == body.count("![") <= 3
        assert all((corpus.path / image).is_file() for image in figures)
        prose = re.sub(r"^- ", "", FIGURE.sub("", body), flags=re.MULTILINE)
        assert WORDS[0] <= len(prose.split()) <= WORDS[1], path
        figure_counts.append(len(figures))
    assert len(titles) == COUNT
    assert syntaxes == {"yaml", "key-value"}
    assert min(figure_counts) == 0 and max(figure_counts) >= 2
    assert sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.articles) >= corpus.words


def test_generated_content_passes_the_content_checks(corpus, tmp_path, caplog):
    from trangxa.content_checks.check import run_checks

    override = {"PATH": str(corpus.path), "OUTPUT_PATH": str(tmp_path), "CACHE_CONTENT": False}
    settings = read_settings(str(ROOT / "pelicanconf.py"), override=override)
    with caplog.at_level(logging.WARNING):
        errors = run_checks(settings)
    assert errors == 0, [record.getMessage() for record in caplog.records]


def test_add_and_edit(tmp_path):
    small = generate(tmp_path / "content", 5)
    added = add_article(small.path)
    meta, _ = read_source(added)
    assert added.stem not in {p.stem for p in small.articles}
    assert source_date(meta["date"]).date() == END
    before = small.articles[2].read_text(encoding="utf-8")
    edit_article(small.articles[2])
    after = small.articles[2].read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n")) and len(after) > len(before)


def test_run_end_to_end(tmp_path):
    report, data = tmp_path / "results.md", tmp_path / "results.json"
    argv = ["--articles", str(COUNT), "--workdir", str(tmp_path / "work"), "--report", str(report)]
    assert run.main([*argv, "--json", str(data)]) == 0

    labels = list(run.BUILDS.values())
    rows = [[cell.strip() for cell in line.split("|")[1:-1]] for line in report.read_text().splitlines()]
    rows = {cells[1]: cells for cells in rows if len(cells) > 2 and cells[1] in labels}
    assert list(rows) == labels
    assert all(cells[0] == str(COUNT) and float(cells[2]) > 0 for cells in rows.values())  # wall seconds

    result = json.loads(data.read_text(encoding="utf-8"))["results"][0]
    builds = {build["kind"]: build for build in result["builds"]}
    assert all(b["wall"] > 0 and b["largest_mb"] > 0 and b["files"] > 0 for b in builds.values())
    assert builds["add"]["added"] >= 1
    assert builds["edit"]["changed"] >= 1
    new_page = result["added_article"].removesuffix(".md") + ".html"
    assert (tmp_path / "work" / f"n{COUNT}" / "out-project" / new_page).is_file()
    # (1b): Pagefind over plain Pelican's output, timed on top of (1).
    peer, plain = builds["plain_search"], builds["plain"]
    assert peer["search_wall"] > 0 and peer["wall"] == pytest.approx(plain["wall"] + peer["search_wall"])
    assert (tmp_path / "work" / f"n{COUNT}" / "out-plain" / "pagefind" / "pagefind.js").is_file()
    # (5): a fresh clone with the cache restored rebuilds incrementally, rsync sends what changed.
    ci = builds["ci"]
    assert ci["added"] >= 1 and ci["sent"] == ci["added"] + ci["changed"]
    assert ci["sent"] < ci["files"] / 4, "most of the site is not sent again"
    ci_page = result["ci_article"].removesuffix(".md") + ".html"
    assert (tmp_path / "work" / f"n{COUNT}" / "out-project" / ci_page).is_file()
    assert "full build / (1b) =" in report.read_text()
