""" "Thông tin khác": the other news listed under each article."""

from .other_news import register

__all__ = ["register"]
