"""The owner sets the series prefixes, the tax rate and the paper size of its invoices."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from shop.invoices.models import InvoiceSettings
from shop.invoices.services import invoice_issue
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.models import MembershipRole


@pytest.fixture
def owner_client(client, db):
    partner = PartnerFactory(name="Dulcería La Habana")
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)
    return client, partner


def settings_url(vendor) -> str:
    return reverse("vendor_dashboard:invoice-settings", kwargs={"vendor_slug": vendor.slug})


def test_the_owner_sets_a_prefix_and_the_next_invoice_uses_it(owner_client):
    client, partner = owner_client
    assert client.get(settings_url(partner.vendor)).status_code == 200

    response = client.post(
        settings_url(partner.vendor),
        {
            "invoice_prefix": "DLH",
            "credit_note_prefix": "DLHNC",
            "tax_percent": "10",
            "paper_size": "letter",
        },
    )

    assert response.status_code == 302
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price="110.00")
    invoice = invoice_issue(vendor_order=purchase({partner: [(product, 1)]}).vendor_orders.get())
    year = timezone.localtime(invoice.issued_at).year
    assert invoice.display_number == f"DLH{year}-000001"
    assert (invoice.snapshot["tax"], invoice.snapshot["paper_size"]) == ("10.00", "letter")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (
            {"invoice_prefix": "f-1", "credit_note_prefix": "NC", "tax_percent": "0"},
            "invoice_prefix",
        ),
        (
            {"invoice_prefix": "F", "credit_note_prefix": "F", "tax_percent": "0"},
            "credit_note_prefix",
        ),
        ({"invoice_prefix": "F", "credit_note_prefix": "NC", "tax_percent": "150"}, "tax_percent"),
        ({"invoice_prefix": "F", "credit_note_prefix": "NC", "tax_percent": "abc"}, "tax_percent"),
    ],
)
def test_bad_settings_are_refused_with_a_message_and_nothing_saved(owner_client, data, field):
    client, partner = owner_client
    InvoiceSettings.objects.create(
        vendor=partner.vendor, invoice_prefix="OK", tax_percent=Decimal("5")
    )

    response = client.post(settings_url(partner.vendor), {"paper_size": "a4", **data})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    saved = InvoiceSettings.objects.get(vendor=partner.vendor)
    assert (saved.invoice_prefix, saved.tax_percent) == ("OK", Decimal("5.00"))
