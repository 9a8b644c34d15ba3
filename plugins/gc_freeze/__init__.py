"""Spare the build the garbage collector's repeated scans of every article."""

from .gc_freeze import register

__all__ = ["register"]
