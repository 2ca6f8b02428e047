"""Publish only what the author meant, into a folder that can never be the project itself."""

from .plugin import register

__all__ = ["register"]
