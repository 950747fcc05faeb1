"""A load generator for the storefront bench: `wrk` when it is installed (Debian: `apt-get
install wrk`), otherwise threads of `http.client` in this process. Python spends more of
the machine's CPU per request than wrk does, so on a small machine its ceiling (the trivial
page) is lower and every page's share of it higher: compare figures of the same generator."""

import http.client
import re
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

WRK_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    failures: int  # answers other than 200, and connection errors


def load_generator_name(preferred: str = "auto") -> str:
    if preferred == "auto":
        return "wrk" if shutil.which("wrk") else "python"
    return preferred


def http_load(url: str, *, seconds: float, connections: int, generator: str = "auto") -> LoadResult:
    """GET `url` from `connections` concurrent clients for `seconds`."""
    if load_generator_name(generator) == "wrk":
        return _wrk(url, seconds=seconds, connections=connections)
    return _threads(url, seconds=seconds, connections=connections)


def _wrk(url: str, *, seconds: float, connections: int) -> LoadResult:
    output = subprocess.run(
        [
            "wrk",
            f"--threads={min(2, connections)}",
            f"--connections={connections}",
            f"--duration={max(1, round(seconds))}s",
            "--latency",
            "--timeout=30s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    percentiles = {
        int(percent): float(value) * WRK_UNITS_MS[unit]
        for percent, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    }
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    failures = sum(
        int(number)
        for number in re.findall(r"Non-2xx or 3xx responses: (\d+)", output)
        + re.findall(r"Socket errors: connect (\d+)", output)
    )
    return LoadResult(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=percentiles[50],
        p99_ms=percentiles[99],
        requests=requests,
        failures=failures,
    )


def _threads(url: str, *, seconds: float, connections: int) -> LoadResult:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.perf_counter() + seconds
    latencies: list[list[float]] = [[] for _ in range(connections)]
    failures = [0] * connections

    def client(index: int) -> None:
        # One connection per request: gunicorn's sync workers close each one anyway.
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                connection.request("GET", target)
                response = connection.getresponse()
                response.read()
                connection.close()
            except OSError:
                failures[index] += 1
                continue
            if response.status != 200:
                failures[index] += 1
            latencies[index].append((time.perf_counter() - start) * 1000)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(index,)) for index in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    times = sorted(latency for thread_times in latencies for latency in thread_times)
    if not times:
        return LoadResult(0.0, 0.0, 0.0, 0, sum(failures))
    return LoadResult(
        requests_per_second=len(times) / elapsed,
        p50_ms=statistics.median(times),
        p99_ms=times[min(len(times) - 1, int(len(times) * 0.99))],
        requests=len(times),
        failures=sum(failures),
    )
