"""Credit line under each article: "Tin, ảnh: Minh Chiến", "Tin: A – Ảnh: B"."""

from .credits import register

__all__ = ["register"]
