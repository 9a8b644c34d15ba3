"""No article lost: every problem in a source file is reported, clearly, in Vietnamese."""

from .content_checks import RUNS_AFTER, register

__all__ = ["RUNS_AFTER", "register"]
