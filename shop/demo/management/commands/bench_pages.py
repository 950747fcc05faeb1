"""Prints, for each main page on the current database: SQL queries, HTML size, and
p50/p90 time and requests per second of an in-process GET (no web server, so these are
the application's own costs; `make bench` measures them under gunicorn). Each page is
rendered for every request (the whole-page cache off: these are the page's own costs), and
then, where the settings keep pages whole (STOREFRONT_PAGE_CACHE_SECONDS), p50 and queries
of a request served from that cache."""

import json
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, reverse
from oscar.core.loading import get_model

from vendors.models import Vendor, VendorStatus

Product = get_model("catalogue", "Product")


def bench_page_urls() -> dict[str, str]:
    """{page: path} of the main pages, on whatever catalogue the database holds; the
    trivial page first when the URLs have one (the bench's, shop/demo/urls.py)."""
    vendor = Vendor.objects.filter(status=VendorStatus.APPROVED).order_by("pk").first()
    if vendor is None:
        raise CommandError("No approved store: run seed_demo (or load_bench_data).")
    product = (
        Product.objects.browsable()
        .filter(stockrecords__partner=vendor.partner_id, categories__isnull=False)
        .order_by("pk")
        .first()
    )
    pages = {}
    try:
        pages["ceiling"] = reverse("bench-ceiling")
    except NoReverseMatch:
        pass
    return pages | {
        "home": "/",
        "catalogue": "/catalogue/",
        "catalogue page 5": "/catalogue/?page=5",
        "category": product.categories.order_by("-depth", "pk").first().get_absolute_url(),
        "search 'artesanal'": "/search/?q=artesanal",
        "search 'café'": "/search/?q=caf%C3%A9",
        "product": product.get_absolute_url(),
        "directory": "/actores/",
        "directory filtered": "/actores/?province=la-habana",
        "store": f"/tiendas/{vendor.slug}/",
    }


class Command(BaseCommand):
    help = "Measure the main pages: queries, bytes, p50/p90 ms, requests per second."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument(
            "--json", action="store_true", help="Print the figures as JSON, one list."
        )

    def handle(self, *args, requests, json: bool, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        results = [
            self.measure(client, name, url, requests) for name, url in bench_page_urls().items()
        ]
        if json:
            self.stdout.write(_json_dumps(results))
            return
        self.stdout.write(
            f"{Product.objects.count()} products, {Vendor.objects.count()} vendors,"
            f" {requests} requests per page\n"
        )
        self.stdout.write(
            f"{'page':20} {'queries':>7} {'KB':>6} {'p50 ms':>7} {'p90 ms':>7} {'req/s':>7}"
            f" {'kept: p50 ms':>12} {'queries':>7}"
        )
        for page in results:
            kept = page["kept"]
            self.stdout.write(
                f"{page['page']:20} {page['queries']:7d} {page['kilobytes']:6.1f}"
                f" {page['p50_ms']:7.1f} {page['p90_ms']:7.1f} {page['requests_per_second']:7.0f}"
                + (f" {kept['p50_ms']:12.2f} {kept['queries']:7d}" if kept else "")
            )

    @classmethod
    def measure(cls, client, name: str, url: str, requests: int) -> dict:
        with override_settings(STOREFRONT_PAGE_CACHE_SECONDS=0):
            rendered = cls.measure_requests(client, name, url, requests)
        kept = None
        if settings.STOREFRONT_PAGE_CACHE_SECONDS > 0:
            kept = cls.measure_requests(client, name, url, requests)
            kept = {"queries": kept["queries"], "p50_ms": kept["p50_ms"]}
        return {**rendered, "kept": kept}

    @staticmethod
    def measure_requests(client, name: str, url: str, requests: int) -> dict:
        client.get(url)  # warm
        # Django empties the query log when a request starts; count from zero.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        query_count = len(queries.captured_queries)  # read before the log is reset again
        if response.status_code != 200:
            raise CommandError(f"{name}: {url} answered {response.status_code}")
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            reset_queries()
        times.sort()
        return {
            "page": name,
            "url": url,
            "queries": query_count,
            "kilobytes": len(response.content) / 1024,
            "p50_ms": statistics.median(times),
            "p90_ms": times[max(0, int(len(times) * 0.9) - 1)],
            "requests_per_second": 1000 / statistics.mean(times),
        }


def _json_dumps(results: list[dict]) -> str:
    return json.dumps(results)
