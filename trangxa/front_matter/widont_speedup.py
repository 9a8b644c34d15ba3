"""typogrify's widont, computed from the end of each block instead of from every word.

widont (no lone last word in a paragraph, heading or list item) runs one
regular expression over an article's whole HTML: about a tenth of reading it.
Every match of that expression ends at a closing ``</p>``, ``</h1>``…``</h6>``,
``</li>``, ``</dt>``, ``</dd>`` or at the end of the text, and is then fixed by
reading backwards from there: closing inline tags and spaces, the last word, the
spaces before it (which become ``&nbsp;``), and the character or inline tag
before them. So only the ends of blocks are looked at, each once. The output is
identical (tests compare it with typogrify's function on tricky strings, the
sample and generated articles, and thousands of random tag soups); typogrify is
pinned in requirements.txt.
"""

import re

from trangxa import compat

# What typogrify 2.1.0's expression accepts (compat checks that it still holds it):
#   ((?:</?(?:a|em|span|strong|i|b)[^>]*>)|[^<>\s])     the character or inline tag before,
#   \s+                                                  the spaces (replaced by &nbsp;),
#   ([^<>\s]+\s*(</(a|em|span|strong|i|b)>\s*)*          the last word, closing inline tags,
#   ((</(p|h[1-6]|li|dt|dd)>)|$))                        the end of a block or of the text.
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|dt|dd)>")
INLINE_CLOSE = frozenset(f"</{name}>" for name in ("a", "em", "span", "strong", "i", "b"))
INLINE_OPEN = re.compile(r"</?(?:a|em|span|strong|i|b)")


def widont(text):
    spaces = [_spaces_to_join(text, match.start()) for match in BLOCK_END.finditer(text)]
    spaces.append(_spaces_to_join(text, len(text)))
    out, position = [], 0
    for found in spaces:
        if found is not None:
            out += [text[position : found[0]], "&nbsp;"]
            position = found[1]
    out.append(text[position:])
    return "".join(out)


def _spaces_to_join(text, end):
    """(start, end) of the spaces before the last word of the block ending at ``end``, when
    typogrify's expression replaces them; else None."""
    word_end = _before_closing_inline_tags(text, end)
    word_start = word_end
    while word_start and not _stops_word(text[word_start - 1]):
        word_start -= 1
    spaces_start = word_start
    while spaces_start and text[spaces_start - 1].isspace():
        spaces_start -= 1
    if word_start == word_end or spaces_start == word_start or not spaces_start:
        return None
    before = text[spaces_start - 1]
    if before == "<" or (before == ">" and not _inline_tag_ends_at(text, spaces_start - 1)):
        return None
    return spaces_start, word_start


def _stops_word(character):
    return character in "<>" or character.isspace()


def _before_closing_inline_tags(text, end):
    """Where the last word must end: ``end`` less the spaces and closing inline tags before it."""
    while True:
        while end and text[end - 1].isspace():
            end -= 1
        if not end or text[end - 1] != ">":
            return end
        start = text.rfind("<", 0, end)
        if start < 0 or text[start:end] not in INLINE_CLOSE:
            return end
        end = start


def _inline_tag_ends_at(text, last):
    """Whether an inline tag of the expression (``<a …>``, ``</em>``, ``<br>``…) ends with the
    ``>`` at ``last``: it starts at a ``<`` after the previous ``>``, the first one that opens
    such a tag (the expression's ``[^>]*`` may hold a ``<``)."""
    start = text.rfind(">", 0, last) + 1
    while True:
        start = text.find("<", start, last)
        if start < 0:
            return False
        if INLINE_OPEN.match(text, start):
            return True
        start += 1


def install():
    """Replace typogrify's widont once per process (its filters call it through the module)."""
    if compat.typogrify_widont() is not widont:
        widont.original = compat.typogrify_widont()
        compat.replace_typogrify_widont(widont)


def uninstall():
    compat.replace_typogrify_widont(getattr(widont, "original", compat.typogrify_widont()))
