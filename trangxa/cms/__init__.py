"""The web editor (Decap CMS) at /admin/: docs/operators/bien-tap-tren-web.md."""

from .cms import RUNS_AFTER, register

__all__ = ["RUNS_AFTER", "register"]
