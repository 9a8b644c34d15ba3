"""Visitor counter for the commune portal: a small ASGI service storing counts in SQLite."""

from counter.app import create_app

__all__ = ["create_app"]
