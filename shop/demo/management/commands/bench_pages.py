"""Prints, for each main page on the current database: SQL queries, HTML size, and
p50/p90 time and requests per second of an in-process GET (no web server, so
these are the application's own costs; run wrk against gunicorn for the rest)."""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from vendors.models import Vendor, VendorStatus


class Command(BaseCommand):
    help = "Measure the main pages: queries, bytes, p50/p90 ms, requests per second."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50)

    def handle(self, *args, requests, **options):
        Product = get_model("catalogue", "Product")
        vendor = Vendor.objects.filter(status=VendorStatus.APPROVED).order_by("pk").first()
        product = (
            Product.objects.browsable().filter(stockrecords__partner=vendor.partner_id).first()
        )
        pages = {
            "home": "/",
            "catalogue": "/catalogue/",
            "catalogue page 5": "/catalogue/?page=5",
            "category": product.categories.first().get_absolute_url(),
            "search 'café'": "/search/?q=caf%C3%A9",
            "product": product.get_absolute_url(),
            "directory": "/actores/",
            "directory filtered": "/actores/?province=la-habana",
            "store": f"/tiendas/{vendor.slug}/",
        }
        client = Client(HTTP_HOST="127.0.0.1")
        self.stdout.write(
            f"{Product.objects.count()} products, {Vendor.objects.count()} vendors,"
            f" {requests} requests per page\n"
        )
        self.stdout.write(
            f"{'page':20} {'queries':>7} {'KB':>6} {'p50 ms':>7} {'p90 ms':>7} {'req/s':>7}"
        )
        for name, url in pages.items():
            client.get(url)  # warm
            # Django empties the query log when a request starts; count from zero.
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            query_count = len(queries.captured_queries)  # read before the log is reset again
            times = []
            for _ in range(requests):
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                reset_queries()
            times.sort()
            p50 = statistics.median(times)
            p90 = times[int(len(times) * 0.9) - 1]
            self.stdout.write(
                f"{name:20} {query_count:7d} {len(response.content) / 1024:6.1f}"
                f" {p50:7.1f} {p90:7.1f} {1000 / statistics.mean(times):7.0f}"
            )
