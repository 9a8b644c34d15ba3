"""Feeds the way readers need them: language, cover images in the items."""

from .feed_extras import register

__all__ = ["register"]
