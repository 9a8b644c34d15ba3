"""A page as a list of blocks (paragraphs, headings, list items, images, tables), the
shape both saved HTML and copied text are read into; and Markdown escaping."""

import re
from dataclasses import dataclass, field

SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


@dataclass
class Block:
    kind: str  # "para", "heading", "item", "image", "table"
    text: str = ""  # plain text, spaces collapsed
    md: str = ""  # the same as Markdown (emphasis, links)
    level: int = 0  # heading level
    ordered: bool = False  # list item of a numbered list
    group: int = 0  # list items of one list share it
    italic: bool = False  # every letter is in <em>/<i>
    bold: bool = False  # every letter is in <strong>/<b>
    link_only: bool = False  # the whole block is one or more links
    link_chars: int = 0
    align: str = ""  # "center", "right"
    caption: bool = False  # <figcaption> or a caption class
    titleish: bool = False  # a class says title
    dateish: bool = False  # a class says date
    src: str = ""  # image
    alt: str = ""
    rows: list = field(default_factory=list)  # table: rows of Markdown cells
    merged_cells: bool = False
    path: tuple = ()  # ids of the elements around the block, outermost first
    element: object = None  # the block's own element (HTML)

    def is_text(self):
        return self.kind in ("para", "heading", "item")


def collapse(text):
    return SPACES.sub(" ", INVISIBLE.sub("", text))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(#{1,6}\s|>|[-+]\s|\d+[.)]\s|=+\s*$|-{3,}\s*$)")


def escape(text):
    """Text that Markdown shows as it is: no emphasis, link, HTML or list by accident."""
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")
    match = _LINE_START.match(text)
    if match:
        token = match.group(1)
        if token[0].isdigit():
            digits = re.match(r"\d+", token).group(0)
            text = digits + "\\" + text[len(digits) :]
        else:
            text = "\\" + text
    return text


def plain_sentence_end(text):
    return bool(re.search(r"[.!?…:;\"”)]$", text.strip()))
