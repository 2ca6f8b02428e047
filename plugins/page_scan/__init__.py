"""One page scanner: what a page loads and from where, and what the site's CSP would block.

Not a Pelican plugin: a small library used by output_guard (third-party
loads and blocked markup in every written page, in one pass), site_guard's content policy (blocked markup in
articles, with file:line), the page-budget tests and `make bench` (the files
a page fetches from this site).
"""

from .scan import (css_urls, html_urls, is_other_origin, js_imports, origin_of, page_files, scan_html,
                   third_party)

__all__ = ["css_urls", "html_urls", "is_other_origin", "js_imports", "origin_of", "page_files", "scan_html",
           "third_party"]
