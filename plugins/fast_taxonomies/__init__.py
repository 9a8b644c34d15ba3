"""Make Pelican's category, tag and author pages cost O(n), not O(n × taxonomy size)."""

from .fast_taxonomies import register

__all__ = ["register"]
