"""Two commands on a bare machine: `make serve` needs only Python; `make test` installs the rest."""

import os
import re
import subprocess
import sys

from conftest import ROOT


def make_dry_run(target):
    """The commands `make` would run for target on a new machine (-B: as if nothing were made)."""
    result = subprocess.run(
        ["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_serve_needs_only_python():
    commands = make_dry_run("serve")
    assert "-m venv" in commands and "requirements.txt" in commands
    for tool in ("npm", "apt-get update", "system-packages", "requirements-dev.txt"):
        assert tool not in commands, tool


def test_make_test_installs_its_tools_through_the_ci_script():
    commands = make_dry_run("test")
    assert "bash .ci/system-packages" in commands
    assert "requirements-dev.txt" in commands and "npm ci" in commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/system-packages" in ci and "make test" in ci


def test_without_apt_the_missing_packages_are_named(tmp_path):
    # A machine with none of the tools and no apt-get: only `id` on the PATH.
    (tmp_path / "id").symlink_to("/usr/bin/id")
    result = subprocess.run(
        ["/bin/bash", str(ROOT / ".ci" / "system-packages")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PATH": str(tmp_path)},
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for package in ("chromium", "newsboat", "rsync", "default-jre-headless", "nodejs", "npm"):
        assert package in lines[0]
    assert "apt-get" in lines[0]


def test_task_list_speaks_vietnamese_and_sets_developer_tasks_apart():
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "--list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    tasks = {}
    for line in result.stdout.splitlines()[1:]:
        if line.startswith("  ") and not line.startswith("    "):
            name, _, help_text = line.strip().partition(" ")
            tasks[name] = help_text.strip()
    editors = {name: text for name, text in tasks.items() if not name.startswith("dev.")}
    assert {"build", "check", "preview", "publish", "deploy", "rollback", "serve"} <= set(editors)
    vietnamese = re.compile(r"[ăâđêôơưạ-ỹà-ỹ]", re.IGNORECASE)
    assert all(vietnamese.search(text) for text in editors.values()), editors
    assert {"dev.test", "dev.bench", "dev.audit"} <= set(tasks)
