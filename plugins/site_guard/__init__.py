"""Build-time checks that fail the build with the file to fix."""

from .plugin import register

__all__ = ["register"]
