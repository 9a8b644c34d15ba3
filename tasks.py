"""Project tasks (invoke). ``.venv/bin/invoke --list`` shows them all."""

import os
import shutil
import sys
from pathlib import Path

from invoke import task

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
PELICAN = str(VENV_BIN / "pelican")
CONTENT = "content"
OUTPUT = "output"
PORT = int(os.environ.get("PORT", 8000))


def _pelican(c, settings, *extra):
    c.run(f"{PELICAN} {CONTENT} -o {OUTPUT} -s {settings} {' '.join(extra)}", pty=False)


@task
def clean(c):
    """Remove the generated site and caches."""
    for folder in (OUTPUT, "__pycache__", ".pytest_cache"):
        shutil.rmtree(HERE / folder, ignore_errors=True)


@task
def build(c):
    """Build the site with development settings into output/."""
    _pelican(c, "pelicanconf.py")


@task
def rebuild(c):
    """Build from scratch (delete output/ first)."""
    _pelican(c, "pelicanconf.py", "--delete-output-directory")


@task
def serve(c, port=PORT):
    """Build, serve at http://localhost:8000 and rebuild when content changes."""
    _pelican(c, "pelicanconf.py", "--autoreload", "--listen", f"--port {port}")


@task
def publish(c):
    """Build the site for publishing into output/ (publishconf.py, absolute URLs)."""
    _pelican(c, "publishconf.py", "--fatal errors")


@task
def test(c):
    """Run every test."""
    c.run(f"{VENV_BIN / 'pytest'}", pty=False)
