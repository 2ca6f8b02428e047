"""The learning path: step order, previous/next, related reading."""

from .plugin import register

__all__ = ["register"]
