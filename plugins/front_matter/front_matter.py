"""Pelican reader for Markdown with ``Key: value`` or YAML front matter."""

import logging
import os
import re

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader, ensure_metadata_list
from pelican.utils import pelican_open
from vietnamese.dates import parse_date

from .parsing import split_front_matter

logger = logging.getLogger(__name__)

DATE_FIELDS = {"date", "modified"}
LIST_FIELDS = {"tags", "authors", "organizations"}
FIRST_PARAGRAPH = re.compile(r"^\s*<p>(?P<inner>.*?)</p>\s*", re.DOTALL)
ONLY_IMAGE = re.compile(r"^\s*(<a [^>]*>)?\s*<img [^>]*>\s*(</a>)?\s*$", re.DOTALL)


class FrontMatterMarkdownReader(MarkdownReader):
    """Reads both front-matter syntaxes and keeps each field's line number.

    One Markdown instance is kept per reader and reset between files:
    building a new one per file, as Pelican does, costs more than converting
    a short article.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        md_settings = dict(self.settings["MARKDOWN"])
        md_settings["extensions"] = [
            ext for ext in md_settings["extensions"] if ext != "markdown.extensions.meta"
        ]
        self._md = Markdown(**md_settings)

    def read(self, source_path):
        self._source_path = source_path
        with pelican_open(source_path) as text:
            front = split_front_matter(text)
        metadata = {"field_lines": {f.name: f.line for f in front.fields}}
        metadata["body_line"] = front.body_line
        for field in front.fields:
            metadata[field.name] = self.process_field(field.name, field.value)
        content = self._md.reset().convert(front.body)
        if "summary" not in metadata and self.wants_lead(source_path):
            content, lead = split_lead(content)
            if lead:
                metadata["summary"] = lead
        return content, metadata

    def wants_lead(self, source_path):
        """Articles open with a lead; pages (Giới thiệu, Liên hệ…) do not."""
        if not self.settings.get("LEAD_FROM_FIRST_PARAGRAPH", True):
            return False
        relative = os.path.relpath(source_path, self.settings["PATH"])
        top = relative.replace(os.sep, "/").split("/")[0]
        return top not in [path.strip("/") for path in self.settings["PAGE_PATHS"]]

    def process_field(self, name, value):
        if name in self.settings["FORMATTED_FIELDS"]:
            return self._md.reset().convert(_as_text(value))
        if name in DATE_FIELDS:
            return parse_date(value)
        if name in LIST_FIELDS:
            return self.process_metadata(name, ensure_metadata_list(value))
        return self.process_metadata(name, _as_text(value))


def _as_text(value):
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def split_lead(html):
    """Take the first paragraph off the body to be the article's bold lead.

    Editors open a news item with its lead; showing it once as the lead and
    again as the first body paragraph would repeat it.
    """
    match = FIRST_PARAGRAPH.match(html)
    if not match or ONLY_IMAGE.match(match["inner"]) or not match["inner"].strip():
        return html, None
    return html[match.end() :], f"<p>{match['inner']}</p>"


def add_reader(readers):
    for extension in FrontMatterMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterMarkdownReader


def register():
    signals.readers_init.connect(add_reader)
