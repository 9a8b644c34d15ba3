"""Vietnamese text helpers: diacritic folding, word-boundary truncation, numbers."""

import functools
import unicodedata

from markupsafe import Markup


def fold(text):
    """Lower-case ASCII form used to match names: "Hội Nông dân" -> "hoi nong dan".

    đ/Đ are letters of their own, not d with a mark, so NFD does not split
    them; they are mapped by hand.
    """
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def plain_text(html):
    """Text of an HTML fragment (Pelican titles may hold typogrify markup)."""
    return _plain_text(str(html))


@functools.lru_cache(maxsize=4096)
def _plain_text(html):
    # Remembered: a page asks for its title and lead in several places (title, SEO, JSON-LD).
    return Markup(html).striptags()


def truncate_at_word(text, limit=90, ellipsis="..."):
    """Cut ``text`` at the last word boundary within ``limit`` characters."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    boundary = cut.rfind(" ")
    cut = cut[:boundary] if boundary > 0 else text[:limit]
    return cut.rstrip(" ,;:–-") + ellipsis


def format_number(number):
    """2713911 -> "2.713.911" (Vietnamese groups thousands with dots)."""
    return f"{int(number):,}".replace(",", ".")


# Vietnamese alphabetical order: a ă â b c d đ e ê … o ô ơ … u ư …; letters
# Vietnamese does not use (f j w z) keep their Latin place.
ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
# Tones, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def sort_key(text):
    """Key that sorts Vietnamese words as a dictionary does (letters, then tones, then case)."""
    letters, tones, cases = [], [], []
    for base, marks in _letters(str(text)):
        lower = unicodedata.normalize("NFC", base.lower() + "".join(m for m in marks if m in LETTER_MARKS))
        letters.append(LETTER_RANK.get(lower, len(ALPHABET) + ord(lower[0])))
        tones.append(max((TONE_RANK.get(m, 0) for m in marks), default=0))
        cases.append(base.isupper())
    return (letters, tones, cases)


def _letters(text):
    """(base character, its combining marks) for each letter of ``text``."""
    result = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and result:
            result[-1][1].append(char)
        else:
            result.append((char, []))
    return result


def vietnamese_sorted(items, attribute=None):
    """Items sorted by name in Vietnamese order.

    ``attribute`` names the field as Jinja's ``sort`` does: "name", or "0.name"
    for the first element's name (Pelican's (category, articles) pairs).
    """

    def name(item):
        for part in attribute.split(".") if attribute else ():
            item = item[int(part)] if part.isdigit() else getattr(item, part)
        return str(item)

    return sorted(items, key=lambda item: sort_key(name(item)))
