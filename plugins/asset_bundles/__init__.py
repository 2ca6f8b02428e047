"""The theme's stylesheet and script bundles, resolved once per build."""

from .plugin import register

__all__ = ["register"]
