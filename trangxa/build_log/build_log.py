"""Replace Pelican's console log handler with one that never wraps a line.

Pelican logs through rich, which wraps at the terminal's width (80 columns in
a CI log or a pipe) and splits paths in two, so an editor can neither click
nor search ``content/bai-viet/x.md:5``. Here every record is one line, coloured
only on a terminal. On GitHub Actions each warning and error is also a workflow
annotation (shown on the commit); on GitLab CI they are written to a
code-quality report (shown in the merge request).

Settings: BUILD_LOG_CODE_QUALITY_REPORT (path of the GitLab report to write;
None: no report). Environment: GITHUB_ACTIONS=true (set by GitHub) turns the
annotations on.
"""

import json
import logging
import os
import sys
import time

from pelican import signals
from rich.logging import RichHandler

from trangxa import compat

from .formatting import coloured, github_annotation, gitlab_issue, plain_line


class OneLineHandler(logging.StreamHandler):
    """Writes each record as :func:`plain_line` (and its annotation on GitHub)."""

    def __init__(self, stream=None, annotate=False):
        super().__init__(stream or sys.stderr)
        self.annotate = annotate

    def format(self, record):
        if _is_expected(record):  # a strict build's verdict: its message alone
            record = logging.makeLogRecord({**record.__dict__, "msg": str(record.exc_info[1]), "args": ()})
        line = plain_line(record)
        if record.exc_info and record.levelno >= logging.CRITICAL and not _is_expected(record):
            # A crash of the build itself: the developer needs the traceback.
            line += "\n" + logging.Formatter().formatException(record.exc_info)
        is_terminal = getattr(self.stream, "isatty", lambda: False)()
        return coloured(line, record.levelno) if is_terminal else line

    def emit(self, record):
        super().emit(record)
        annotation = github_annotation(record) if self.annotate else None
        if annotation:
            # Workflow commands are read from standard output.
            print(annotation, file=sys.stdout, flush=True)


def _is_expected(record):
    return record.exc_info and getattr(record.exc_info[1], "expected_failure", False)


class CodeQualityReport(logging.Handler):
    """Keeps the GitLab code-quality report up to date with each located problem."""

    def __init__(self, path):
        super().__init__(logging.WARNING)
        self.path = path
        self.issues = []
        self.write()

    def emit(self, record):
        issue = gitlab_issue(record)
        if issue:
            self.issues.append(issue)
            self.write()  # written at once: a failed build stops before any later signal

    def write(self):
        with open(self.path, "w", encoding="utf-8") as report:
            json.dump(self.issues, report, ensure_ascii=False, indent=1)


class BuildSummary:
    """What the build made, counted as the generators finish; printed in Vietnamese at the end."""

    def __init__(self):
        self.start = time.monotonic()
        self.articles = self.drafts = self.pages = 0

    def line(self):
        seconds = f"{time.monotonic() - self.start:.1f}".replace(".", ",")
        drafts = f", {self.drafts} bản nháp" if self.drafts else ""
        return f"Đã dựng {self.articles} bài{drafts}, {self.pages} trang trong {seconds} giây."


SUMMARY = BuildSummary()


def start_summary(generator):
    """article_generator_init: a new build (autoreload runs many in one process)."""
    global SUMMARY
    SUMMARY = BuildSummary()


def count_articles(generator):
    SUMMARY.articles = len(generator.articles) + len(generator.translations)
    SUMMARY.drafts = len(generator.drafts) + len(generator.drafts_translations)


def count_pages(generator):
    SUMMARY.pages = len(generator.pages) + len(generator.translations)


def print_summary(pelican):
    """finalized, after every plugin's work: the line Pelican prints in English, in Vietnamese."""
    print(SUMMARY.line(), flush=True)


def install_handlers(pelican):
    """initialized: swap each rich console handler for a one-line one; add the CI report."""
    root = logging.getLogger()
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for handler in list(root.handlers):
        if isinstance(handler, RichHandler):
            replacement = OneLineHandler(annotate=annotate)
            replacement.setLevel(handler.level)
            root.removeHandler(handler)
            root.addHandler(replacement)
    for handler in list(root.handlers):
        if isinstance(handler, CodeQualityReport):  # a rebuild under autoreload starts afresh
            root.removeHandler(handler)
    path = pelican.settings.get("BUILD_LOG_CODE_QUALITY_REPORT")
    if path:
        root.addHandler(CodeQualityReport(path))
    compat.silence_pelican_console()  # its English "Done: …" line; print_summary says it
    compat.connect_after_registered_receivers(signals.finalized, print_summary)


def register():
    signals.initialized.connect(install_handlers)
    signals.article_generator_init.connect(start_summary)
    signals.article_generator_finalized.connect(count_articles)
    signals.page_generator_finalized.connect(count_pages)
