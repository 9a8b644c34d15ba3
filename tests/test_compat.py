"""trangxa.compat: the versions it knows, what it relies on, and no borrowed internals elsewhere."""

import ast
import importlib.metadata
import importlib.util
import types
from pathlib import Path

import pelican.writers
import pytest
from conftest import ROOT

from trangxa import compat

BORROWED = ("pelican", "typogrify", "smartypants")  # whose underscore names stay in compat.py
REPLACEABLE = (*BORROWED, "markdown", "blinker")  # whose attributes only compat.py may replace
COMPAT = ROOT / "trangxa" / "compat.py"
# Replacements outside compat.py that are no borrowed internal, with the reason.
ALLOWED = {}


def test_installed_versions_are_the_ones_compat_was_written_for():
    compat.check_versions()  # raises CompatError, saying what to check, otherwise


@pytest.mark.parametrize("package", sorted(compat.WRITTEN_FOR))
def test_an_unknown_version_fails_with_the_package_and_both_versions(monkeypatch, package):
    real_version = importlib.metadata.version

    def version(name):
        return "99.0.0" if name == package else real_version(name)

    monkeypatch.setattr(importlib.metadata, "version", version)
    known = compat.WRITTEN_FOR[package]
    message = f"{package} 99.0.0 is installed, but trangxa.compat was written for {package} {known}"
    with pytest.raises(compat.CompatError, match=message) as raised:
        compat.check_versions()
    assert "docs/compat.md" in str(raised.value) and "WRITTEN_FOR" in str(raised.value)


@pytest.mark.parametrize(("owner", "name"), compat.RELIED_ON_ATTRIBUTES, ids=lambda part: part)
def test_a_missing_attribute_fails_naming_it(monkeypatch, owner, name):
    found = compat.resolve(owner)
    if isinstance(found, type):  # deleted from the class and the base classes that define it
        for cls in found.__mro__:
            if name in vars(cls):
                monkeypatch.delattr(cls, name)
    elif isinstance(found, types.ModuleType):
        monkeypatch.delattr(found, name)
    else:  # an attribute of a method (the memoized cache): the method replaced by a plain function
        parent, _, last = owner.rpartition(".")
        monkeypatch.setattr(compat.resolve(parent), last, lambda *args: None)
    with pytest.raises(compat.CompatError, match=f"relies on {owner}.{name}, which is gone or changed"):
        compat.check_versions()


def test_a_changed_behaviour_fails_naming_it(monkeypatch):
    original = pelican.writers.Writer.__init__

    def init_without_records(self, output_path, settings=None):
        original(self, output_path, settings)
        del self._written_files

    monkeypatch.setattr(pelican.writers.Writer, "__init__", init_without_records)
    with pytest.raises(compat.CompatError, match="Writer instances' _written_files and _overridden_files"):
        compat.check_versions()


def test_every_behaviour_check_holds_and_is_reported_when_it_does_not(monkeypatch):
    for what, holds in compat.RELIED_ON_BEHAVIOUR:
        assert holds(), what
    what = compat.RELIED_ON_BEHAVIOUR[-1][0]
    monkeypatch.setattr(compat, "RELIED_ON_BEHAVIOUR", [(what, lambda: False)])
    with pytest.raises(compat.CompatError, match=f"relies on {what}"):
        compat.check_versions()


# --- No borrowed internals outside compat.py ------------------------------------------------


def is_private(name):
    return name.startswith("_") and not name.startswith("__") and len(name) > 1


def package_files(package):
    spec = importlib.util.find_spec(package)
    origin = Path(spec.origin)
    if not spec.submodule_search_locations:
        return [origin]
    return [
        path for path in origin.parent.rglob("*.py") if "tests" not in path.relative_to(origin.parent).parts
    ]


def private_names(packages=BORROWED):
    """Every underscore name the packages define or use as an attribute (their internals)."""
    names = set()
    for package in packages:
        for path in package_files(package):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute):
                    name = node.attr
                elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    name = node.id
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    name = node.name
                else:
                    continue
                if is_private(name):
                    names.add(name)
    return names


def imported_names(tree):
    """Names bound in the module to the replaceable packages or to things imported from them."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            bound.update(
                a.asname or a.name.split(".")[0] for a in node.names if a.name.split(".")[0] in REPLACEABLE
            )
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in REPLACEABLE:
            bound.update(alias.asname or alias.name for alias in node.names)
    return bound


def root_name(node):
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def borrowed_internals(source, private):
    """(line, what) of each use of another package's internals in ``source``."""
    tree = ast.parse(source)
    found = []
    imported = imported_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in private:
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in private:
            found.append((node.lineno, f'"{node.value}"'))
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in private:
                    found.append((item.lineno, f"{node.name}.{item.name} overrides a private method"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in BORROWED:
            found.extend((node.lineno, f"imports {a.name}") for a in node.names if is_private(a.name))
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and root_name(target) in imported:
                    found.append((node.lineno, f"replaces {ast.unparse(target)}"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("setattr", "delattr")
            and node.args
            and root_name(node.args[0]) in imported
        ):
            found.append((node.lineno, f"replaces an attribute of {ast.unparse(node.args[0])}"))
    return found


def project_sources():
    files = sorted(path for path in (ROOT / "trangxa").rglob("*.py") if path != COMPAT)
    return [*files, ROOT / "tasks.py"]


def test_the_scan_finds_borrowed_internals():
    source = (
        "import typogrify.filters\nimport smartypants\nfrom pelican.log import LimitFilter\n"
        "from pelican.writers import Writer\n"
        "LimitFilter._raised_messages.clear()\ncache = getattr(readers, '_cache', {})\n"
        "typogrify.filters.widont = f\nsetattr(smartypants, 'convert_quotes', g)\n"
        "class W(Writer):\n    def _open_w(self, name, encoding, override=False):\n        pass\n"
    )
    found = sorted(what for _, what in borrowed_internals(source, private_names()))
    assert found == sorted(
        [
            "._raised_messages",
            '"_cache"',
            "W._open_w overrides a private method",
            "replaces typogrify.filters.widont",
            "replaces an attribute of smartypants",
        ]
    )


def test_no_internal_of_pelican_typogrify_or_smartypants_outside_compat():
    private = private_names()
    problems = []
    for path in project_sources():
        relative = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        for line, what in borrowed_internals(source, private):
            text = source.splitlines()[line - 1]
            if not any(file == relative and fragment in text for file, fragment in ALLOWED):
                problems.append(f"{relative}:{line}: {what}")
    assert not problems, (
        "Pelican's, typogrify's or smartypants' internals used outside trangxa/compat.py "
        "(add a function there, see docs/compat.md):\n" + "\n".join(problems)
    )
