"""Every page of a buyer's journey, in Spanish, reads in Spanish and in one register
(usted): no English left by Oscar, no "tú", no number that disagrees with its noun.

The pages are walked as a guest (catalogue to thank-you) and as a registered buyer (its
account, a delivered purchase, a review). What is read: the text a person sees, and the
labels a screen reader says (aria-label, alt, title, placeholder, button values); an
element marked lang="en" (the language switcher's "English") is English on purpose."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from logistics.models import Municipality
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.callcenter import purchase_place_for
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from tests.factories.orders import vendor_order_deliver
from tests.functional.checkout.flow import address_data
from tests.spanish import problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def store():
    partner = PartnerFactory(name="Café Serrano", code="cafe-serrano")
    DeliveryZoneFactory(vendor=partner.vendor, name="Entrega en La Habana", price=Decimal("150.00"))
    PickupPointFactory(vendor=partner.vendor, name="Taller Café Serrano")
    coffee = ProductFactory(
        title="Café de Jibacoa, 250 g",
        description="Tostado medio.",
        stockrecord__partner=partner,
        stockrecord__price=Decimal("320.00"),
        stockrecord__num_in_stock=23,
    )
    cocoa = ProductFactory(
        title="Cacao en polvo, 200 g", stockrecord__partner=partner, stockrecord__num_in_stock=0
    )
    return {"vendor": partner.vendor, "coffee": coffee, "cocoa": cocoa}


class Journey:
    """A client that keeps every page it ends on, with the problems found in it."""

    def __init__(self, client: Client):
        self.client = client
        self.pages: dict[str, list[str]] = {}

    def read(self, response, label: str):
        assert response.status_code == 200, (label, response.status_code)
        self.pages[label] = problems(response.content.decode())
        return response

    def get(self, url: str, **params):
        return self.read(self.client.get(url, params, follow=True), url)

    def post(self, url: str, data: dict):
        return self.read(self.client.post(url, data, follow=True), f"POST {url}")


def test_a_guest_reads_spanish_with_usted_from_the_catalogue_to_the_thank_you(store):
    guest = Journey(Client())
    coffee, vendor = store["coffee"], store["vendor"]

    for url in (
        "/",
        "/catalogue/",
        "/actores/",
        f"/tiendas/{vendor.slug}/",
        coffee.get_absolute_url(),
        store["cocoa"].get_absolute_url(),
        reverse(
            "catalogue:reviews-list", kwargs={"product_slug": coffee.slug, "product_pk": coffee.pk}
        ),
        "/accounts/login/",
        "/password-reset/",
        "/seguimiento/",
    ):
        guest.get(url)
    guest.get("/search/", q="café")
    added = guest.post(reverse("basket:add", kwargs={"pk": coffee.pk}), {"quantity": 2})
    assert "El total de su carrito es ahora" in added.content.decode()
    guest.get("/basket/")
    gateway = guest.get(reverse("checkout:index"))
    assert "¿Quién es usted?" in gateway.content.decode()
    guest.post(reverse("checkout:index"), {"username": "ana@example.test", "options": "anonymous"})
    guest.post(reverse("checkout:shipping-address"), address_data(municipality="Playa"))
    guest.post(
        reverse("checkout:shipping-method"),
        {f"vendor-{vendor.pk}": f"home-{vendor.delivery_zones.get().pk}"},
    )
    review = guest.post(reverse("checkout:payment-method"), {"method": "cash_on_delivery"})
    thanks = guest.post(
        reverse("checkout:preview"),
        {"action": "place_order", "purchase_fingerprint": review.context["purchase_fingerprint"]},
    )
    assert thanks.redirect_chain[-1][0] == reverse("checkout:thank-you")

    assert {page: found for page, found in guest.pages.items() if found} == {}
    assert len(guest.pages) == 19


def test_a_registered_buyer_reads_its_account_in_spanish_with_usted(store):
    buyer = UserFactory(email="carlos@example.test", first_name="Carlos", last_name="Comprador")
    order = purchase_place_for(
        buyer,
        [(store["coffee"], 1)],
        address={
            "first_name": "Carlos",
            "last_name": "Comprador",
            "line1": "Calle 23 No. 1155",
            "line2": "entre 10 y 12",
            "line4": "Plaza de la Revolución",
            "state": "La Habana",
            "phone_number": "+5352345678",
            "notes": "",
        },
    )
    vendor_order_deliver(order.vendor_orders.get())
    client = Client()
    client.force_login(buyer)
    journey = Journey(client)
    coffee = store["coffee"]
    address = buyer.addresses.get()

    for url in (
        "/accounts/",
        "/accounts/profile/edit/",
        "/accounts/change-password/",
        "/accounts/addresses/",
        "/accounts/addresses/add/",
        f"/accounts/addresses/{address.pk}/",
        "/accounts/orders/",
        f"/accounts/orders/{order.number}/",
        "/accounts/emails/",
        "/accounts/wishlists/",
        "/accounts/wishlists/create/",
        "/accounts/alerts/",
        "/accounts/notifications/inbox/",
        "/accounts/avisos/",
        coffee.get_absolute_url(),
        store["cocoa"].get_absolute_url(),
        reverse(
            "catalogue:reviews-add", kwargs={"product_slug": coffee.slug, "product_pk": coffee.pk}
        ),
    ):
        journey.get(url)
    journey.post(reverse("basket:add", kwargs={"pk": coffee.pk}), {"quantity": 1})
    journey.get("/basket/")
    booked = journey.get(reverse("checkout:shipping-address"))
    assert "Calle 23 No. 1155" in booked.content.decode()

    assert {page: found for page, found in journey.pages.items() if found} == {}
    assert Municipality.objects.filter(name="Plaza de la Revolución").exists()


@pytest.mark.parametrize(
    "text, found",
    [
        ("Your basket total is now 640,00 CUP", True),
        ("¿Quién eres tu?", True),
        ("En existencia (23 disponible)", True),
        ("Toggle navigation", True),
        ("Escriba su correo electrónico; le avisaremos.", False),
        ("En existencia (1 disponible)", False),
        ("Total: 640,00 CUP · ana@example.test", False),
    ],
)
def test_the_reader_tells_english_and_familiar_spanish_apart(text, found):
    assert bool(problems(f"<p>{text}</p>")) is found
