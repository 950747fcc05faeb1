"""Invoice PDFs: the snapshot through a Django template and WeasyPrint; lessons' PDFs
through the same `html_pdf_render`. The only module that imports WeasyPrint.

Nothing printed comes from outside: the template escapes every value, and the URL
fetcher serves our own static files (read from disk) and data: URIs, and refuses
everything else, so a product called `<img src=file:///etc/passwd>` stays text and
a fetch of http://169.254.169.254/ is never attempted."""

import base64
import contextlib
import functools
import hashlib
import io
import mimetypes
import os
import threading
from datetime import datetime
from pathlib import Path

import qrcode
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from shop.invoices.exceptions import FetchRefused

# Relative and /static/ URLs in the template resolve against this host, which no
# network can reach: a URL on it is ours, any other is refused.
INTERNAL_BASE_URL = "https://encadena.invalid/"


def resource_fetch(url: str) -> URLFetcherResponse:
    """WeasyPrint's every fetch comes here: our static files and data: URIs, nothing else."""
    if url.startswith("data:"):
        return URLFetcher(allowed_protocols={"data"}).fetch(url)
    static_prefix = INTERNAL_BASE_URL.rstrip("/") + settings.STATIC_URL
    if url.startswith(static_prefix):
        relative = url[len(static_prefix) :].split("?")[0].split("#")[0]
        found = finders.find(relative) if ".." not in Path(relative).parts else None
        if found:
            body = Path(found).read_bytes()
            mime_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": mime_type})
    raise FetchRefused(f"refused to fetch {url[:200]}")


class StaticOnlyURLFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        # Looked up at each call, so a test can wrap `resource_fetch` and see every fetch.
        return globals()["resource_fetch"](url)


def qr_code_data_uri(text: str) -> str:
    """A black-and-white PNG, four pixels per module, drawn without smoothing
    (`image-rendering: pixelated`): an SVG path of the same code costs WeasyPrint ~30 ms
    to parse and draw, a PNG almost nothing."""
    image = qrcode.make(text, border=1, box_size=4).get_image()
    png = io.BytesIO()
    image.save(png, format="PNG", optimize=False)
    return "data:image/png;base64," + base64.b64encode(png.getvalue()).decode("ascii")


_source_date_lock = threading.Lock()


@contextlib.contextmanager
def _source_date(issued_at: str):
    """Where the system lacks HarfBuzz-Subset, WeasyPrint subsets fonts with fontTools,
    which stamps each embedded font with the time it ran, so two renders of one document
    a second apart differ. fontTools honours SOURCE_DATE_EPOCH (the reproducible-builds
    convention): the document's own issue time stands in for the clock while it renders."""
    epoch = str(int(datetime.fromisoformat(issued_at).timestamp()))
    with _source_date_lock:
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = epoch
        try:
            yield
        finally:
            if previous is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)
            else:
                os.environ["SOURCE_DATE_EPOCH"] = previous


@functools.cache
def _font_config() -> FontConfiguration:
    # One per process: building one per render costs time, and memory that fontconfig
    # never gives back (measured: +120 MB over 500 renders, flat with one).
    return FontConfiguration()


def document_pdf_render(
    *,
    snapshot: dict,
    verification_url: str,
    language: str = "es",
    template: str = "invoices/invoice.html",
) -> bytes:
    """The PDF of an issued document, from its snapshot alone. The same snapshot gives
    the same bytes: the dates in the metadata and the file identifier come from it."""
    with translation.override(language):
        html = render_to_string(
            template,
            {
                "document": snapshot,
                "verification_url": verification_url,
                "qr_code": qr_code_data_uri(verification_url),
                "language": language,
            },
        )
    return html_pdf_render(
        html=html,
        dated=snapshot["issued_at"],
        identity=f"{snapshot['issuer']['nit']}:{snapshot['number']}",
    )


def html_pdf_render(*, html: str, dated: str, identity: str) -> bytes:
    """A PDF of our own HTML, fetching nothing but our static files and data: URIs. The
    same HTML, date (ISO 8601) and identity give the same bytes: the metadata's dates come
    from `dated` and the file identifier from `identity`. Invoices and lessons print here."""
    document = HTML(
        string=html, base_url=INTERNAL_BASE_URL, url_fetcher=StaticOnlyURLFetcher()
    ).render(font_config=_font_config())
    document.metadata.created = dated
    document.metadata.modified = dated
    identifier = hashlib.sha256(identity.encode()).hexdigest()[:32]
    with _source_date(dated):
        return document.write_pdf(pdf_identifier=identifier.encode("ascii"))
