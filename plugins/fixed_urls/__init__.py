"""Compute each article's URL once per build instead of at every template access."""

from .fixed_urls import register

__all__ = ["register"]
