"""What the light-pages tests share: the site served as in production, and a byte counter.

The server is Django's live-server thread without its static-files handler: WhiteNoise serves
the static files collected with hashed names (CompressedManifestStaticFilesStorage), gzip and
brotli beside them, as in production, and pages pass through the project's gzip middleware.
The counter reads Chromium's own network events (DevTools protocol): bytes received on the
wire per response, headers included, zero for what came from the browser's cache.
"""

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread

HASHED_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# Oscar's dashboard and Django's admin keep their own files; shopper pages name none of them,
# and the manifest refuses (ValueError) a page that names a file it does not hold.
NOT_COLLECTED = ["oscar", "admin", "django_tables2", "treebeard", "otp_totp", "django_otp"]

TEXT_TYPES = {"Document", "Stylesheet", "Script", "Font", "XHR", "Fetch", "Other"}


@contextmanager
def hashed_static(root, *, dashboard: bool = False):
    """Our static files collected with hashed names under `root`, and the settings that serve
    them, while the block runs; Oscar's dashboard files too when asked."""
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": HASHED_STORAGE}}
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        ignored = () if dashboard else NOT_COLLECTED
        args = [arg for name in ignored for arg in ("--ignore", name)]
        call_command("collectstatic", "--noinput", "--verbosity", "0", *args)
        yield


class ProductionServer:
    """The site as production serves it, at `url`, while the test's settings hold."""

    def __init__(self):
        sqlite_memory = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        # The thread wraps its app in a media handler then in this: keep the bare app, so
        # WhiteNoise (middleware) serves static files and our own view serves media.
        self.thread = LiveServerThread(
            "127.0.0.1",
            lambda media_handler: media_handler.application,
            connections_override=sqlite_memory or None,
            port=0,
        )
        self.thread.daemon = True

    def __enter__(self):
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        self.url = f"http://127.0.0.1:{self.thread.port}"
        return self

    def __exit__(self, *exc):
        self.thread.terminate()


@dataclass
class Transfer:
    """Bytes received per kind of response, from Chromium's network events."""

    by_type: dict = field(default_factory=lambda: defaultdict(int))
    urls: list = field(default_factory=list)
    # (kind, url, content-encoding, cache-control) of each response that came over the wire
    headers: list = field(default_factory=list)

    @property
    def text(self) -> int:
        """HTML, CSS, JavaScript and fonts: what the page budget counts."""
        return sum(size for kind, size in self.by_type.items() if kind in TEXT_TYPES)

    @property
    def pictures(self) -> int:
        return self.by_type.get("Image", 0)


class TransferMeter:
    """Counts what one page load brings over the network (`measure`), from an empty cache
    (`cache_clear`) or with what earlier loads left in it."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.kinds = {}
        self.current = Transfer()
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event):
        response = event["response"]
        self.kinds[event["requestId"]] = (event["type"], response["url"])
        if not response.get("fromDiskCache") and response.get("status") == 200:
            headers = {name.lower(): value for name, value in response["headers"].items()}
            self.current.headers.append(
                (
                    event["type"],
                    response["url"],
                    headers.get("content-encoding", ""),
                    headers.get("cache-control", ""),
                )
            )

    def _finished(self, event):
        kind, url = self.kinds.get(event["requestId"], ("Other", "?"))
        size = int(event["encodedDataLength"])
        self.current.by_type[kind] += size
        if size:
            self.current.urls.append((kind, size, url))

    def cache_clear(self):
        self.cdp.send("Network.clearBrowserCache")

    def measure(self, action) -> Transfer:
        self.current = measured = Transfer()
        action()
        self.page.wait_for_load_state("networkidle")
        # What the page does next (another test step) is no longer this page's.
        self.current = Transfer()
        return measured
