"""A webhook receiver on loopback that keeps what it was sent; `down()` stops listening
(connections refused) and `up()` listens again on the same port."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.received.append((dict(self.headers), body))
        self.send_response(self.server.answer)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class LoopbackReceiver:
    def __init__(self):
        self.received: list[tuple[dict, bytes]] = []
        self.answer = 200
        self._server = None
        self.port = self._listen(0)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/encadena"

    def _listen(self, port: int) -> int:
        server = HTTPServer(("127.0.0.1", port), _Handler)
        server.received = self.received
        server.answer = self.answer
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self._server = server
        return server.server_address[1]

    def down(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def up(self):
        if self._server is None:
            self._listen(self.port)
