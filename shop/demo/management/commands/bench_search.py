"""The search engine alone, in-process: p50 of a shopper's search (the ranked first page,
the count and the facets) on the database the settings name, twice: "cold", nothing
reused from an earlier run (the index's version moves before each), and "repeated", the
same search asked again while the index is unchanged (what the index's cache keeps).
`make bench` runs it for each catalogue size."""

import json
import statistics
import time

from django.core.management.base import BaseCommand

from shop.apps.search.engine import ProductSearchFilters, ProductSearchResult, product_search
from shop.apps.search.indexing import search_index_changed

QUERIES = ("artesanal", "cafe", "jabon", "artesanl")
PAGE = 24


class Command(BaseCommand):
    help = "p50 ms of the search engine for a few queries (first page, count, facets)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=11)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, runs: int, json: bool, **options):
        results = [search_measure(query, runs=runs) for query in QUERIES]
        if json:
            self.stdout.write(_dumps(results))
            return
        for result in results:
            self.stdout.write(
                f"{result['query']!r:14} cold {result['p50_ms']:7.1f} ms, repeated"
                f" {result['repeated_p50_ms']:6.1f} ms  {result['hits']:6d} found"
                + (f"  (¿Quiso decir «{result['suggestion']}»?)" if result["suggestion"] else "")
            )


def search_measure(query: str, *, runs: int) -> dict:
    cold, repeated = [], []
    for _ in range(runs):
        search_index_changed()  # what is cached under the index's version is not reused
        milliseconds, result = _timed(query)
        cold.append(milliseconds)
        repeated.append(_timed(query)[0])
    return {
        "query": query,
        "p50_ms": statistics.median(cold),
        "repeated_p50_ms": statistics.median(repeated),
        "hits": result.count,
        "suggestion": result.suggestion,
    }


def _timed(query: str) -> tuple[float, ProductSearchResult]:
    start = time.perf_counter()
    result = product_search(filters=ProductSearchFilters(query=query))
    result.product_ids[:PAGE]
    return (time.perf_counter() - start) * 1000, result


def _dumps(results: list[dict]) -> str:
    return json.dumps(results)
