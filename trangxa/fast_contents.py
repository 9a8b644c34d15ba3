"""Pelican's work on each content object, done with the same results in less time.

Pelican repeats these jobs for every article at every build, even when the article
comes from the reader cache. At 10,000 articles they cost about 0.5 s of the main
process in a rebuild (docs/compat.md). Each is replaced by a function that gives the
same answer and takes a shortcut only where the answer is certain. Any other input
still goes to Pelican's own function.

- **Slugs.** ``slugify`` strips tags and transliterates with unidecode, one character
  at a time, then runs four regular expressions by name. Here, a title without "<" skips
  the tag stripping (it only collapses whitespace and unescapes entities). Each
  character's transliteration is computed once per process, and the expressions are
  compiled once.
- **Dates.** ``SafeDatetime.strftime`` splits the format and formats each directive on
  its own, so that "%-d" can drop the zero. A format made only of standard directives
  without "-" gives the same text in one call.
- **Intrasite links.** ``{filename}``-style links need a quote followed by "{" or "|". A
  body without either has no link to replace, and the regular expression is skipped.

tests/test_fast_contents.py compares each function with Pelican's on random and real
input. trangxa.compat replaces Pelican's functions and checks their versions.
"""

import datetime
import functools
import html
import re
import unicodedata

import unidecode
from markupsafe import Markup

from trangxa import compat

# --- Slugs ------------------------------------------------------------------------------------


class _Transliterations(dict):
    """unidecode's answer for one character, computed at the first use (it does not depend
    on the characters around it)."""

    def __missing__(self, codepoint):
        answer = unidecode.unidecode(chr(codepoint))
        if not 0xD800 <= codepoint <= 0xDFFF:  # unidecode warns about each surrogate
            self[codepoint] = answer
        return answer


_TRANSLITERATIONS = _Transliterations()


@functools.lru_cache(maxsize=16)
def _substitutions(regex_subs):
    def normalize(text):
        return unicodedata.normalize("NFKC", text)

    return [(re.compile(normalize(source), re.IGNORECASE), normalize(dest)) for source, dest in regex_subs]


PLAIN_TEXT = (str, Markup)  # titles are Markup once escaped (trangxa.front_matter)


def slugify(value, regex_subs=(), preserve_case=False, use_unicode=False):
    """``pelican.utils.slugify`` with the same answers."""
    if type(value) not in PLAIN_TEXT or "<" in value:
        return compat.pelican_slugify(value, regex_subs, preserve_case, use_unicode)
    # Markup.striptags() on a text without tags only collapses whitespace, then unescapes
    # the entities (typogrify's "&nbsp;" before a title's last word).
    value = " ".join(str(value).split())
    if "&" in value:
        value = html.unescape(value)
    value = unicodedata.normalize("NFKC", value)
    if not use_unicode and not value.isascii():
        value = value.translate(_TRANSLITERATIONS)
    for pattern, replacement in _substitutions(tuple(map(tuple, regex_subs))):
        value = pattern.sub(replacement, value)
    if not preserve_case:
        value = value.lower()
    return value.strip()


# --- Dates ------------------------------------------------------------------------------------

# The directives Pelican formats (pelican.utils.strftime), and its way of finding them.
C89_DIRECTIVES = "aAbBcdfGHIjmMpSUuVwWxXyYzZ%"
FORMAT_OPTIONS = re.compile("%[-]?.")


@functools.lru_cache(maxsize=64)
def is_plain_format(date_format):
    """True when Pelican's strftime gives what datetime.strftime gives: only standard
    directives, no "-" flag, and no "%" it would leave alone."""
    directives = FORMAT_OPTIONS.findall(date_format)
    return all(len(found) == 2 and found[1] in C89_DIRECTIVES for found in directives) and (
        "%" not in FORMAT_OPTIONS.sub("", date_format)
    )


def safe_strftime(date, fmt, safe=True):
    """``pelican.utils.SafeDatetime.strftime`` with the same answers."""
    if safe and not (type(fmt) is str and is_plain_format(fmt)):
        return compat.pelican_strftime(date, fmt)
    return datetime.datetime.strftime(date, fmt)


# --- Intrasite links --------------------------------------------------------------------------

LINK_STARTS = ('"{', "'{", '"|', "'|")  # a quote, then one of [{|]: the default expression


def may_hold_intrasite_links(text, settings):
    """False only when Pelican's link expression cannot match ``text``."""
    if settings.get("INTRASITE_LINK_REGEX") != compat.DEFAULT_INTRASITE_LINK_REGEX:
        return True
    # Most bodies have neither character: two quick scans instead of four.
    return ("{" in text or "|" in text) and any(start in text for start in LINK_STARTS)


def register():
    compat.replace_slugify(slugify)
    compat.replace_safe_strftime(safe_strftime)
    compat.skip_link_replacement_unless(may_hold_intrasite_links)
