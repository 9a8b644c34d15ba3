"""gc_freeze: the build's objects are frozen while pages are written, and released after."""

import gc

from conftest import build_site
from pelican import signals


def test_objects_frozen_while_pages_are_written_and_released_after(tmp_path):
    seen = []

    def while_writing(generator, writer):
        seen.append((gc.isenabled(), gc.get_freeze_count()))

    signals.article_writer_finalized.connect(while_writing)
    try:
        build_site(tmp_path / "first")
        build_site(tmp_path / "second")  # as the dev server rebuilds, in the same process
    finally:
        signals.article_writer_finalized.disconnect(while_writing)
    assert len(seen) == 2
    for enabled, frozen in seen:
        assert enabled, "the collector runs while pages are written"
        assert frozen > 50_000, "the articles, settings and templates are frozen"
    assert gc.isenabled() and gc.get_freeze_count() == 0, "nothing stays frozen after a build"


EXIT_SCRIPT = """
import gc, sys
if sys.argv[1] == "on":
    from trangxa import gc_freeze
    gc_freeze.register()
    gc_freeze.register()  # a second build in the same process: still one handler

class Node:
    def __del__(self):
        sys.stderr.write("freed\\n")

gc.disable()
for _ in range(3):
    node = Node()
    node.cycle = node  # only the collector could free it
del node
"""


def run_exit_script(mode):
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    command = [sys.executable, "-c", EXIT_SCRIPT, mode]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stderr.count("freed")


def test_what_is_alive_at_exit_is_not_freed_one_by_one():
    """Python frees cyclic garbage at exit, object by object (0.7 s after a 10,000-article
    build); with the plugin it is left to the system."""
    assert run_exit_script("off") == 3, "Python collects them at exit without the plugin"
    assert run_exit_script("on") == 0
