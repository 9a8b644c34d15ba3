"""Let smartypants skip the steps that cannot change a piece of text.

Typogrify's smartypants filter cuts a page into tags and text, and runs about
twenty regular expressions over every piece of text, most of which hold no
quote, dash, dot or backslash at all: it was half of the time spent reading an
article. Each step below only ever replaces the marks listed with it (see
smartypants.py), so when none of them is in the text the step would return it
unchanged and is skipped. The output is identical (tests compare it with the
unwrapped functions); smartypants is pinned in requirements.txt.
"""

from trangxa import compat

# step -> the substrings at least one of which every replacement of that step needs
NEEDED_MARKS = {
    "process_escapes": ("\\",),
    "convert_dashes": ("--",),
    "convert_dashes_oldschool": ("--",),
    "convert_dashes_oldschool_inverted": ("--",),
    "convert_ellipses": ("..", ". ."),
    "convert_backticks": ("``", "''"),
    "convert_single_backticks": ("`", "'"),
    "convert_quotes": ("'", '"'),
}


def skip_when_unneeded(step, marks):
    def wrapped(text, *args):
        if any(mark in text for mark in marks):
            return step(text, *args)
        return text

    wrapped.original = step
    return wrapped


def install():
    """Wrap the steps once per process (smartypants calls them through its module)."""
    for name, marks in NEEDED_MARKS.items():
        step = compat.smartypants_step(name)
        if not hasattr(step, "original"):
            compat.replace_smartypants_step(name, skip_when_unneeded(step, marks))


def uninstall():
    for name in NEEDED_MARKS:
        step = compat.smartypants_step(name)
        compat.replace_smartypants_step(name, getattr(step, "original", step))
