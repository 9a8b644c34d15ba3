"""Run Pagefind over the output after every build (build, serve, publish).

Pagefind (its PyPI package ships the binary) writes ``pagefind/`` into the
output; the search page loads it. Only elements marked ``data-pagefind-body``
(articles and pages) are indexed. Pagefind folds diacritics itself: checked
with "hoi nong dan" → "Hội Nông dân" and "dang uy" → "Đảng ủy".

Settings: SEARCH_INDEX (True), SEARCH_INDEX_LANGUAGE ("vi"), SEARCH_INDEX_GLOB
(the pages Pagefind reads; "{bai-viet,trang}/**/*.html").
"""

import logging
import subprocess
import sys

from pelican import signals

logger = logging.getLogger(__name__)


def pagefind_command(output_path, language, glob):
    return [
        sys.executable, "-m", "pagefind",
        "--site", str(output_path),
        "--glob", glob,
        "--force-language", language,
        "--silent",
    ]  # fmt: skip


def build_index(pelican):
    settings = pelican.settings
    if not settings.get("SEARCH_INDEX", True):
        return
    command = pagefind_command(
        pelican.output_path,
        settings.get("SEARCH_INDEX_LANGUAGE", "vi"),
        # Only pages that hold an article or a page: lists repeat them.
        settings.get("SEARCH_INDEX_GLOB", "{bai-viet,trang}/**/*.html"),
    )
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        logger.error("search_index: Pagefind failed: %s", (result.stderr or result.stdout).strip())


def register():
    signals.finalized.connect(build_index)
