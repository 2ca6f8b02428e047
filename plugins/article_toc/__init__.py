"""'On this page' contents for long articles."""

from .plugin import register

__all__ = ["register"]
