"""The tiers are right: no build or browser test hides in the fast unit tier."""

import subprocess
import sys

from conftest import ROOT


def collected(*marker):
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *marker]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    return {line for line in result.stdout.splitlines() if "::" in line}


def test_each_test_has_one_tier_and_the_unit_tier_builds_nothing():
    tiers = {tier: collected("-m", tier) for tier in ("unit", "build", "browser", "external")}
    assert sum(map(len, tiers.values())) == len(set().union(*tiers.values())), "one tier each"
    assert set().union(*tiers.values()) == collected(), "every test has a tier"
    # Tests that build the site, use Chromium or run an outside tool are never unit tests.
    unit = tiers["unit"]
    assert any(name.startswith("tests/test_vietnamese.py::") for name in unit)
    assert not any(name.startswith("tests/test_quality.py::") for name in unit)
    assert "tests/test_site.py::test_dates_are_day_first" in tiers["build"]  # the sample site, built
    assert "tests/test_build_log.py::test_a_failed_strict_build_in_a_ci_log" in tiers["build"]
    assert "tests/test_counter_widget.py::test_figures_appear_grouped_with_dots" in tiers["browser"]
    assert "tests/test_feeds.py::test_a_real_feed_reader_reads_every_feed" in tiers["external"]
