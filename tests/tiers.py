"""Test tiers, found from what each test does (conftest.py applies them at collection).

- ``browser``: the test uses headless Chromium (the ``browser`` fixture, directly or not);
- ``external``: it runs an outside tool (Java's Nu Html Checker, newsboat, rsync, git,
  LinkChecker, make): marked by hand with ``@pytest.mark.external``;
- ``build``: it builds a site with Pelican or runs a command or service process, found
  by reading the test module: the test (or a fixture or helper it calls, in its module
  or in conftest.py) calls one of BUILDERS;
- ``unit``: everything else: plain functions on small inputs, well under a minute in all.

``make test`` runs every tier; ``make test-fast`` (``invoke dev.test --fast``) the unit tier.
"""

import ast
import functools
from pathlib import Path

# Calls that build a site or start a process: a test reaching one is not a unit test.
BUILDERS = frozenset(
    {"build_site", "run_pelican", "Pelican", "invoke", "run", "Popen", "serve", "serve_counter", "generate"}
)
TIERS = ("unit", "build", "browser", "external")


@functools.cache
def calling_builders(path):
    """Names of the module's functions that reach a builder, directly or through each other."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    calls = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            calls[node.name] = {called_name(c) for c in ast.walk(node) if isinstance(c, ast.Call)} - {None}
    reaching = {name for name, called in calls.items() if called & BUILDERS}
    changed = True
    while changed:  # a helper that calls a helper that builds
        new = {name for name, called in calls.items() if called & reaching} - reaching
        reaching |= new
        changed = bool(new)
    return frozenset(reaching)


def called_name(call):
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return None


def tier_of(item, conftest_path):
    """The tier of one collected test item."""
    marked = {mark.name for mark in item.iter_markers()} & set(TIERS)
    if marked:
        return None  # already marked by hand
    names = set(item.fixturenames)
    if "browser" in names:
        return "browser"
    builders = calling_builders(str(item.path)) | calling_builders(str(conftest_path))
    function = getattr(item, "function", None)
    if (function and function.__name__ in builders) or names & builders:
        return "build"
    return "unit"
