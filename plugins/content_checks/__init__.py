"""No article lost: every problem in a source file is reported, clearly, in Vietnamese."""

from .content_checks import register

__all__ = ["register"]
