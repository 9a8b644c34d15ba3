"""Vietnamese language helpers: day-first dates, number grouping, text folding.

As a Pelican plugin it registers the template filters of ``filters.py``;
other plugins import the plain functions from ``dates`` and ``text``.
"""

from .vietnamese import register

__all__ = ["register"]
