"""Every page carries our Content-Security-Policy; only the card page allows the card
gateway's own script, frames and API, and exactly the origins its options name."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from payments.gateways.stripe import StripeGateway
from payments.models import Payment
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from tests.localstripe_server import stripe_options

BASE_POLICY = {
    "default-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'none'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy_of(response) -> dict:
    directives = (
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return {name: value for name, value in directives}


@pytest.fixture
def card_purchase(client, db, settings, localstripe_url):
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "stripe": {
            "BACKEND": "payments.gateways.stripe.StripeGateway",
            "OPTIONS": stripe_options(localstripe_url, currencies=("CUP",)),
        },
    }
    partner = PartnerFactory(name="Café Serrano")
    point = PickupPointFactory(vendor=partner.vendor)
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price=Decimal("300.00"))
    basket_add(client, product, 1)
    placed = order_place(
        client, checkout_to_review(client, {partner.vendor: f"pickup-{point.pk}"}, payment="stripe")
    )
    assert placed.status_code == 302
    return Payment.objects.get(), product


def test_a_shopper_page_allows_our_own_scripts_only(client, coffee):
    response = client.get(coffee.get_absolute_url())

    policy = policy_of(response)
    # The light layout writes no inline script: no nonce is issued, none is needed.
    assert policy.pop("script-src") == "'self'"
    assert policy == BASE_POLICY
    html = response.content.decode()
    assert "<script nonce=" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []


def test_the_card_page_allows_the_configured_gateway_and_nothing_else(
    client, card_purchase, localstripe_url
):
    payment, product = card_purchase

    card_page = client.get(reverse("payment_pages:card", kwargs={"reference": payment.reference}))
    product_page = client.get(product.get_absolute_url())

    policy = policy_of(card_page)
    assert re.fullmatch(rf"'self' {localstripe_url}", policy["script-src"])
    assert policy["frame-src"] == localstripe_url
    assert policy["connect-src"] == f"'self' {localstripe_url}"
    assert f'<script src="{localstripe_url}/js.stripe.com/v3/">' in card_page.content.decode()
    assert localstripe_url not in product_page["Content-Security-Policy"]
    assert policy_of(product_page)["frame-src"] == "'none'"


def test_stripe_itself_is_allowed_with_its_3d_secure_frames():
    gateway = StripeGateway(
        name="stripe",
        options={
            "secret_key": "sk_live_x",
            "publishable_key": "pk_live_x",
            "webhook_secret": "whsec_x",
        },
    )

    sources = gateway.client_sources()

    assert sources.scripts == ("https://js.stripe.com",)
    assert sources.frames == ("https://js.stripe.com", "https://hooks.stripe.com")
    assert sources.connections == ("https://api.stripe.com",)
