"""Read the Markdown sources on every core before Pelican walks them one by one."""

from .parallel_reading import register

__all__ = ["register"]
