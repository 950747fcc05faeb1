import pytest
from django.utils import timezone

from shop.invoices import tasks
from shop.invoices.models import Invoice, InvoiceSeries
from shop.invoices.services import invoice_issue
from tests.concurrency import run_in_threads
from tests.factories import ProductFactory
from tests.factories.orders import purchase
from vendors.models import VendorOrder

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

INVOICES = 100
# PostgreSQL allows 100 connections: 25 threads, each issuing 4 interleaved invoices,
# keep 25 transactions fighting for the same counter row at every moment.
THREADS = 25


def test_concurrent_issues_number_one_to_hundred_without_gaps(vendor_partner, monkeypatch):
    rendered = []
    monkeypatch.setattr(tasks.invoice_render, "delay_on_commit", rendered.append)
    product = ProductFactory(stockrecord__partner=vendor_partner, stockrecord__num_in_stock=500)
    vendor_order_ids = [
        purchase({vendor_partner: [(product, 1)]}).vendor_orders.get().pk for _ in range(INVOICES)
    ]

    def issue(thread):
        for vendor_order_id in vendor_order_ids[thread::THREADS]:
            invoice_issue(vendor_order=VendorOrder.objects.get(pk=vendor_order_id))

    errors = run_in_threads(THREADS, issue)

    assert errors == []
    year = timezone.localtime(timezone.now()).year
    numbers = sorted(
        Invoice.objects.filter(issuer=vendor_partner.vendor).values_list("number", flat=True)
    )
    assert numbers == list(range(1, INVOICES + 1))
    assert set(Invoice.objects.values_list("series", flat=True)) == {f"F{year}"}
    assert sorted(Invoice.objects.values_list("vendor_order_id", flat=True)) == sorted(
        vendor_order_ids
    )
    assert InvoiceSeries.objects.get(vendor=vendor_partner.vendor).last_number == INVOICES
    assert sorted(rendered) == sorted(Invoice.objects.values_list("pk", flat=True))


def test_concurrent_issues_of_one_part_are_one_invoice(paid_vendor_order, monkeypatch):
    monkeypatch.setattr(tasks.invoice_render, "delay_on_commit", lambda invoice_id: None)

    errors = run_in_threads(10, lambda i: invoice_issue(vendor_order=paid_vendor_order))

    assert errors == []
    assert list(Invoice.objects.values_list("number", flat=True)) == [1]
    assert InvoiceSeries.objects.get().last_number == 1
