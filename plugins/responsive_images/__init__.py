"""Light pages on cheap phones: resized copies of every photo, width/height and srcset on <img>."""

from .responsive_images import register

__all__ = ["register"]
