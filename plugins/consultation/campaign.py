"""Campaign parameters on booking links, so a practice sees which page helped.

Only http(s) links get them; mailto: and tel: links are left as they are.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def campaign_url(url, campaign, placement, enabled=True):
    """Return `url` with utm_source, utm_medium=cta, utm_campaign and utm_content added."""
    parts = urlsplit(url)
    if not enabled or parts.scheme not in ("http", "https"):
        return url
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if not key.startswith("utm_")]
    query += [
        ("utm_source", "website"),
        ("utm_medium", "cta"),
        ("utm_campaign", campaign or "site"),
        ("utm_content", placement),
    ]
    return urlunsplit(parts._replace(query=urlencode(query)))
