"""“Thông tin khác”: relevance tiers, nearest dates, never the article itself; shown newest first."""

import datetime
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CONTENT, ROOT

from trangxa.other_news import DateIndex, add_other_news, choose_other_news

START = datetime.datetime(2024, 1, 1)


def make(number, category, organizations=(), day=None):
    return SimpleNamespace(
        title=f"Bài {number}",
        date=START + datetime.timedelta(days=number if day is None else day),
        category=category,
        organizations=list(organizations),
    )


def rank(article, other):
    """(tier, date distance): shared organization 0, same category 1, other 2."""
    if set(article.organizations) & set(other.organizations):
        tier = 0
    elif other.category == article.category:
        tier = 1
    else:
        tier = 2
    return tier, abs(other.date - article.date)


def expected_order(article, articles):
    """Brute force, for the test only: the rank of every other article."""
    return sorted(rank(article, other) for other in articles if other is not article)


def test_tiers_then_nearest_dates_on_random_site():
    rng = random.Random(7)
    categories = ["Kinh tế", "Thông báo", "Văn hóa – Xã hội"]
    organizations = ["Đảng ủy", "UBND", "Hội Nông dân", "Hội LHPN", "Đoàn Thanh niên"]
    articles = [
        make(n, rng.choice(categories), rng.sample(organizations, rng.randint(0, 2)), rng.randint(0, 900))
        for n in range(300)
    ]
    chosen = choose_other_news(articles, 8)
    for article in articles:
        picked = chosen[id(article)]
        assert len(picked) == 8
        assert article not in picked
        assert len({id(p) for p in picked}) == 8
        assert [rank(article, other) for other in picked] == expected_order(article, articles)[:8]


def test_organization_beats_category_beats_date():
    target = make(0, "Kinh tế", ["Hội Nông dân"], day=100)
    same_org_far = make(1, "Thông báo", ["Hội Nông dân"], day=1)
    same_category = make(2, "Kinh tế", [], day=300)
    near_other = make(3, "Thông báo", [], day=101)
    chosen = choose_other_news([target, same_org_far, same_category, near_other], 8)
    assert chosen[id(target)] == [same_org_far, same_category, near_other]


def test_shown_newest_first_chosen_by_relevance():
    """The issue's example: chosen by relevance (15/10, 10/04, 23/12…), shown newest first."""
    rng = random.Random(3)
    categories = ["Kinh tế", "Thông báo", "Văn hóa – Xã hội"]
    organizations = ["Đảng ủy", "UBND", "Hội Nông dân", "Hội LHPN"]
    articles = [
        make(n, rng.choice(categories), rng.sample(organizations, rng.randint(0, 2)), rng.randint(0, 900))
        for n in range(200)
    ]
    chosen = choose_other_news(articles, 8)
    generator = SimpleNamespace(articles=articles, settings={"OTHER_NEWS_COUNT": 8})
    add_other_news(generator)
    reordered = 0
    for article in articles:
        shown = article.other_news
        assert sorted(map(id, shown)) == sorted(map(id, chosen[id(article)])), "the same eight"
        assert [other.date for other in shown] == sorted((other.date for other in shown), reverse=True)
        reordered += shown != chosen[id(article)]
    assert reordered > 150, "relevance order is not date order: the display order really changed"


def test_same_day_articles_keep_their_relevance_order():
    target = make(0, "Kinh tế", ["UBND"], day=50)
    same_org = make(1, "Thông báo", ["UBND"], day=10)
    same_category = make(2, "Kinh tế", [], day=10)
    newer = make(3, "Thông báo", [], day=49)
    generator = SimpleNamespace(articles=[target, same_org, same_category, newer], settings={})
    add_other_news(generator)
    assert target.other_news == [newer, same_org, same_category]


def test_small_site_lists_everything_else():
    articles = [make(n, "Kinh tế") for n in range(3)]
    chosen = choose_other_news(articles, 8)
    assert all(len(chosen[id(a)]) == 2 for a in articles)


def test_nearest_walks_both_ways():
    articles = [make(n, "Kinh tế", day=d) for n, d in enumerate([0, 10, 11, 13, 30])]
    index = DateIndex(articles)
    assert index.nearest(articles[2], 3, {id(articles[2])}) == [articles[1], articles[3], articles[0]]


def test_same_lists_in_every_process(tmp_path):
    """Hash randomisation must not reorder "Thông tin khác": a rebuild would rewrite pages for nothing.

    The target shares one organization with an article a day before and another with an
    article a day after: a tie that only a deterministic order settles.
    """
    content = tmp_path / "content"
    (content / "bai-viet").mkdir(parents=True)
    shutil.copy(CONTENT / "organizations.yml", content)
    for day, name, orgs in [
        (10, "giua", "Hội Nông dân, UBND"),
        (9, "truoc", "Hội Nông dân"),
        (11, "sau", "UBND"),
    ]:
        (content / "bai-viet" / f"{name}.md").write_text(
            f"Title: Bài {name}\nDate: {day:02d}/03/2025\nAuthor: Thu\nCategory: Kinh tế\n"
            f"Organizations: {orgs}\n\nNội dung.\n",
            encoding="utf-8",
        )
    pages = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        output = tmp_path / seed
        pelican = str(Path(sys.executable).parent / "pelican")
        settings = ["-s", str(ROOT / "pelicanconf.py"), "-e", "CACHE_CONTENT=false", "SEARCH_INDEX=false"]
        command = [pelican, str(content), "-o", str(output), *settings]
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        pages.add((output / "bai-viet" / "2025" / "bai-giua.html").read_bytes())
    assert len(pages) == 1


def site_with_paths(seed):
    rng = random.Random(seed)
    categories = ["Kinh tế", "Thông báo", "Văn hóa – Xã hội"]
    organizations = ["Đảng ủy", "UBND", "Hội Nông dân", "Hội LHPN"]
    articles = []
    for n in range(120):
        article = make(
            n, rng.choice(categories), rng.sample(organizations, rng.randint(0, 2)), rng.randint(0, 400)
        )
        article.source_path = f"/content/bai-viet/{n}.md"
        articles.append(article)
    return articles


def shown(articles):
    return {a.source_path: [o.source_path for o in a.other_news] for a in articles}


def test_a_rebuild_with_the_same_inputs_reuses_the_lists_with_its_own_objects(monkeypatch):
    """make serve: an edit of an article's text changes no list; they are not chosen again,
    and hold the new build's objects. Any change of date, category or organization chooses again."""
    first = site_with_paths(11)
    add_other_news(SimpleNamespace(articles=first, settings={}))
    second = site_with_paths(11)  # the next build's objects, same inputs
    monkeypatch.setattr("trangxa.other_news.choose_other_news", lambda *args: pytest.fail("chosen again"))
    add_other_news(SimpleNamespace(articles=second, settings={}))
    assert shown(second) == shown(first)
    assert all(other in second for article in second for other in article.other_news), "this build's objects"
    monkeypatch.undo()

    for change in (
        lambda a: setattr(a, "date", a.date + datetime.timedelta(days=30)),
        lambda a: setattr(a, "category", "Kinh tế" if a.category != "Kinh tế" else "Thông báo"),
        lambda a: setattr(a, "organizations", ["Đoàn Thanh niên"]),
    ):
        changed = site_with_paths(11)
        change(changed[40])
        add_other_news(SimpleNamespace(articles=changed, settings={}))
        fresh = site_with_paths(11)
        change(fresh[40])
        chosen = choose_other_news(fresh, 8)
        expected = {a.source_path: sorted(o.source_path for o in chosen[id(a)]) for a in fresh}
        assert {path: sorted(others) for path, others in shown(changed).items()} == expected
