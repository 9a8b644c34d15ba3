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
