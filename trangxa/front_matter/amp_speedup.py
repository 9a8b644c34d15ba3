"""typogrify's amp, skipped when no ampersand in the page could be changed.

amp wraps "&" standing between spaces in ``<span class="amp">``: it cuts the
whole HTML into tags and text and runs its expression over each piece of text,
about 5 % of reading an article. When the expression finds nothing in the whole
HTML it finds nothing in any piece of it either, and amp would return the HTML
unchanged: then it is not called. The output is identical (tests compare it with
typogrify's function); typogrify is pinned in requirements.txt.
"""

import re

from trangxa import compat

# typogrify 2.1.0's amp_finder (compat checks that amp still holds it).
AMP_FINDER = re.compile(r"(\s|&nbsp;)(&|&amp;|&\#38;)(\s|&nbsp;)")


def amp(text):
    if "&" not in text or AMP_FINDER.search(text) is None:
        return text
    return amp.original(text)


# typogrify's own (an earlier copy of this module, reloaded, keeps it as its ``original``)
amp.original = getattr(compat.typogrify_filter("amp"), "original", compat.typogrify_filter("amp"))


def install():
    """Replace typogrify's amp once per process (its filters call it through the module)."""
    if compat.typogrify_filter("amp") is not amp:
        compat.replace_typogrify_filter("amp", amp)


def uninstall():
    compat.replace_typogrify_filter("amp", amp.original)
