"""Links that leave the site (e-mails, text messages, the QR code on invoices) point at
the site's public address, `settings.SITE_URL`, whatever host or port served the request
or task that wrote them. The one place an absolute URL is made."""

from django.conf import settings


def absolute_url(path: str = "") -> str:
    """`path` (from `reverse`, starting with "/") on the public address, e.g.
    "https://encadena.cu/seguimiento/ENC-1/"; the address itself for no path."""
    if path and not path.startswith("/"):
        raise ValueError(f"a site path starts with '/': {path!r}")
    return settings.SITE_URL + path
