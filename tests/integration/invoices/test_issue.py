import hashlib
from decimal import Decimal

import pytest
from django.utils import timezone

from shop.invoices.models import (
    CreditNote,
    DocumentKind,
    Invoice,
    InvoiceSeries,
    InvoiceSettings,
    RenderState,
)
from shop.invoices.services import invoice_issue


@pytest.mark.django_db
def test_issue_numbers_snapshots_and_renders(paid_vendor_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=paid_vendor_order)

    invoice.refresh_from_db()
    year = timezone.localtime(invoice.issued_at).year
    vendor = paid_vendor_order.vendor
    assert (invoice.series, invoice.year, invoice.number) == (f"F{year}", year, 1)
    assert invoice.display_number == f"F{year}-000001"
    assert invoice.issuer == vendor
    snapshot = invoice.snapshot
    assert snapshot["issuer"]["legal_name"] == vendor.legal_name
    assert snapshot["issuer"]["nit"] == vendor.nit
    assert snapshot["issuer"]["actor_type"] == vendor.actor_type
    assert snapshot["lines"] == [
        {
            "title": "Cake de guayaba",
            "sku": snapshot["lines"][0]["sku"],
            "quantity": 2,
            "unit_price": "615.25",
            "total": "1230.50",
        }
    ]
    assert snapshot["total"] == "1230.50" and snapshot["currency"] == "CUP"
    assert snapshot["tax_percent"] == "0.00" and snapshot["tax"] == "0.00"
    assert snapshot["total_in_words"] == "mil doscientos treinta pesos con 50/100 CUP"
    assert invoice.render_state == RenderState.RENDERED
    pdf = invoice.pdf.read()
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == invoice.sha256
    assert InvoiceSeries.objects.get(vendor=vendor, kind=DocumentKind.INVOICE).last_number == 1


@pytest.mark.django_db
def test_issuing_twice_is_one_invoice(paid_vendor_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = invoice_issue(vendor_order=paid_vendor_order)
        second = invoice_issue(vendor_order=paid_vendor_order)

    assert first.pk == second.pk
    assert Invoice.objects.count() == 1
    assert InvoiceSeries.objects.get().last_number == 1


@pytest.mark.django_db
def test_the_vendor_prefix_and_tax_rate_apply(paid_vendor_order):
    InvoiceSettings.objects.create(
        vendor=paid_vendor_order.vendor, invoice_prefix="DLH", tax_percent=Decimal("10.00")
    )

    invoice = invoice_issue(vendor_order=paid_vendor_order)

    assert invoice.series.startswith("DLH") and invoice.number == 1
    assert invoice.snapshot["tax_base"] == "1118.64"
    assert invoice.snapshot["tax"] == "111.86"
    assert invoice.snapshot["total"] == "1230.50"


@pytest.mark.django_db
def test_an_issued_invoice_is_never_saved_again(paid_vendor_order):
    invoice = invoice_issue(vendor_order=paid_vendor_order)
    invoice.snapshot = {"total": "1.00"}

    with pytest.raises(ValueError):
        invoice.save()

    assert Invoice.objects.get().snapshot["total"] == "1230.50"
    assert CreditNote.objects.count() == 0
