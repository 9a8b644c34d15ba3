"""Build each article's credit line from its author and photographer.

Settings: ``CREDIT_FORMATS`` (dict, keys below) overrides the wording;
an article's ``credit`` metadata replaces the line entirely.
"""

import logging

from pelican import signals

logger = logging.getLogger(__name__)

DEFAULT_FORMATS = {
    "same_person": "Tin, ảnh: {author}",
    "author_and_photographer": "Tin: {author} – Ảnh: {photographer}",
    "author_only": "{author}",
    "photographer_only": "Ảnh: {photographer}",
}


def credit_line(author, photographer=None, credit=None, formats=None):
    """The credit line for one article, or "" when nobody is named."""
    if credit and str(credit).strip():
        return str(credit).strip()
    formats = {**DEFAULT_FORMATS, **(formats or {})}
    author = " ".join(str(author or "").split())
    photographer = " ".join(str(photographer or "").split())
    if author and photographer:
        key = "same_person" if author.casefold() == photographer.casefold() else "author_and_photographer"
    elif author:
        key = "author_only"
    elif photographer:
        key = "photographer_only"
    else:
        return ""
    return formats[key].format(author=author, photographer=photographer)


def read_formats(settings):
    formats = settings.get("CREDIT_FORMATS", {})
    unknown = set(formats) - set(DEFAULT_FORMATS)
    if unknown:
        logger.error(
            "credits: CREDIT_FORMATS has unknown keys %s; known keys are %s",
            sorted(unknown),
            sorted(DEFAULT_FORMATS),
        )
    return formats


def add_credit_lines(generator):
    formats = read_formats(generator.settings)
    for article in [*generator.articles, *generator.translations, *generator.drafts]:
        # metadata, not article.author: Pelican fills that with AUTHOR when empty
        meta = article.metadata
        article.credit_line = credit_line(
            meta.get("author"), meta.get("photographer"), meta.get("credit"), formats
        )


def register():
    signals.article_generator_finalized.connect(add_credit_lines)
