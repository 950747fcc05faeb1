"""The storefront bench (`make bench`): for each catalogue size, a database of its own
filled by `load_bench_data` when missing, the pages served by gunicorn with 2 sync workers
and DEBUG off (shop/settings/bench.py), and a load generator (wrk, or Python threads)
requesting each page in turn. Prints, per page: requests per second, its share of the
trivial page's (the ceiling, measured before and after the pages, in the same run), p50 and
p99 latency, and, measured in-process on the same database with the page rendered for every
request (no whole-page cache), the page's SQL queries and p50 ("render ms"); then the
search engine's own p50 for a few queries (bench_search)."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from shop.demo.bench_database import database_url_for_size
from shop.demo.http_load import http_load, load_generator_name

REPOSITORY = Path(settings.BASE_DIR)
# The pages the targets name, in the table's order; the ceiling first.
TABLE_PAGES = ("ceiling", "catalogue", "category", "store", "product", "search 'artesanal'")
DEFAULT_SIZES = ("10000:50", "100000:500")


def _size(value: str) -> tuple[int, int]:
    products, _, vendors = value.partition(":")
    try:
        return int(products), int(vendors or max(1, int(products) // 200))
    except ValueError as error:
        raise CommandError(f"A size is PRODUCTS:VENDORS, e.g. 10000:50, not {value!r}") from error


class Command(BaseCommand):
    help = "Requests per second, share of the trivial page, p50/p99 and queries of the pages."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", nargs="+", default=DEFAULT_SIZES, metavar="N:M")
        parser.add_argument("--seconds", type=float, default=10, help="Per page.")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--load", choices=("auto", "wrk", "python"), default="auto")
        parser.add_argument("--port", type=int, default=8765)

    def handle(self, *args, sizes, seconds, connections, load, port, **options):
        generator = load_generator_name(load)
        self.stdout.write(
            f"gunicorn, 2 sync workers, DEBUG off; load: {generator}, {connections} "
            f"connections, {seconds:g} s per page."
        )
        if generator == "python":
            self.stdout.write("(wrk not found: `apt-get install wrk` for figures like the issue's)")
        base_url = getattr(settings, "BENCH_DATABASE_URL", "") or os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/encadena_bench"
        )
        for size in sizes:
            products, vendors = _size(size)
            environment = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "shop.settings.bench",
                "DATABASE_URL": database_url_for_size(base_url, products=products),
            }
            self.manage(
                environment, "load_bench_data", f"--products={products}", f"--vendors={vendors}"
            )
            self.manage(environment, "collectstatic", "--noinput", "--verbosity=0")
            pages = {
                page["page"]: page
                for page in json.loads(
                    self.manage(environment, "bench_pages", "--json", "--requests=5", quiet=True)
                )
            }
            searches = json.loads(self.manage(environment, "bench_search", "--json", quiet=True))
            with _gunicorn(environment, port=port):
                figures = self.measure(
                    pages, port=port, seconds=seconds, connections=connections, generator=generator
                )
            self.table(products, vendors, pages, figures)
            self.stdout.write(
                "Search engine in-process, p50 (first page, count, facets), cold / repeated: "
                + ", ".join(
                    f"{search['query']!r} {search['p50_ms']:.1f} / "
                    f"{search['repeated_p50_ms']:.1f} ms ({search['hits']} found)"
                    for search in searches
                )
            )

    def manage(self, environment: dict, *arguments: str, quiet: bool = False) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=REPOSITORY,
            env=environment,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise CommandError(f"manage.py {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
        if not quiet and done.stdout.strip():
            self.stdout.write(done.stdout.strip())
        return done.stdout

    @staticmethod
    def measure(pages: dict, *, port: int, seconds: float, connections: int, generator: str):
        def url(name: str) -> str:
            return f"http://127.0.0.1:{port}{pages[name]['url']}"

        for name in TABLE_PAGES:  # warm both workers: templates, caches, connections
            http_load(url(name), seconds=1, connections=connections, generator=generator)
        figures = {}
        ceiling_before = http_load(
            url("ceiling"), seconds=seconds, connections=connections, generator=generator
        )
        for name in TABLE_PAGES[1:]:
            figures[name] = http_load(
                url(name), seconds=seconds, connections=connections, generator=generator
            )
        ceiling_after = http_load(
            url("ceiling"), seconds=seconds, connections=connections, generator=generator
        )
        figures["ceiling"] = max(
            (ceiling_before, ceiling_after), key=lambda result: result.requests_per_second
        )
        return figures

    def table(self, products: int, vendors: int, pages: dict, figures: dict) -> None:
        ceiling = figures["ceiling"].requests_per_second
        self.stdout.write(f"\n{products:,} products, {vendors:,} stores")
        self.stdout.write(
            f"{'page':20} {'req/s':>8} {'share':>7} {'p50 ms':>8} {'p99 ms':>8} {'queries':>7}"
            f" {'render ms':>9}"
        )
        for name in TABLE_PAGES:
            result = figures[name]
            failed = f"  ({result.failures} failed)" if result.failures else ""
            self.stdout.write(
                f"{name:20} {result.requests_per_second:8.1f} "
                f"{100 * result.requests_per_second / ceiling:6.1f}% "
                f"{result.p50_ms:8.1f} {result.p99_ms:8.1f} {pages[name]['queries']:7d}"
                f" {pages[name]['p50_ms']:9.1f}{failed}"
            )
        seconds = settings.STOREFRONT_PAGE_CACHE_SECONDS
        kept = f"for {seconds} s" if seconds > 0 else "off"
        self.stdout.write(
            f"Pages kept whole for visitors without a session: {kept} "
            "(STOREFRONT_PAGE_CACHE_SECONDS)."
        )


class _gunicorn:
    """gunicorn serving the bench's settings on the loopback, for the `with` block."""

    def __init__(self, environment: dict, *, port: int):
        self.environment = {
            **environment,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "2",
        }
        self.port = port
        self.log = Path(settings.LOCAL_DATA_DIR) / "bench" / "gunicorn.log"

    def __enter__(self):
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                raise CommandError(f"Port {self.port} is taken: give another with --port.")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:shop.gunicorn", "shop.wsgi"],
            cwd=REPOSITORY,
            env=self.environment,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("w"),
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/bench/ceiling/", timeout=2)
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise CommandError(f"gunicorn did not start: see {self.log}") from None
                time.sleep(0.3)
        self.__exit__()
        raise CommandError("gunicorn did not answer within 30 s.")

    def __exit__(self, *exc_info):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
