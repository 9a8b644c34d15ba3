"""pytest plugin for Pelican's own test suite, run with this project's patches installed.

tests/pelican_suite/test_pelican_suite.py runs, in a separate process, from the folder
that holds the installed ``pelican`` package (Pelican's tests expect that as the
current directory):

    PYTHONPATH=tests/pelican_suite PELICAN_SAMPLES=…/samples TRANGXA_PATCHES=on \
        python -m pytest -p trangxa_patches_plugin -p no:cacheprovider -c /dev/null \
        --rootdir <site-packages> <site-packages>/pelican/tests

It installs, at start-up, every patch of trangxa.compat that claims to leave Pelican's
output unchanged (TRANGXA_PATCHES=off installs none, for comparison), gives Pelican's
functional tests the samples/ folder of the source distribution, applies Pelican's own
warning settings (its tox.ini), skips the tests that cannot pass in this environment
with their reason, and writes a summary to TRANGXA_SUITE_REPORT (JSON).
"""

import json
import os
import sys
from pathlib import Path

import pytest


def install_translations():
    from trangxa import compat, fast_taxonomies  # noqa: PLC0415

    compat.replace_process_translations(fast_taxonomies.process_translations)


def install_taxonomy_lists():
    from pelican import signals  # noqa: PLC0415

    from trangxa import fast_taxonomies  # noqa: PLC0415

    signals.article_generator_finalized.connect(fast_taxonomies.speed_up_taxonomies)


def install_widont():
    from trangxa.front_matter import widont_speedup  # noqa: PLC0415

    widont_speedup.install()


def install_smartypants():
    from trangxa.front_matter import smartypants_speedup  # noqa: PLC0415

    smartypants_speedup.install()


def install_url_pinning():
    from trangxa import fixed_urls  # noqa: PLC0415

    fixed_urls.register()


def install_collector_pausing():
    from trangxa import gc_freeze  # noqa: PLC0415

    gc_freeze.register()


def install_content_shortcuts():
    from trangxa import fast_contents  # noqa: PLC0415

    fast_contents.register()


# The patches that claim Pelican's output is unchanged (docs/compat.md), by name.
PATCHES = {
    "translations": install_translations,  # trangxa.fast_taxonomies
    "taxonomy lists": install_taxonomy_lists,  # trangxa.fast_taxonomies
    "widont": install_widont,  # trangxa.front_matter.widont_speedup
    "smartypants": install_smartypants,  # trangxa.front_matter.smartypants_speedup
    "URL pinning": install_url_pinning,  # trangxa.fixed_urls
    "collector pausing": install_collector_pausing,  # trangxa.gc_freeze
    "content shortcuts": install_content_shortcuts,  # trangxa.fast_contents
}

# Tests that cannot pass here whatever the patches, with the reason (node id after pelican/tests/).
SKIPPED = {
    "test_utils.py::TestFileChangeFilter::test_regular_files_not_filtered": (
        "environment: the wheel is installed under .venv/, a hidden folder, and the filter "
        "ignores paths in hidden folders (IGNORE_FILES = ['**/.*']), as it should"
    ),
    "test_utils.py::TestFileChangeFilter::test_custom_ignore_pattern": (
        "environment: the wheel is installed under .venv/, a hidden folder, and the filter "
        "ignores paths in hidden folders (IGNORE_FILES = ['**/.*']), as it should"
    ),
}

installed = []
results = {}  # node id -> (outcome, skip reason)


def pytest_configure(config):
    # Pelican's own pytest settings (tox.ini of its repository): warnings raised in pelican fail.
    config.addinivalue_line("filterwarnings", "default::DeprecationWarning")
    config.addinivalue_line("filterwarnings", "error:.*:Warning:pelican")
    # Pelican's expected output trees are built with no plugin; without PLUGINS a build loads
    # every installed namespace plugin, and this environment has pelican-sitemap (the site
    # uses it), which would add a sitemap.xml. Settings that set PLUGINS are unchanged.
    from pelican.settings import DEFAULT_CONFIG  # noqa: PLC0415

    DEFAULT_CONFIG["PLUGINS"] = []
    if os.environ.get("TRANGXA_PATCHES", "on") == "on":
        for name, install in PATCHES.items():
            install()
            installed.append(name)


@pytest.hookimpl(tryfirst=True)  # before -k or -m deselect anything
def pytest_collection_modifyitems(session, config, items):
    samples = os.environ.get("PELICAN_SAMPLES")
    module = sys.modules.get("pelican.tests.test_pelican")
    if samples and module is not None:  # its paths expect samples/ next to the pelican package
        module.SAMPLES_PATH = samples
        module.INPUT_PATH = os.path.join(samples, "content")
        module.SAMPLE_CONFIG = os.path.join(samples, "pelican.conf.py")
        module.SAMPLE_FR_CONFIG = os.path.join(samples, "pelican.conf_FR.py")
    matched = set()
    for item in items:
        test = item.nodeid.split("pelican/tests/", 1)[-1]
        if test in SKIPPED:
            item.add_marker(pytest.mark.skip(reason=SKIPPED[test]))
            matched.add(test)
    collected_files = {item.nodeid.split("pelican/tests/", 1)[-1].split("::")[0] for item in items}
    unknown = {test for test in set(SKIPPED) - matched if test.split("::")[0] in collected_files}
    if unknown:
        raise pytest.UsageError(f"SKIPPED lists tests that Pelican's suite no longer has: {sorted(unknown)}")


def pytest_runtest_logreport(report):
    outcome, reason = results.get(report.nodeid, ("passed", None))
    if report.failed:
        outcome = "failed"
    elif report.skipped and outcome != "failed":
        outcome = "skipped"
        reason = report.longrepr[2].removeprefix("Skipped: ") if isinstance(report.longrepr, tuple) else ""
    results[report.nodeid] = (outcome, reason)


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get("TRANGXA_SUITE_REPORT")
    if not path:
        return
    by_outcome = {"passed": [], "failed": [], "skipped": []}
    skip_reasons = {}
    for nodeid, (outcome, reason) in sorted(results.items()):
        test = nodeid.split("pelican/tests/", 1)[-1]
        by_outcome[outcome].append(test)
        if outcome == "skipped":
            skip_reasons[reason] = skip_reasons.get(reason, 0) + 1
    summary = {
        "patches": installed,
        "exitstatus": int(exitstatus),
        "passed": by_outcome["passed"],
        "failed": by_outcome["failed"],
        "skipped": by_outcome["skipped"],
        "skip_reasons": skip_reasons,
    }
    Path(path).write_text(json.dumps(summary, indent=1), encoding="utf-8")
