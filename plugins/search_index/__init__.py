"""Full-text search on a static host: Pagefind indexes the built site."""

from .search_index import register

__all__ = ["register"]
