"""Both fakes in one process, for the demo (`make run` starts it in the background):

python -m tests.fakes.serve --enzona-port 8021 --transfermovil-port 8022
"""

import argparse
import threading
from http.server import ThreadingHTTPServer

from tests.fakes.enzona_server import EnzonaHandler
from tests.fakes.transfermovil_server import TransfermovilHandler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--enzona-port", type=int, default=8021)
    parser.add_argument("--transfermovil-port", type=int, default=8022)
    arguments = parser.parse_args()
    servers = []
    for handler, port, name in (
        (EnzonaHandler, arguments.enzona_port, "EnZona"),
        (TransfermovilHandler, arguments.transfermovil_port, "Transfermóvil"),
    ):
        try:
            server = ThreadingHTTPServer((arguments.host, port), handler)
        except OSError as error:
            print(f"fake {name} not started on port {port}: {error}", flush=True)
            continue
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"fake {name} (demo only) on http://{arguments.host}:{port}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
