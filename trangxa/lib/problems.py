"""The content-problem record, and the metadata keys the reader writes for the checks.

The front_matter reader finds an editor's mistakes while reading a file; the
content_checks plugin reports them (with the file's path) and decides what is
published. Both meet here: a problem is a plain dict, so that it survives
Pelican's reader cache (pickled) and the forked readers.
"""

import logging

# Metadata keys written by the reader (trangxa.front_matter) and read by the checks.
PROBLEMS = "content_problems"  # list of problem() dicts
FIELD_LINES = "field_lines"  # field name -> the line it was written on
BODY_LINE = "body_line"  # the line where the body starts
SOURCE_FILE = "source_file"  # the file read (the checks see only metadata)
MISSING_FILES = "missing_files"  # linked files not found; the read is redone when one appears
LINKED_FILES = "linked_files"  # linked files found; the read is redone when one disappears

LEVELS = ("error", "warning", "info")
# The ``field`` of the problem "the front matter cannot be read": the fields it holds are
# unknown, so "no title", "no date"… would only repeat it (the checks say nothing more).
FRONT_MATTER = "front matter"


def problem(line, message, level="error", blocking=False, field=None):
    """One problem of a source file, found at ``line``.

    ``blocking`` problems keep the file off the site; the others are reported and the
    file is still published. ``field`` names the front-matter field concerned, if any.
    """
    assert level in LEVELS, level
    return {"line": line, "level": level, "message": message, "blocking": blocking, "field": field}


def field_line(metadata, field, default=1):
    """The line ``field`` was written on, as the reader recorded it."""
    return metadata.get(FIELD_LINES, {}).get(field, default)


# Notices (a draft, a scheduled article, an organization inferred from a title) are not
# problems: `invoke check` lists them (CONTENT_CHECKS_NOTICES), a build keeps quiet.
NOTICES_LOGGER = "trangxa.notices"


def notices_logger(settings):
    """The logger for notices, shown only when the settings ask for them."""
    notices = logging.getLogger(NOTICES_LOGGER)
    notices.setLevel(logging.INFO if settings.get("CONTENT_CHECKS_NOTICES") else logging.WARNING)
    return notices
