"""Reflection checklists for Pelican: see README "Writing a checklist"."""

from .plugin import register

__all__ = ["register"]
