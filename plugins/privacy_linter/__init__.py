"""Fail the build when a page would make readers' browsers contact another website."""

from .plugin import register

__all__ = ["register"]
