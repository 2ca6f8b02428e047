"""The site's Markdown reader (see plugin.py)."""

from .plugin import SiteMarkdownReader, register, require

__all__ = ["SiteMarkdownReader", "register", "require"]
