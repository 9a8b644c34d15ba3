"""typogrify's widont, with the same regular expression made possessive.

widont (no lone last word in a paragraph, heading or list item) runs one
regular expression over an article's whole HTML: about 13 % of reading it.
At every word boundary the expression matches the next word, finds no end of
block after it, and backtracks through that word one character at a time.
Here the same expression uses possessive quantifiers (Python 3.11): a
backtracked repetition would leave a word character, a space, a ``<`` of an
inline closing tag or no ``>`` next, and none of them can start what must
follow, so backtracking never found a match and giving up at once changes
nothing. The output is identical (tests compare it with typogrify's function on
tricky strings, the sample articles and generated ones); typogrify is pinned in
requirements.txt.
"""

import re

from trangxa import compat

# typogrify 2.1.0's expression, with ++, *+ and [^>]*+ where it had +, * and [^>]*.
POSSESSIVE_WIDONT = re.compile(
    r"""((?:</?(?:a|em|span|strong|i|b)[^>]*+>)|[^<>\s])
    \s++
    ([^<>\s]++
    \s*+
    (</(a|em|span|strong|i|b)>\s*+)*+
    ((</(p|h[1-6]|li|dt|dd)>)|$))
    """,
    re.VERBOSE,
)


def widont(text):
    return POSSESSIVE_WIDONT.sub(r"\1&nbsp;\2", text)


def install():
    """Replace typogrify's widont once per process (its filters call it through the module)."""
    if compat.typogrify_widont() is not widont:
        widont.original = compat.typogrify_widont()
        compat.replace_typogrify_widont(widont)


def uninstall():
    compat.replace_typogrify_widont(getattr(widont, "original", compat.typogrify_widont()))
