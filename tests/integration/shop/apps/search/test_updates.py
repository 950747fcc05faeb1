"""The index follows the catalogue after each commit, as in production: these tests
commit for real (the rest of the suite refreshes the index at once, see test settings)."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from oscar.core.loading import get_model

from shop.apps.search.engine import ProductSearchFilters, product_search
from shop.apps.search.models import ProductSearchDocument, SearchWord, VendorSearchDocument
from tests.factories.catalogue import CategoryFactory, PartnerFactory, ProductFactory
from vendors.inventory.stock import (
    StockRequest,
    stock_allocate,
    stock_consume,
    stock_release,
    stock_set,
)
from vendors.models import StockMovementReason, VendorStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def after_commit(settings):
    settings.SEARCH_INDEX_UPDATES = "after_commit"


def titles(query: str) -> list[str]:
    result = product_search(filters=ProductSearchFilters(query=query))
    return [document.title for document in result.documents]


def test_the_index_follows_each_committed_change_of_product_stock_store_and_category():
    with transaction.atomic():
        store = PartnerFactory(name="Dulces Guayabita", code="guayabita")
        category = CategoryFactory(name="Dulces")
        product = ProductFactory(
            title="Barra de guayaba, 400 g",
            categories=[category],
            stockrecord__partner=store,
            stockrecord__num_in_stock=5,
        )
        assert titles("guayaba") == []  # nothing until it commits
    assert titles("guayaba") == ["Barra de guayaba, 400 g"]

    with transaction.atomic():
        product.title = "Barra de guayabá casera, 400 g"
        product.save()
    assert titles("casera") == ["Barra de guayabá casera, 400 g"]

    record = product.stockrecords.get()
    record.price = Decimal("90.00")
    record.save()
    stock_set(
        stockrecord_id=record.pk,
        vendor=store.vendor,
        level=0,
        reason=StockMovementReason.ADJUSTMENT,
        actor=None,
        note="Inventario",
    )
    document = ProductSearchDocument.objects.get(pk=product.pk)
    assert (document.price, document.in_stock) == (Decimal("90.00"), False)

    store.vendor.trade_name = "Confituras Pinareñas"
    store.vendor.save()
    assert titles("pinarenas") == ["Barra de guayabá casera, 400 g"]

    category.name = "Confituras y mermeladas"
    category.save()
    assert titles("mermeladas") == ["Barra de guayabá casera, 400 g"]

    store.vendor.status = VendorStatus.SUSPENDED
    store.vendor.save()
    assert not ProductSearchDocument.objects.exists()
    assert not VendorSearchDocument.objects.exists()


def test_a_change_rolled_back_leaves_the_index_as_it_was_and_the_next_one_counts():
    store = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    product = ProductFactory(title="Barra de guayaba, 400 g", stockrecord__partner=store)

    with pytest.raises(RuntimeError), transaction.atomic():
        product.title = "Mermelada de mango"
        product.save()
        raise RuntimeError("the writer fails")
    assert titles("mango") == []
    assert titles("guayaba") == ["Barra de guayaba, 400 g"]

    with transaction.atomic():
        product.title = "Mermelada de mango"
        product.save()
    assert titles("mango") == ["Mermelada de mango"]


def test_rebuild_makes_every_document_and_word_again(capsys):
    store = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    ProductFactory(title="Barra de guayaba, 400 g", stockrecord__partner=store)
    withdrawn = ProductFactory(title="Turrón de maní", stockrecord__partner=store)
    get_model("catalogue", "Product").objects.filter(pk=withdrawn.pk).update(is_public=False)
    ProductSearchDocument.objects.filter(title__startswith="Barra").delete()
    SearchWord.objects.all().delete()
    assert titles("") == ["Turrón de maní"]  # an update that sent no signal

    call_command("search_rebuild")

    assert "Search index rebuilt: 1 products, 1 economic actors" in capsys.readouterr().out
    assert titles("") == ["Barra de guayaba, 400 g"]
    assert VendorSearchDocument.objects.count() == 1
    assert SearchWord.objects.filter(word="guayaba").exists()


def test_promising_the_last_units_marks_the_product_sold_out_and_a_release_brings_it_back():
    with transaction.atomic():
        product = ProductFactory(title="Miel de abejas, 1 l", stockrecord__num_in_stock=2)
    record = product.stockrecords.get()
    promise = [StockRequest(stockrecord_id=record.pk, quantity=1)]

    with transaction.atomic():
        stock_allocate(requests=promise, order_number="100001-1")
    assert ProductSearchDocument.objects.get(pk=product.pk).in_stock  # one unit left

    with transaction.atomic():
        stock_allocate(requests=promise, order_number="100002-1")
        assert ProductSearchDocument.objects.get(pk=product.pk).in_stock  # until it commits
    assert not ProductSearchDocument.objects.get(pk=product.pk).in_stock
    assert titles("miel") == ["Miel de abejas, 1 l"]  # still found, shown as sold out

    with transaction.atomic():
        stock_consume(requests=promise, order_number="100001-1")
    assert not ProductSearchDocument.objects.get(pk=product.pk).in_stock

    with transaction.atomic():
        stock_release(requests=promise, order_number="100002-1")
    assert ProductSearchDocument.objects.get(pk=product.pk).in_stock
