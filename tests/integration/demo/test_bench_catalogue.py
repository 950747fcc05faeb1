"""The benches' synthetic catalogue (`manage.py load_bench_data`)."""

import pytest
from django.core.management import CommandError, call_command
from oscar.core.loading import get_model

from shop.apps.search.models import ProductSearchDocument
from shop.demo.bench import bench_catalogue_load
from shop.demo.bench_database import database_url_for_size
from vendors.models import Vendor, VendorStatus

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.mark.django_db
def test_a_second_load_adds_only_what_is_missing():
    first = bench_catalogue_load(products=40, stores=4)
    again = bench_catalogue_load(products=40, stores=4)
    grown = bench_catalogue_load(products=55, stores=5)

    assert (first.products, first.stores, first.products_added, first.stores_added) == (
        40,
        4,
        40,
        4,
    )
    assert (again.products, again.products_added, again.stores_added) == (40, 0, 0)
    assert (grown.products, grown.products_added, grown.stores_added) == (55, 15, 1)
    assert Product.objects.filter(upc__startswith="BENCH-").count() == 55
    assert Vendor.objects.filter(status=VendorStatus.APPROVED).count() == 5


@pytest.mark.django_db
def test_every_product_is_listed_in_a_category_by_one_approved_store(client):
    bench_catalogue_load(products=30, stores=3)

    assert StockRecord.objects.count() == 30
    assert Product.objects.filter(categories__isnull=True).count() == 0
    response = client.get("/catalogue/")
    assert response.context["paginator"].count == 30


@pytest.mark.django_db
def test_the_loaded_catalogue_is_searchable(client):
    bench_catalogue_load(products=30, stores=3)

    response = client.get("/search/", {"q": "artesanal"})

    assert ProductSearchDocument.objects.count() == 30
    assert response.context["paginator"].count > 0
    assert {product.title for product in response.context["products"]} <= set(
        Product.objects.filter(title__icontains="artesanal").values_list("title", flat=True)
    )


@pytest.mark.django_db
def test_the_command_refuses_the_demos_database():
    with pytest.raises(CommandError, match="shop.settings.bench"):
        call_command("load_bench_data", products=10, vendors=1)


def test_each_size_has_a_database_of_its_own():
    base = "postgres://postgres@127.0.0.1:5432/encadena_bench"

    assert database_url_for_size(base, products=10_000) == f"{base}_10k"
    assert database_url_for_size(base, products=100_000) == f"{base}_100k"
    assert database_url_for_size(f"{base}?sslmode=disable", products=2500) == (
        f"{base}_2500?sslmode=disable"
    )
