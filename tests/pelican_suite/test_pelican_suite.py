"""Pelican's own test suite passes with this project's same-output patches installed.

Pelican's wheel ships its tests; its functional tests build the samples/ folder of
the source distribution (fetched once, pinned: pelican_sdist.py) and compare whole
output trees with the expected ones. They run in a separate process, with every patch
of trangxa.compat that claims Pelican's output is unchanged installed at start-up
(trangxa_patches_plugin.py). docs/compat.md explains it.
"""

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pelican
import pelican_sdist
import pytest
from conftest import ROOT
from trangxa_patches_plugin import PATCHES, SKIPPED

HERE = Path(__file__).resolve().parent
SITE_PACKAGES = Path(pelican.__file__).resolve().parent.parent
CACHE = ROOT / "cache" / "pelican-sdist"  # git-ignored; `invoke clean` removes it
# Skips Pelican's suite makes itself when a tool, module or locale is missing here
# (they run where it is present), and ours (SKIPPED in the plugin). Any other skip fails.
EXPECTED_SKIP_REASONS = {
    "Only run when --check-build is given",  # checks a built wheel; not the installed one
    "['pandoc', '--version'] executable not found",  # pelican-import from other formats
    "Needs lxml module",  # pelican-import from WordPress
    "French locale needed",
    "Turkish locale needed",
    *SKIPPED.values(),
}
# The functional tests: the samples built and compared file by file with Pelican's trees.
OUTPUT_TREE_TESTS = (
    "test_pelican.py::TestPelican::test_basic_generation_works",
    "test_pelican.py::TestPelican::test_custom_generation_works",
)
MIN_PASSED = 270  # 282 on the reference machine (Pelican 4.12.0): nothing silently uncollected


@pytest.fixture(scope="session")
def samples():
    return pelican_sdist.samples_folder(CACHE)


def run_suite(samples, tmp_path, patches="on"):
    report = tmp_path / f"pelican-suite-{patches}.json"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        "PYTHONDONTWRITEBYTECODE": "1",  # nothing written into site-packages
        "PELICAN_SAMPLES": str(samples),
        "TRANGXA_PATCHES": patches,
        "TRANGXA_SUITE_REPORT": str(report),
    }
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "trangxa_patches_plugin", "-p", "no:cacheprovider",
        "-c", os.devnull, "--rootdir", str(SITE_PACKAGES), str(SITE_PACKAGES / "pelican" / "tests"),
    ]  # fmt: skip
    # From the folder holding the pelican package: Pelican's tests expect it as the current folder.
    result = subprocess.run(command, cwd=SITE_PACKAGES, env=env, capture_output=True, text=True, timeout=600)
    assert report.is_file(), f"Pelican's suite did not run:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result, json.loads(report.read_text(encoding="utf-8"))


def test_pelican_is_the_release_whose_samples_are_pinned():
    installed = importlib.metadata.version("pelican")
    assert installed == pelican_sdist.VERSION, (
        f"pelican {installed} is installed; tests/pelican_suite/pelican_sdist.py pins the sdist of "
        f"{pelican_sdist.VERSION}: set VERSION and SHA256 to the installed release's (PyPI lists its hash)"
    )


@pytest.mark.external  # pip (the sdist, downloaded once) and git (Pelican compares trees with it)
def test_pelican_suite_passes_with_the_same_output_patches(samples, tmp_path):
    result, summary = run_suite(samples, tmp_path)
    output = f"{result.stdout[-6000:]}\n{result.stderr[-2000:]}"
    assert summary["patches"] == list(PATCHES), "every same-output patch is installed"
    assert not summary["failed"], f"Pelican's tests failing with the patches: {summary['failed']}\n{output}"
    assert result.returncode == 0, output
    assert len(summary["passed"]) >= MIN_PASSED, f"only {len(summary['passed'])} of Pelican's tests passed"
    assert set(OUTPUT_TREE_TESTS) <= set(summary["passed"]), "the output trees were compared"
    unexpected = set(summary["skip_reasons"]) - EXPECTED_SKIP_REASONS
    assert not unexpected, f"Pelican's tests skipped for a reason not listed here: {unexpected}"
