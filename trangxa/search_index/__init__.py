"""Full-text search on a static host: Pagefind indexes the built site."""

from .search_index import RUNS_AFTER, register

__all__ = ["RUNS_AFTER", "register"]
