"""The payment step: the enabled gateways, and what each outcome does to the order."""

from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from payments.models import Payment
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from vendors.models import VendorOrder

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def store(db):
    partner = PartnerFactory(name="Miel del Valle")
    point = PickupPointFactory(vendor=partner.vendor)
    return partner.vendor, f"pickup-{point.pk}"


def buy(client, store, price: str, payment: str):
    vendor, pickup = store
    product = ProductFactory(
        stockrecord__partner=vendor.partner,
        stockrecord__price=Decimal(price),
        stockrecord__num_in_stock=5,
    )
    basket_add(client, product, 1)
    review = checkout_to_review(client, {vendor: pickup}, payment=payment)
    return product, order_place(client, review)


def test_the_payment_step_offers_the_enabled_gateways(client, store):
    vendor, pickup = store
    basket_add(client, ProductFactory(stockrecord__partner=vendor.partner), 1)
    checkout_to_review(client, {vendor: pickup})

    html = client.get(reverse("checkout:payment-method")).content.decode()

    assert 'value="cash_on_delivery"' in html
    assert 'value="bank_transfer"' in html
    assert 'value="dummy"' in html


def test_a_declined_payment_cancels_the_parts_frees_the_stock_and_lets_the_buyer_retry(
    client, store, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product, response = buy(client, store, "100.01", "dummy")

    assert response.status_code == 200
    assert "El pago fue rechazado" in response.content.decode()
    assert Order.objects.get().status == "cancelled"
    assert Payment.objects.get().state == "failed"
    assert StockRecord.objects.get(product=product).num_allocated == 0
    assert mail.outbox == []

    client.post(reverse("checkout:payment-method"), {"method": "cash_on_delivery"})
    retry = order_place(client, client.get(reverse("checkout:preview")))

    assert retry.status_code == 302
    first, second = Order.objects.order_by("pk")
    assert second.number == f"{first.number}B"
    assert second.status == "placed"
    assert StockRecord.objects.get(product=product).num_allocated == 1


def test_a_payment_taken_at_once_places_the_parts_and_tells_the_vendor(
    client, store, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _product, response = buy(client, store, "100.00", "dummy")

    assert response.status_code == 302
    payment = Payment.objects.get()
    assert payment.state == "captured"
    assert VendorOrder.objects.get().status == "placed"
    assert sum(store[0].email in message.to for message in mail.outbox) == 1


def test_a_bank_transfer_waits_for_the_money_with_instructions(
    client, store, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product, response = buy(client, store, "100.00", "bank_transfer")
    thank_you = client.get(response["Location"]).content.decode()

    payment = Payment.objects.get()
    assert payment.state == "pending"
    assert f"ENC-{payment.order.number}" in thank_you
    assert VendorOrder.objects.get().status == "pending_payment"
    assert StockRecord.objects.get(product=product).num_allocated == 1
    assert not any(store[0].email in message.to for message in mail.outbox)


def test_an_unavailable_gateway_leaves_no_order(client, store):
    _product, response = buy(client, store, "100.03", "dummy")

    assert response.status_code == 200
    assert "no respondió" in response.content.decode()
    assert Order.objects.get().status == "cancelled"
    assert not VendorOrder.objects.exclude(status="cancelled").exists()


def test_the_buyer_sends_the_transfer_number_and_the_operator_sees_it(
    client, store, django_capture_on_commit_callbacks
):
    from tests.factories import UserFactory

    with django_capture_on_commit_callbacks(execute=True):
        _product, response = buy(client, store, "100.00", "bank_transfer")
    payment = Payment.objects.get()
    url = reverse("payment_pages:transfer-reference", kwargs={"reference": payment.reference})

    sent = client.post(url, {"buyer_reference": "  BM 2026-77  31 "}, follow=True)
    stranger = Client().post(url, {"buyer_reference": "otro"})
    too_long = client.post(url, {"buyer_reference": "9" * 65}, follow=True)

    payment.refresh_from_db()
    assert payment.buyer_reference == "BM 2026-77 31"
    assert "confirmaremos su transferencia" in sent.content.decode()
    assert stranger.status_code == 404
    assert "hasta 64" in too_long.content.decode()
    operator = Client()
    operator.force_login(UserFactory(is_staff=True, is_superuser=True))
    listing = operator.get(reverse("payments_dashboard:bank-transfers")).content.decode()
    assert "BM 2026-77 31" in listing


def test_only_a_payment_confirmed_by_hand_takes_a_transfer_number(
    client, store, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _product, _response = buy(client, store, "100.00", "cash_on_delivery")
    payment = Payment.objects.get()
    url = reverse("payment_pages:transfer-reference", kwargs={"reference": payment.reference})

    response = client.post(url, {"buyer_reference": "BM 1"})

    payment.refresh_from_db()
    assert response.status_code == 404
    assert payment.buyer_reference == ""
