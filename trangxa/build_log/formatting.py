"""Plain functions that turn a log record into the lines people and CI tools read.

A problem an editor must fix is logged by the plugins as ``path:line: message``
(Vietnamese). These functions keep it on one line, say how serious it is, and
express it as a GitHub workflow annotation or a GitLab code-quality issue.
"""

import hashlib
import logging
import re

# "content/bai-viet/2025/a.md:5: Ngày …" (a line number is optional: "content/x.md: …").
LOCATED = re.compile(
    r"^(?P<path>[^\s:][^:\n]*?\.[A-Za-z0-9]+)(?::(?P<line>\d+))?: (?P<message>.*)$", re.DOTALL
)
SEVERITY_WORDS = {logging.CRITICAL: "lỗi", logging.ERROR: "lỗi", logging.WARNING: "cảnh báo"}
COLOURS = {logging.CRITICAL: "\033[1;31m", logging.ERROR: "\033[31m", logging.WARNING: "\033[33m"}
RESET = "\033[0m"


def one_line(text):
    """Collapse the line breaks a message may carry (YAML errors, exceptions)."""
    return " ".join(str(text).split())


def locate(message):
    """(path, line or None, message) of a located message, or None."""
    match = LOCATED.match(message)
    if not match:
        return None
    line = int(match["line"]) if match["line"] else None
    return match["path"], line, match["message"]


def severity_word(levelno):
    return SEVERITY_WORDS.get(levelno if levelno in SEVERITY_WORDS else _nearest(levelno))


def _nearest(levelno):
    return logging.ERROR if levelno > logging.ERROR else logging.WARNING if levelno >= logging.WARNING else 0


def plain_line(record):
    """``path:line: lỗi: message``; info lines as they are; never more than one line."""
    message = one_line(record.getMessage())
    word = severity_word(record.levelno)
    if not word:
        return message
    located = locate(message)
    if not located:
        return f"{word}: {message}"
    path, line, text = located
    where = f"{path}:{line}" if line else path
    return f"{where}: {word}: {text}"


def coloured(line, levelno):
    colour = COLOURS.get(levelno if levelno in COLOURS else _nearest(levelno))
    return f"{colour}{line}{RESET}" if colour else line


def _escape_data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text):
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(record):
    """``::error file=…,line=…::message`` for warnings and errors; None for the rest."""
    if record.levelno < logging.WARNING:
        return None
    kind = "error" if record.levelno >= logging.ERROR else "warning"
    message = one_line(record.getMessage())
    located = locate(message)
    if not located:
        return f"::{kind}::{_escape_data(message)}"
    path, line, text = located
    properties = f"file={_escape_property(path)}" + (f",line={line}" if line else "")
    return f"::{kind} {properties}::{_escape_data(text)}"


def gitlab_issue(record):
    """One entry of a GitLab code-quality report, for a located warning or error; else None."""
    if record.levelno < logging.WARNING:
        return None
    located = locate(one_line(record.getMessage()))
    if not located:
        return None
    path, line, text = located
    fingerprint = hashlib.sha256(f"{path}:{line}:{text}".encode()).hexdigest()
    return {
        "description": text,
        "check_name": "content_checks",
        "fingerprint": fingerprint,
        "severity": "major" if record.levelno >= logging.ERROR else "minor",
        "location": {"path": path, "lines": {"begin": line or 1}},
    }
