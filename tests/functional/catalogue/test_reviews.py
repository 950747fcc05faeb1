"""Product reviews come from buyers who received the product, once each; nobody else sees
the form or gets a review in by posting it."""

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create
from tests.factories.orders import vendor_order_deliver

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db

REVIEW = {"title": "Muy bueno", "score": "5", "body": "Llegó a tiempo y bien envasado."}


@pytest.fixture
def world():
    (coffee_store, coffee), (honey_store, honey) = stores_create()
    received, waiting, stranger = (
        UserFactory(email=f"{name}@example.test") for name in ("recibio", "espera", "extrana")
    )
    vendor_order_deliver(
        purchase_place_for(received, [(coffee, 1), (honey, 1)]).vendor_orders.get(
            vendor__partner=coffee_store
        )
    )
    purchase_place_for(waiting, [(coffee, 1)])
    return {
        "coffee": coffee,
        "honey": honey,
        "received": received,
        "waiting": waiting,
        "stranger": stranger,
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def add_url(product) -> str:
    return reverse(
        "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )


def test_a_buyer_who_received_the_product_reviews_it_once(world):
    buyer = client_for(world["received"])
    coffee = world["coffee"]

    page = buyer.get(coffee.get_absolute_url())
    assert page.context["review_permitted"] is True
    assert add_url(coffee) in page.content.decode()
    assert buyer.get(add_url(coffee)).status_code == 200
    response = buyer.post(add_url(coffee), REVIEW, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "Gracias por dar su opinión sobre este producto"
    ]
    review = ProductReview.objects.get()
    assert (review.product, review.user, review.score, review.status) == (
        coffee,
        world["received"],
        5,
        ProductReview.APPROVED,
    )
    again = buyer.post(add_url(coffee), REVIEW, follow=True)
    assert [str(m) for m in again.context["messages"]] == [
        "¡Ya dio su opinión sobre este producto!"
    ]
    assert ProductReview.objects.count() == 1
    assert buyer.get(coffee.get_absolute_url()).context["review_permitted"] is False


@pytest.mark.parametrize(
    "who, product",
    [
        ("waiting", "coffee"),  # bought it, not delivered yet
        ("received", "honey"),  # its part from the other store is not delivered
        ("stranger", "coffee"),  # never bought it
        (None, "coffee"),  # anonymous
    ],
)
def test_anyone_else_sees_no_form_and_a_post_is_refused(world, who, product):
    client = client_for(world[who] if who else None)
    product = world[product]

    page = client.get(product.get_absolute_url())
    form = client.get(add_url(product), follow=True)
    response = client.post(
        add_url(product), {**REVIEW, "name": "Ana", "email": "a@x.test"}, follow=True
    )

    assert page.context["review_permitted"] is False
    assert add_url(product) not in page.content.decode()
    refused = ["Solo quienes recibieron este producto pueden opinar sobre él."]
    for answer in (form, response):
        assert answer.redirect_chain == [(product.get_absolute_url(), 302)]
        assert [str(m) for m in answer.context["messages"]] == refused
    assert not ProductReview.objects.exists()


def test_the_product_page_reads_in_spanish_with_usted(world):
    page = client_for(world["received"]).get(world["coffee"].get_absolute_url())
    html = page.content.decode()

    assert "Este producto aún no tiene opiniones. <a href=" in html
    assert "Escriba la primera</a>." in html
    assert "sé el primero" not in html
