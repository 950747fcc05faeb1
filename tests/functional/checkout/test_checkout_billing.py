"""Buying as a company, and in English: the invoices say so."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from shop.invoices.models import BillingDetails, Invoice
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.delivery import PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from tests.integration.invoices.test_rendering import pdf_text

COMPANY = {
    "as_company": "on",
    "company_name": "Cooperativa Los Pinos",
    "company_nit": "12345678901",
}


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture
def store(db):
    partner = PartnerFactory(name="Miel del Valle")
    point = PickupPointFactory(vendor=partner.vendor)
    product = ProductFactory(
        title="Miel de abejas",
        stockrecord__partner=partner,
        stockrecord__price=Decimal("350.00"),
        stockrecord__num_in_stock=5,
    )
    return partner.vendor, f"pickup-{point.pk}", product


def buy(client, store, *, billing=None, capture=None):
    vendor, pickup, product = store
    basket_add(client, product, 2)
    review = checkout_to_review(client, {vendor: pickup}, payment="dummy", billing=billing)
    with capture(execute=True):
        response = order_place(client, review)
    assert response.status_code == 302, response.content.decode()[:2000]
    return review


def test_a_company_purchase_is_invoiced_to_the_company(
    client, store, django_capture_on_commit_callbacks
):
    review = buy(client, store, billing=COMPANY, capture=django_capture_on_commit_callbacks)

    assert "Cooperativa Los Pinos" in review.content.decode()
    billing = BillingDetails.objects.get()
    assert (billing.company_name, billing.company_nit, billing.language) == (
        "Cooperativa Los Pinos",
        "12345678901",
        "es",
    )
    invoice = Invoice.objects.get()
    assert invoice.snapshot["recipient"]["company_name"] == "Cooperativa Los Pinos"
    assert invoice.snapshot["recipient"]["company_nit"] == "12345678901"
    text = pdf_text(invoice.pdf.read())
    assert "Cooperativa Los Pinos" in text and "12345678901" in text
    assert "Factura" in text and "700,00 CUP" in text and "700.00" not in text


def test_a_buyer_checking_out_in_english_gets_an_english_invoice(
    client, store, django_capture_on_commit_callbacks
):
    with translation.override("en"):  # the /en/ pages
        buy(client, store, capture=django_capture_on_commit_callbacks)

    invoice = Invoice.objects.get()
    assert invoice.language == "en"
    text = pdf_text(invoice.pdf.read())
    assert "Invoice" in text and "CUSTOMER" in text and "Factura" not in text
    # the amount in words stays in Spanish, as the law asks
    assert "setecientos pesos" in text


@pytest.mark.parametrize(
    ("company", "field"),
    [
        ({"as_company": "on", "company_name": "", "company_nit": "12345678901"}, "company_name"),
        (
            {"as_company": "on", "company_name": "Los Pinos", "company_nit": "123-456"},
            "company_nit",
        ),
    ],
)
def test_a_company_without_name_or_with_a_bad_nit_is_refused_with_a_message(
    client, store, company, field
):
    vendor, pickup, product = store
    basket_add(client, product, 1)
    with pytest.raises(AssertionError):
        checkout_to_review(client, {vendor: pickup}, payment="dummy", billing=company)

    response = client.post(reverse("checkout:payment-method"), {"method": "dummy", **company})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    with translation.override("es"):
        assert "NIT" in response.content.decode() or "nombre" in response.content.decode()


def test_company_fields_are_ignored_unless_buying_as_a_company(
    client, store, django_capture_on_commit_callbacks
):
    buy(
        client,
        store,
        billing={"company_name": "Ignorada", "company_nit": "bad"},
        capture=django_capture_on_commit_callbacks,
    )

    assert BillingDetails.objects.get().company_name == ""
    assert Invoice.objects.get().snapshot["recipient"]["company_name"] == ""


def test_the_company_last_bought_as_is_offered_again(
    client, store, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory())
    buy(client, store, billing=COMPANY, capture=django_capture_on_commit_callbacks)
    vendor, pickup, product = store
    basket_add(client, product, 1)
    checkout_to_review(client, {vendor: pickup}, payment="dummy")

    response = client.get(reverse("checkout:payment-method"))

    form = response.context["form"]
    assert (form.initial["company_name"], form.initial["company_nit"]) == (
        "Cooperativa Los Pinos",
        "12345678901",
    )
