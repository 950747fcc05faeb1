"""A store reads the reviews of its own products, and only those, on its dashboard."""

import pytest
from django.test import Client
from oscar.core.loading import get_model

from tests.factories import UserFactory
from tests.factories.callcenter import owner_of, stores_create
from tests.queries import query_count

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db


def review(product, title, score=4):
    return ProductReview.objects.create(
        product=product, user=UserFactory(), title=title, score=score, body="Bueno."
    )


@pytest.fixture
def stores():
    (coffee_store, coffee), (honey_store, honey) = stores_create()
    review(coffee, "Café sabroso", 5)
    review(honey, "Miel espesa")
    client = Client()
    client.force_login(owner_of(coffee_store))
    return {
        "coffee": coffee,
        "coffee_store": coffee_store,
        "honey_store": honey_store,
        "owner": client,
    }


def url(partner) -> str:
    return f"/vendedor/{partner.vendor.slug}/opiniones/"


def test_the_store_reads_its_own_products_reviews_only(stores):
    page = stores["owner"].get(url(stores["coffee_store"]))

    assert page.status_code == 200
    assert [r.title for r in page.context["reviews"]] == ["Café sabroso"]
    html = page.content.decode()
    assert "Café sabroso" in html and "5 de 5" in html and "Miel espesa" not in html
    assert f'href="{url(stores["coffee_store"])}"' in html  # in the dashboard menu


def test_another_store_and_strangers_do_not_get_in(stores):
    assert stores["owner"].get(url(stores["honey_store"])).status_code == 404
    anonymous = Client().get(url(stores["coffee_store"]))
    assert (anonymous.status_code, anonymous["Location"].split("?")[0]) == (302, "/accounts/login/")


def test_the_page_costs_the_same_queries_however_many_reviews(stores):
    few = query_count(stores["owner"], url(stores["coffee_store"]))
    for index in range(10):
        review(stores["coffee"], f"Opinión {index}")
    many = query_count(stores["owner"], url(stores["coffee_store"]))

    assert many == few
