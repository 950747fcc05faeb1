"""In "immediate" mode (the test suite's), a batch refreshes what changed inside it once,
when it ends: a store, its product and its stock made together cost one refresh."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.apps.search.models import ProductSearchDocument
from shop.apps.search.updates import search_index_batch
from tests.factories.catalogue import PartnerFactory, ProductClassFactory, ProductFactory


def refreshes(queries) -> int:
    table = ProductSearchDocument._meta.db_table
    return sum(
        1
        for query in queries.captured_queries
        if query["sql"].startswith(("INSERT", "DELETE")) and table in query["sql"]
    )


def test_inside_a_batch_the_index_waits_for_its_end_then_refreshes_once(db):
    with search_index_batch():
        store = PartnerFactory(name="Miel del Valle")
        product = ProductFactory(title="Miel de abejas, 500 g", stockrecord__partner=store)
        product.title = "Miel de abejas silvestre, 500 g"
        product.save()
        assert not ProductSearchDocument.objects.filter(product=product).exists()

    document = ProductSearchDocument.objects.get(product=product)
    assert document.title == "Miel de abejas silvestre, 500 g"
    assert document.vendor_name == "Miel del Valle"


def test_a_factory_made_product_is_indexed_in_one_refresh(db):
    store = PartnerFactory(name="Miel del Valle")

    with CaptureQueriesContext(connection) as batched:
        ProductFactory(title="Miel de abejas, 500 g", stockrecord__partner=store)
    with CaptureQueriesContext(connection) as unbatched:
        product = ProductFactory.build(title="Cera de abejas", product_class=ProductClassFactory())
        product.save()
        product.stockrecords.create(
            partner=store, partner_sku="CERA-1", price="120.00", num_in_stock=3
        )

    assert refreshes(batched) < refreshes(unbatched)
    assert ProductSearchDocument.objects.filter(product=product).exists()
