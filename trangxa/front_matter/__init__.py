"""Markdown reader for the two front-matter syntaxes editors write.

``Key: value`` lines (Pelican's own) and a YAML block between ``---`` lines
give the same metadata; dates are read day first; each field keeps the line
it was written on so that checks can point editors at it.
"""

from .front_matter import register

__all__ = ["register"]
