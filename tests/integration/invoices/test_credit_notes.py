from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from payments.ledger import payment_outcome_record
from payments.models import Payment
from shop.invoices.files import verification_url
from shop.invoices.models import CreditNote, Invoice, RenderState
from shop.invoices.services import credit_note_issue, invoice_issue
from vendors.ledger.entries import vendor_sale_record
from vendors.orders.actions import vendor_part_refund


def paid(vendor_order) -> Payment:
    order = vendor_order.order
    payment = Payment.objects.create(
        reference=order.number,
        order=order,
        gateway="dummy",
        amount=order.total_incl_tax,
        currency="CUP",
        gateway_reference="dummy_cn_123050",
    )
    payment_outcome_record(
        payment_id=payment.pk,
        kind="charge",
        phase="success",
        amount=payment.amount,
        gateway_reference=payment.gateway_reference,
    )
    vendor_sale_record(vendor_order=vendor_order)
    return payment


@pytest.mark.django_db
def test_a_refund_after_invoicing_issues_one_credit_note(
    paid_vendor_order, django_capture_on_commit_callbacks
):
    paid(paid_vendor_order)
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=paid_vendor_order)

    with django_capture_on_commit_callbacks(execute=True):
        vendor_part_refund(
            vendor_order=paid_vendor_order,
            amount=Decimal("30.50"),
            key="k1",
            reason="Llegó abollado",
        )
    with django_capture_on_commit_callbacks(execute=True):
        vendor_part_refund(vendor_order=paid_vendor_order, amount=Decimal("30.50"), key="k1")

    credit_note = CreditNote.objects.get()
    year = timezone.localtime(credit_note.issued_at).year
    assert credit_note.invoice == invoice
    assert credit_note.display_number == f"NC{year}-000001"
    assert credit_note.snapshot["total"] == "30.50"
    assert credit_note.snapshot["invoice_number"] == invoice.display_number
    assert credit_note.snapshot["reason"] == "Llegó abollado"
    assert credit_note.snapshot["total_in_words"] == "treinta pesos con 50/100 CUP"
    assert credit_note.render_state == RenderState.RENDERED
    assert credit_note.pdf.read().startswith(b"%PDF")
    # the invoice itself is untouched
    invoice_row = Invoice.objects.get()
    assert (invoice_row.number, invoice_row.snapshot["total"]) == (1, "1230.50")


@pytest.mark.django_db
def test_credit_notes_have_their_own_series_and_are_never_edited(paid_vendor_order):
    invoice = invoice_issue(vendor_order=paid_vendor_order)
    first = credit_note_issue(vendor_order=paid_vendor_order, amount=Decimal("10"), key="a")
    second = credit_note_issue(vendor_order=paid_vendor_order, amount=Decimal("5"), key="b")
    again = credit_note_issue(vendor_order=paid_vendor_order, amount=Decimal("10"), key="a")

    assert [first.number, second.number] == [1, 2] and again.pk == first.pk
    assert invoice.number == 1 and first.series.startswith("NC")
    first.snapshot = {"total": "0.00"}
    with pytest.raises(ValueError):
        first.save()
    assert CreditNote.objects.get(pk=first.pk).snapshot["total"] == "10.00"


@pytest.mark.django_db
def test_a_credit_note_before_the_invoice_issues_the_invoice_first(paid_vendor_order):
    credit_note = credit_note_issue(
        vendor_order=paid_vendor_order, amount=Decimal("1"), key="early"
    )

    assert credit_note.invoice == Invoice.objects.get(vendor_order=paid_vendor_order)


@pytest.mark.django_db
def test_the_verification_page_confirms_credit_notes(paid_vendor_order, client):
    credit_note = credit_note_issue(vendor_order=paid_vendor_order, amount=Decimal("7"), key="v")

    url = verification_url(credit_note.verification_code)

    response = client.get(urlsplit(url).path)

    assert urlsplit(url).path == f"/facturas/verificar/{credit_note.verification_code}/"
    assert response.status_code == 200
    html = response.content.decode()
    assert credit_note.display_number in html and credit_note.invoice.display_number in html
    assert "7,00 CUP" in html and "7.00" not in html
