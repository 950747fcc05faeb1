"""What both fakes share: a threaded HTTP server with JSON and form bodies, a payer's
page, and the `/_fake/mode` control (ok, down: 503 to everything, slow: answers after
`delay` seconds, for timeouts)."""

import argparse
import html
import json
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeState:
    def __init__(self):
        self.lock = threading.RLock()
        self.mode = "ok"
        self.delay = 0.0
        self.calls: list[str] = []


class FakeHandler(BaseHTTPRequestHandler):
    """Subclasses set `routes`: [(method, path prefix, handler method name)]."""

    state: FakeState
    routes: list[tuple[str, str, str]] = []
    server_version = "fake/1"

    def log_message(self, format, *args):  # quiet unless asked
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def _dispatch(self, method: str):
        url = urllib.parse.urlsplit(self.path)
        self.query = dict(urllib.parse.parse_qsl(url.query))
        length = int(self.headers.get("Content-Length") or 0)
        self.raw = self.rfile.read(length) if length else b""
        if url.path == "/_fake/mode" and method == "POST":
            data = self.json_body()
            with self.state.lock:
                if data.get("reset"):
                    self.state.__init__()
                self.state.mode = data.get("mode", "ok")
                self.state.delay = float(data.get("delay", 0))
                self.control(data)
            return self.send_json(200, {"mode": self.state.mode})
        if not url.path.startswith(("/checkout", "/pagar")):
            self.state.calls.append(f"{method} {url.path}")
            if self.state.mode == "down":
                return self.send_json(503, {"error": "service_unavailable"})
            if self.state.mode == "slow":
                time.sleep(self.state.delay)
        for route_method, prefix, name in self.routes:
            if method == route_method and url.path.startswith(prefix):
                rest = url.path[len(prefix) :].strip("/")
                return getattr(self, name)(rest)
        self.send_json(404, {"error": "not_found"})

    def control(self, data: dict) -> None:
        """Other `/_fake/mode` settings of a fake."""

    def json_body(self) -> dict:
        try:
            data = json.loads(self.raw or b"{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def form_body(self) -> dict:
        return dict(urllib.parse.parse_qsl(self.raw.decode("utf-8", "replace")))

    def send_json(self, status: int, data: dict) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_page(self, status: int, title: str, content: str) -> None:
        body = (
            "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title></head><body><main>"
            f"<h1>{html.escape(title)}</h1>{content}</main></body></html>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def serve(handler: type[FakeHandler], description: str) -> None:
    """`python -m tests.fakes.<fake> --port N`: serve until stopped."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    server = ThreadingHTTPServer((arguments.host, arguments.port), handler)
    server.daemon_threads = True
    server.verbose = arguments.verbose
    print(f"{description} on http://{arguments.host}:{arguments.port}", flush=True)
    server.serve_forever()


def form(action: str, buttons: list[tuple[str, str]]) -> str:
    """A form posting `action` with one submit button per (value, label)."""
    inner = "".join(
        f"<button type='submit' name='action' value='{html.escape(value)}'>"
        f"{html.escape(label)}</button> "
        for value, label in buttons
    )
    return f"<form method='post' action='{html.escape(action)}'>{inner}</form>"
