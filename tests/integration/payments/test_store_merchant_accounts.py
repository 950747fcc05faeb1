"""Where the money lands: the platform's business account (the vendor ledgers split it)
or, with PAYMENT_FUNDS_TO = "store", a single store's own account at a gateway with
merchant accounts; the ledger then records that the platform never held it."""

from decimal import Decimal

import pytest

from payments.models import Payment
from payments.registry import gateway_get
from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create
from tests.fakes import enzona_server
from tests.fakes.fixtures import fake_reset, payer_confirms
from vendors.ledger.entries import vendor_balance
from vendors.models import MerchantAccountStatus, VendorMerchantAccount

pytestmark = pytest.mark.django_db

ENZONA = "enzona"


@pytest.fixture
def enzona(settings, enzona_url):
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        ENZONA: {
            "BACKEND": "payments.gateways.enzona.adapter.EnzonaGateway",
            "OPTIONS": enzona_server.options(fake_reset(enzona_url), merchant_uuid="platform-1"),
        },
    }
    return enzona_url


@pytest.fixture
def stores():
    (coffee_store, coffee), (honey_store, honey) = stores_create(stock=5)
    VendorMerchantAccount.objects.create(
        vendor=coffee_store.vendor,
        gateway=ENZONA,
        merchant_id="cafe-serrano-77",
        status=MerchantAccountStatus.APPROVED,
    )
    return coffee_store.vendor, coffee, honey


def pay(payment):
    """The payer pays on EnZona and EnZona's answer is read (as its callback makes us)."""
    from payments.services import payment_sync

    gateway = gateway_get(payment.gateway)
    payer_confirms(gateway.payment_link(gateway_reference=payment.gateway_reference).url)
    payment_sync(payment_id=payment.pk)
    payment.refresh_from_db()


def merchant_at_gateway(enzona_url, payment) -> str:
    import json
    import urllib.request

    gateway = gateway_get(ENZONA)
    request = urllib.request.Request(
        enzona_url + f"/payment/v1.0.0/payments/{payment.gateway_reference}",
        headers={"Authorization": f"Bearer {gateway._access_token()}"},
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.load(answer)["merchant_uuid"]


def test_by_default_the_money_lands_in_the_platforms_account(enzona, stores):
    vendor, coffee, _honey = stores
    payment = Payment.objects.get(
        order=purchase_place_for(UserFactory(), [(coffee, 1)], gateway=ENZONA)
    )

    pay(payment)

    assert payment.merchant_id == ""
    assert merchant_at_gateway(enzona, payment) == "platform-1"
    # The platform holds the sale (300 + 200 delivery) and owes it, less 8 % commission on
    # the goods (delivery carries none).
    assert vendor_balance(vendor=vendor) == Decimal("476.00")


def test_a_single_store_purchase_may_land_in_the_stores_own_account(enzona, stores, settings):
    settings.PAYMENT_FUNDS_TO = "store"
    vendor, coffee, _honey = stores
    payment = Payment.objects.get(
        order=purchase_place_for(UserFactory(), [(coffee, 1)], gateway=ENZONA)
    )

    pay(payment)

    assert payment.state == "captured"
    assert payment.merchant_id == "cafe-serrano-77"
    assert merchant_at_gateway(enzona, payment) == "cafe-serrano-77"
    # The store holds the money: it owes the platform its commission.
    assert vendor_balance(vendor=vendor) == Decimal("-24.00")


def test_a_merchant_id_no_operator_approved_leaves_the_money_with_the_platform(
    enzona, stores, settings
):
    settings.PAYMENT_FUNDS_TO = "store"
    vendor, coffee, _honey = stores
    VendorMerchantAccount.objects.filter(vendor=vendor).update(status=MerchantAccountStatus.PENDING)

    order = purchase_place_for(UserFactory(), [(coffee, 1)], gateway=ENZONA)

    assert Payment.objects.get(order=order).merchant_id == ""


def test_a_purchase_from_two_stores_always_lands_in_the_platforms_account(enzona, stores, settings):
    settings.PAYMENT_FUNDS_TO = "store"
    _vendor, coffee, honey = stores
    order = purchase_place_for(UserFactory(), [(coffee, 1), (honey, 1)], gateway=ENZONA)

    assert Payment.objects.get(order=order).merchant_id == ""


def test_the_owner_gives_the_stores_merchant_id_on_its_account_page(client, enzona, stores):
    from django.urls import reverse

    from tests.factories.callcenter import owner_of

    vendor, _coffee, _honey = stores
    VendorMerchantAccount.objects.all().delete()
    client.force_login(owner_of(vendor.partner))
    url = reverse("vendor_dashboard:merchant-accounts", kwargs={"vendor_slug": vendor.slug})

    assert "EnZona" in client.get(url).content.decode()
    bad = client.post(url, {"gateway": ENZONA, "merchant_id": "café serrano!"})
    unknown = client.post(url, {"gateway": "nowhere", "merchant_id": "x"})
    saved = client.post(url, {"gateway": ENZONA, "merchant_id": "cafe-serrano-77"})

    assert bad.status_code == unknown.status_code == 400
    assert "Un identificador de comercio tiene" in bad.content.decode()
    assert saved.status_code == 302
    assert list(VendorMerchantAccount.objects.values_list("gateway", "merchant_id", "status")) == [
        (ENZONA, "cafe-serrano-77", "pending")
    ]
    assert "cafe-serrano-77" in client.get(url).content.decode()
    assert "Esperando revisión" in client.get(url).content.decode()
    client.post(url, {"gateway": ENZONA, "merchant_id": ""})
    assert not VendorMerchantAccount.objects.exists()
