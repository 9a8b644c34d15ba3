"""Topic pages and feeds for each organization of the commune's political system."""

from .organizations import register

__all__ = ["register"]
