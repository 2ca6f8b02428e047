"""Render a large site's pages on every CPU; the same files as Pelican's own writer."""

from .plugin import register

__all__ = ["register"]
