"""Honest reviews: the buyer of a delivered part is invited, rates the store once; nobody
else can; the store replies in public and may ask an operator to remove an abusive review;
ratings show on the store, the directory and offers at a constant number of queries."""

import pytest
from django.test import Client
from oscar.core.loading import get_model

from shop.trust.models import ReviewReport, StoreRating, StoreReview
from shop.trust.reviews import store_rating_refresh
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create
from tests.factories.orders import purchase, vendor_order_deliver
from tests.queries import query_count
from vendors.models import MembershipRole

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db

SCORES = {"as_described": "5", "delivery": "4", "communication": "3", "body": "Todo bien."}


@pytest.fixture
def world(mailoutbox):
    (coffee_store, coffee), (honey_store, honey) = stores_create()
    received, waiting, stranger, owner = (
        UserFactory(email=f"{name}@example.test")
        for name in ("recibio", "espera", "extrana", "duena")
    )
    coffee_store.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    delivered = purchase_place_for(received, [(coffee, 1), (honey, 1)]).vendor_orders.get(
        vendor__partner=coffee_store
    )
    vendor_order_deliver(delivered)
    pending = purchase_place_for(waiting, [(coffee, 1)]).vendor_orders.get()
    return {
        "store": coffee_store.vendor,
        "coffee": coffee,
        "delivered": delivered,
        "pending": pending,
        "received": received,
        "waiting": waiting,
        "stranger": stranger,
        "owner": owner,
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def url(part) -> str:
    return f"/opiniones/tienda/{part.number}/"


def test_the_buyer_of_a_delivered_part_is_invited_once_with_the_links(world, mailoutbox):
    invitations = [
        m for m in mailoutbox if m.to == ["recibio@example.test"] and "¿Qué tal" in m.subject
    ]

    assert len(invitations) == 1
    assert url(world["delivered"]) in invitations[0].body
    assert f"/{world['coffee'].slug}_{world['coffee'].pk}/reviews/add/" in invitations[0].body


def test_the_buyer_rates_the_store_once_and_it_shows_on_the_store(world):
    buyer = client_for(world["received"])

    response = buyer.post(url(world["delivered"]), SCORES)
    again = buyer.post(url(world["delivered"]), SCORES)

    assert response.status_code == 302 and again.status_code == 302
    review = StoreReview.objects.get()
    assert (review.as_described, review.delivery, review.communication) == (5, 4, 3)
    rating = StoreRating.objects.get(vendor=world["store"])
    assert (rating.review_count, str(rating.overall)) == (1, "4.00")
    page = client_for(None).get(f"/tiendas/{world['store'].slug}/").content.decode()
    assert "★ 4,0" in page and "(1 opinión)" in page and "Todo bien." in page


@pytest.mark.parametrize("who", ["waiting", "stranger", "owner"])
def test_nobody_but_the_buyer_of_a_delivered_part_can_rate(world, who):
    part = world["pending"] if who == "waiting" else world["delivered"]

    get = client_for(world[who]).get(url(part))
    post = client_for(world[who]).post(url(part), SCORES)

    # The buyer of a part not yet delivered is told why; anyone else finds nothing.
    assert (get.status_code, post.status_code) == ((302, 302) if who == "waiting" else (404, 404))
    assert not StoreReview.objects.exists()


def test_a_score_out_of_range_is_refused_in_spanish(world):
    response = client_for(world["received"]).post(
        url(world["delivered"]), {**SCORES, "delivery": "9"}
    )

    assert response.status_code == 400
    assert "Escoja una opción válida" in response.content.decode()
    assert not StoreReview.objects.exists()


def test_the_store_replies_once_and_the_reply_is_public(world):
    client_for(world["received"]).post(url(world["delivered"]), SCORES)
    review = StoreReview.objects.get()
    owner = client_for(world["owner"])
    base = f"/vendedor/{world['store'].slug}/opiniones/tienda/{review.pk}"

    owner.post(f"{base}/responder/", {"body": "Gracias por su compra."})
    owner.post(f"{base}/responder/", {"body": "Otra respuesta."})

    review.refresh_from_db()
    assert review.reply == "Gracias por su compra."
    page = client_for(None).get(f"/tiendas/{world['store'].slug}/").content.decode()
    assert "Gracias por su compra." in page and "Otra respuesta." not in page


def test_the_store_asks_and_an_operator_removes_an_abusive_review(world):
    client_for(world["received"]).post(url(world["delivered"]), SCORES)
    review = StoreReview.objects.get()
    owner = client_for(world["owner"])
    operator = client_for(UserFactory(is_staff=True, is_superuser=True))

    owner.post(
        f"/vendedor/{world['store'].slug}/opiniones/tienda/{review.pk}/denunciar/",
        {"reason": "Insulta a nuestro mensajero."},
    )
    report = ReviewReport.objects.get()
    assert (
        "Insulta a nuestro mensajero."
        in operator.get("/dashboard/confianza/opiniones/").content.decode()
    )
    operator.post(f"/dashboard/confianza/opiniones/{report.pk}/", {"remove": "1"})

    review.refresh_from_db()
    assert review.is_published is False
    assert StoreRating.objects.get(vendor=world["store"]).review_count == 0
    assert (
        "Todo bien."
        not in client_for(None).get(f"/tiendas/{world['store'].slug}/").content.decode()
    )


def test_the_store_replies_to_a_product_review_shown_on_the_product_page(world):
    coffee = world["coffee"]
    client_for(world["received"]).post(
        f"/catalogue/{coffee.slug}_{coffee.pk}/reviews/add/",
        {"title": "Rico", "score": "5", "body": "Muy aromático."},
    )
    review = ProductReview.objects.get()

    client_for(world["owner"]).post(
        f"/vendedor/{world['store'].slug}/opiniones/{review.pk}/responder/",
        {"body": "¡Gracias! Tostado esta semana."},
    )

    assert (
        "¡Gracias! Tostado esta semana."
        in client_for(None).get(coffee.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize("who", ["stranger", "received", "anonymous"])
def test_review_moderation_pages_do_not_exist_for_non_operators(world, who):
    client_for(world["received"]).post(url(world["delivered"]), SCORES)
    review = StoreReview.objects.get()
    client_for(world["owner"]).post(
        f"/vendedor/{world['store'].slug}/opiniones/tienda/{review.pk}/denunciar/",
        {"reason": "Falso."},
    )
    report = ReviewReport.objects.get()
    client = client_for(None if who == "anonymous" else world[who])

    assert client.get("/dashboard/confianza/opiniones/").status_code == 404
    assert (
        client.post(f"/dashboard/confianza/opiniones/{report.pk}/", {"remove": "1"}).status_code
        == 404
    )
    assert StoreReview.objects.get().is_published is True


def rated_store(number: int):
    partner = PartnerFactory(name=f"Tienda {number}")
    buyer = UserFactory()
    product = ProductFactory(stockrecord__partner=partner)
    part = purchase({partner: [(product, 1)]}, user=buyer).vendor_orders.get()
    StoreReview.objects.create(
        vendor_order=part,
        vendor=partner.vendor,
        user=buyer,
        as_described=4,
        delivery=4,
        communication=4,
    )
    store_rating_refresh(vendor_id=partner.vendor.pk)


def test_the_directory_reads_ratings_at_constant_queries():
    client = Client()
    rated_store(0)
    few = query_count(client, "/actores/")

    for number in range(1, 6):
        rated_store(number)
    many = query_count(client, "/actores/")

    assert many == few
    assert client.get("/actores/").content.decode().count('class="store-rating"') == 6
