"""Self-hosted full-text search: Pagefind indexes the built site."""

from .plugin import register

__all__ = ["register"]
