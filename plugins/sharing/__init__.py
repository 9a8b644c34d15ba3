"""Sharing metadata: JSON-LD NewsArticle for search engines and national portals."""

from .sharing import register

__all__ = ["register"]
