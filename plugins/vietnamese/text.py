"""Vietnamese text helpers: diacritic folding, word-boundary truncation, numbers."""

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
    return Markup(str(html)).striptags()


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
