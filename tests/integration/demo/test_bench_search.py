"""`bench_search` times the engine on what the catalogue holds, and reports what it found."""

import json
from io import StringIO

from django.core.management import call_command

from tests.factories.catalogue import ProductFactory


def test_bench_search_reports_each_query_with_its_hits_and_a_time(db):
    ProductFactory(title="Café molido, 250 g")
    ProductFactory(title="Jabón de coco artesanal")
    out = StringIO()

    call_command("bench_search", "--json", "--runs=3", stdout=out)

    results = {result["query"]: result for result in json.loads(out.getvalue())}
    assert results["cafe"]["hits"] == 1
    assert results["jabon"]["hits"] == 1
    assert results["artesanal"]["hits"] == 1
    assert all(result["p50_ms"] > 0 for result in results.values())
    assert all(result["repeated_p50_ms"] > 0 for result in results.values())
