"""PLUGINS order: each plugin says what must run before it; a wrong order stops the build."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from pelican.settings import read_settings

from trangxa.plugin_order import order_problems


def test_the_projects_plugins_are_in_a_valid_order():
    assert order_problems(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]) == []


def test_a_plugin_listed_before_what_it_needs_is_named():
    problems = order_problems(["trangxa.other_news", "trangxa.organizations"])
    assert problems == ["“trangxa.organizations” phải đứng trước “trangxa.other_news” trong PLUGINS"]
    problems = order_problems(["sitemap", "trangxa.pagination", "trangxa.incremental_output"])
    assert problems == ["“trangxa.incremental_output” phải đứng trước “sitemap” trong PLUGINS"]


def test_an_absent_plugin_is_no_constraint():
    assert order_problems(["trangxa.other_news"]) == []
    assert order_problems(["trangxa.search_index", "sitemap"]) == []


def test_a_wrong_order_stops_the_build_at_start_up(tmp_path):
    plugins = list(read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"])
    plugins.remove("trangxa.gc_freeze")
    plugins.append("trangxa.gc_freeze")  # after parallel_reading, which needs it first
    command = [
        str(Path(sys.executable).parent / "pelican"), str(ROOT / "content"), "-o", str(tmp_path / "out"),
        "-s", str(ROOT / "pelicanconf.py"), "-e", f"PLUGINS={json.dumps(plugins)}",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert "“trangxa.gc_freeze” phải đứng trước “trangxa.parallel_reading”" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists(), "nothing was built"
