"""Văn bản: the commune's documents, their filters, feeds and the public-disclosure list."""

from .documents import RUNS_AFTER, RUNS_BEFORE, register

__all__ = ["RUNS_AFTER", "RUNS_BEFORE", "register"]
