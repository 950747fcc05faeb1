"""The card gateway refuses our own requests (a wrong secret key, against localstripe):
the buyer is asked to pay another way, the operators are told once, nothing is kept."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from payments.models import Payment
from shop.mail.models import OutgoingEmail
from tests.caches import cache_empty
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.delivery import PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from tests.localstripe_server import stripe_options
from vendors.models import VendorOrder

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

REFUSED = (
    "El pago con tarjeta no está disponible en este momento. No se cobró nada: "
    "elija otra forma de pago."
)
ALERT_SUBJECT = "La pasarela de pago stripe rechaza nuestras solicitudes: authentication_failed"


def stripe_with(settings, localstripe_url, **options):
    # The real mail path (Django's test setup would swap in its in-memory backend).
    settings.EMAIL_BACKEND = "shop.mail.backends.OutboxEmailBackend"
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "stripe": {
            "BACKEND": "payments.gateways.stripe.StripeGateway",
            "OPTIONS": stripe_options(localstripe_url, currencies=("CUP",), **options),
        },
    }


@pytest.fixture
def store(db):
    partner = PartnerFactory(name="Café Serrano")
    point = PickupPointFactory(vendor=partner.vendor)
    UserFactory(email="operadora@example.test", is_staff=True, is_superuser=True)
    return partner.vendor, f"pickup-{point.pk}"


def buy_by_card(client, store):
    vendor, pickup = store
    product = ProductFactory(
        stockrecord__partner=vendor.partner,
        stockrecord__price=Decimal("300.00"),
        stockrecord__num_in_stock=5,
    )
    basket_add(client, product, 1)
    return product, order_place(
        client, checkout_to_review(client, {vendor: pickup}, payment="stripe")
    )


def test_a_refused_key_asks_the_buyer_to_pay_another_way_and_keeps_nothing(
    client, store, settings, localstripe_url
):
    stripe_with(settings, localstripe_url, secret_key="wrong-key")

    product, response = buy_by_card(client, store)

    html = response.content.decode()
    assert response.status_code == 200
    assert REFUSED in html
    assert "unos minutos" not in html
    assert Order.objects.get().status == "cancelled"
    assert list(VendorOrder.objects.values_list("status", flat=True)) == ["cancelled"]
    assert Payment.objects.get().state == "failed"
    assert StockRecord.objects.get(product=product).num_allocated == 0


def test_the_operators_are_told_once_however_many_buyers_meet_the_refusal(
    client, store, settings, localstripe_url
):
    stripe_with(settings, localstripe_url, secret_key="wrong-key")

    buy_by_card(client, store)
    client.logout()
    client.cookies.clear()
    _product, second = buy_by_card(client, store)

    assert REFUSED in second.content.decode()
    alerts = list(OutgoingEmail.objects.filter(subject=ALERT_SUBJECT))
    assert len(alerts) == 1
    assert alerts[0].recipients == ["operadora@example.test"]
    body = bytes(alerts[0].mime).decode()
    assert "AuthenticationError: Unauthorized (http 401" in body
    assert OutgoingEmail.objects.count() == 1


def test_a_refusal_after_the_cache_was_flushed_is_still_told_once(
    client, store, settings, localstripe_url
):
    stripe_with(settings, localstripe_url, secret_key="wrong-key")

    buy_by_card(client, store)
    cache_empty()
    buy_by_card(client, store)

    assert OutgoingEmail.objects.filter(subject=ALERT_SUBJECT).count() == 1


def test_the_card_page_says_card_payment_is_unavailable_when_the_gateway_refuses_us(
    client, store, settings, localstripe_url
):
    stripe_with(settings, localstripe_url)
    _product, placed = buy_by_card(client, store)
    assert placed.status_code == 302
    payment = Payment.objects.get()
    stripe_with(settings, localstripe_url, secret_key="revoked-key")

    response = client.get(reverse("payment_pages:card", kwargs={"reference": payment.reference}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "El pago con tarjeta no está disponible en este momento. No se cobró nada." in html
    assert 'id="card-form"' not in html
    assert OutgoingEmail.objects.filter(subject=ALERT_SUBJECT).count() == 1
