"""Booking prompts and the reader-safety layer: see README "Consultation and safety"."""

from .plugin import register

__all__ = ["register"]
