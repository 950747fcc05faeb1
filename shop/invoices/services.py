"""Issuing invoices: a gapless number from the locked series counter, a snapshot of
everything printed, and the PDF rendered after commit."""

import secrets
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import django.dispatch
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from payments.models import Payment
from shop.apps.order.measures import line_measure
from shop.invoices.models import (
    BillingDetails,
    CreditNote,
    DocumentKind,
    Invoice,
    InvoiceSeries,
    InvoiceSettings,
    RenderState,
)
from shop.invoices.taxes import tax_of
from shop.invoices.words import amount_in_words
from shop.mail.services import operators_mail
from vendors.models import Vendor, VendorOrder

Order = get_model("order", "Order")

CENT = Decimal("0.01")

# Sent while an invoice's snapshot is made, with `vendor_order` and `issued_at`; each
# receiver returns a dict of what else the invoice prints (a part bought on account
# returns its due date, shop/companies), merged into the snapshot.
invoice_snapshot_extend = django.dispatch.Signal()


def invoice_settings(*, vendor: Vendor) -> InvoiceSettings:
    """The vendor's settings, or unsaved defaults (never created here: issuing must not
    race on creating them)."""
    return InvoiceSettings.objects.filter(vendor=vendor).first() or InvoiceSettings(vendor=vendor)


def series_number_take(*, vendor: Vendor, kind: str, prefix: str, year: int) -> int:
    """The next number of the series, taken with its counter row locked: concurrent
    issuers wait for each other, and a rolled-back issue gives its number back."""
    InvoiceSeries.objects.bulk_create(
        [InvoiceSeries(vendor=vendor, kind=kind, prefix=prefix, year=year)], ignore_conflicts=True
    )
    series = InvoiceSeries.objects.select_for_update().get(
        vendor=vendor, kind=kind, prefix=prefix, year=year
    )
    InvoiceSeries.objects.filter(pk=series.pk).update(last_number=F("last_number") + 1)
    return InvoiceSeries.objects.values_list("last_number", flat=True).get(pk=series.pk)


def verification_code_new() -> str:
    return secrets.token_urlsafe(16)


def _money(value: Decimal) -> str:
    return str(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


def billing_details_record(
    *, order, language: str, company_name: str = "", company_nit: str = ""
) -> BillingDetails:
    """Whom the purchase's invoices are made out to, recorded with the purchase."""
    return BillingDetails.objects.create(
        order=order,
        language=(language or "es")[:8],
        company_name=company_name,
        company_nit=company_nit,
    )


def invoice_language(order) -> str:
    """English for a buyer who checked out in English; Spanish otherwise."""
    billing = BillingDetails.objects.filter(order=order).first()
    return "en" if billing and billing.language.startswith("en") else "es"


def _issuer_snapshot(vendor: Vendor, language: str) -> dict:
    with translation.override(language):
        actor_type = str(vendor.get_actor_type_display())
    return {
        "legal_name": vendor.legal_name,
        "trade_name": vendor.trade_name,
        "actor_type": vendor.actor_type,
        "actor_type_label": actor_type,
        "nit": vendor.nit,
        "address": vendor.address,
        "municipality": vendor.municipality.name,
        "province": vendor.province.name,
    }


def _recipient_snapshot(order) -> dict:
    address = order.shipping_address
    name = ""
    lines: list[str] = []
    if address is not None:
        name = address.name
        lines = [
            part
            for part in (address.line1, address.line2, address.line3, address.line4, address.state)
            if part
        ]
    if not name and order.user_id:
        name = order.user.get_full_name() or order.user.email
    billing = BillingDetails.objects.filter(order=order).first()
    return {
        "name": name or order.email,
        "address": ", ".join(lines),
        "company_name": billing.company_name if billing else "",
        "company_nit": billing.company_nit if billing else "",
    }


def _payment_method(order, language: str) -> str:
    payment = Payment.objects.filter(order=order).first()
    if payment is None:
        return ""
    with translation.override(language):
        return payment.gateway_label


def invoice_snapshot(
    *,
    vendor_order: VendorOrder,
    series: str,
    number: int,
    issued_at,
    verification_code: str,
    choices: InvoiceSettings,
    language: str = "es",
) -> dict:
    """Everything the invoice prints, fixed at issue: re-rendering it years later prints
    the same invoice whatever changed since."""
    order = vendor_order.order
    lines = [
        _line_snapshot(line)
        for line in vendor_order.lines.order_by("pk").prefetch_related("attributes")
    ]
    goods = sum((Decimal(line["total"]) for line in lines), Decimal("0"))
    delivery = Decimal(vendor_order.delivery_charge or 0)
    tax_percent = choices.tax_percent
    total = goods + delivery
    base = total - tax_of(amount=total, percent=tax_percent)
    return {
        "number": f"{series}-{number:06d}",
        "series": series,
        "sequence": number,
        "issued_at": issued_at.isoformat(),
        "issued_on": timezone.localtime(issued_at).date().isoformat(),
        "verification_code": verification_code,
        "order_number": order.number,
        "vendor_order_number": vendor_order.number,
        "issuer": _issuer_snapshot(vendor_order.vendor, language),
        "recipient": _recipient_snapshot(order),
        "lines": lines,
        "delivery_name": vendor_order.delivery_name,
        "delivery_charge": _money(delivery),
        "goods": _money(goods),
        "tax_percent": _money(tax_percent),
        "tax_base": _money(base),
        "tax": _money(total - base),
        "total": _money(total),
        "currency": order.currency,
        "total_in_words": amount_in_words(total, order.currency),
        "payment_method": _payment_method(order, language),
        "paper_size": choices.paper_size,
    } | _snapshot_extras(vendor_order=vendor_order, issued_at=issued_at)


def _line_snapshot(line) -> dict:
    """One line as printed; a line bought by measure prints its quantity, unit and price
    per unit ("2.5" t at 1200.00) instead of one lot at the lot's price."""
    printed = {
        "title": line.title,
        "sku": line.partner_sku,
        "quantity": line.quantity,
        "unit_price": _money(line.unit_price_incl_tax),
        "total": _money(line.line_price_incl_tax),
    }
    measure = line_measure(line)
    if measure is not None:
        printed |= {
            "quantity": str(measure.quantity.normalize()),
            "unit": measure.unit,
            "unit_price": _money(measure.unit_price),
        }
    return printed


def _snapshot_extras(*, vendor_order: VendorOrder, issued_at) -> dict:
    extras: dict = {}
    for _receiver, extra in invoice_snapshot_extend.send(
        sender=Invoice, vendor_order=vendor_order, issued_at=issued_at
    ):
        extras.update(extra or {})
    return extras


@transaction.atomic
def invoice_issue(*, vendor_order: VendorOrder) -> Invoice:
    """The invoice of `vendor_order`, issued now if it has none (one per vendor order,
    however often this is called). Its PDF is rendered after commit."""
    # The part's row lock serialises two issuers of the same part.
    vendor_order = (
        VendorOrder.objects.select_for_update(of=("self",))
        .select_related("order", "vendor__municipality", "vendor__province")
        .get(pk=vendor_order.pk)
    )
    existing = Invoice.objects.filter(vendor_order=vendor_order).first()
    if existing is not None:
        return existing
    vendor = vendor_order.vendor
    choices = invoice_settings(vendor=vendor)
    issued_at = timezone.now()
    year = timezone.localtime(issued_at).year
    prefix = choices.invoice_prefix
    number = series_number_take(vendor=vendor, kind=DocumentKind.INVOICE, prefix=prefix, year=year)
    series = f"{prefix}{year}"
    code = verification_code_new()
    language = invoice_language(vendor_order.order)
    invoice = Invoice.objects.create(
        vendor_order=vendor_order,
        issuer=vendor,
        series=series,
        year=year,
        number=number,
        issued_at=issued_at,
        verification_code=code,
        language=language,
        snapshot=invoice_snapshot(
            vendor_order=vendor_order,
            series=series,
            number=number,
            issued_at=issued_at,
            verification_code=code,
            choices=choices,
            language=language,
        ),
    )
    from shop.invoices.tasks import invoice_render

    invoice_render.delay_on_commit(invoice.pk)
    return invoice


def invoice_issue_on_commit(*, vendor_order_id: int) -> None:
    """Issue the part's invoice once the payment that made it due is committed, in its
    own transaction: a failure to invoice never undoes a payment."""
    from shop.invoices.tasks import invoice_issue_task

    invoice_issue_task.delay_on_commit(vendor_order_id)


@transaction.atomic
def credit_note_issue(
    *, vendor_order: VendorOrder, amount: Decimal, key: str, reason: str = ""
) -> CreditNote:
    """A credit note for `amount` of the part's invoice (issued first if it is still on
    its way), in the vendor's credit-note series. `key` names the refund: the same key
    is one credit note however often it is sent."""
    existing = CreditNote.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    invoice = invoice_issue(vendor_order=vendor_order)
    # invoice_issue locked the part: a concurrent credit note for it waits here.
    existing = CreditNote.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    vendor = invoice.issuer
    issued_at = timezone.now()
    year = timezone.localtime(issued_at).year
    prefix = invoice_settings(vendor=vendor).credit_note_prefix
    number = series_number_take(
        vendor=vendor, kind=DocumentKind.CREDIT_NOTE, prefix=prefix, year=year
    )
    series = f"{prefix}{year}"
    code = verification_code_new()
    currency = invoice.snapshot["currency"]
    snapshot = {
        "number": f"{series}-{number:06d}",
        "series": series,
        "sequence": number,
        "issued_at": issued_at.isoformat(),
        "issued_on": timezone.localtime(issued_at).date().isoformat(),
        "verification_code": code,
        "invoice_number": invoice.display_number,
        "invoice_issued_on": invoice.snapshot["issued_on"],
        "vendor_order_number": invoice.snapshot["vendor_order_number"],
        "issuer": invoice.snapshot["issuer"],
        "recipient": invoice.snapshot["recipient"],
        "reason": reason,
        "total": _money(amount),
        "currency": currency,
        "total_in_words": amount_in_words(amount, currency),
        "paper_size": invoice.snapshot.get("paper_size", "a4"),
    }
    credit_note = CreditNote.objects.create(
        invoice=invoice,
        issuer=vendor,
        series=series,
        year=year,
        number=number,
        issued_at=issued_at,
        verification_code=code,
        idempotency_key=key[:200],
        language=invoice.language,
        snapshot=snapshot,
    )
    from shop.invoices.tasks import credit_note_render

    credit_note_render.delay_on_commit(credit_note.pk)
    return credit_note


def credit_note_issue_on_commit(
    *, vendor_order_id: int, amount: Decimal, key: str, reason: str = ""
) -> None:
    """After the refund commits, its credit note (and the invoice, if still missing)."""
    from shop.invoices.tasks import credit_note_issue_task

    credit_note_issue_task.delay_on_commit(vendor_order_id, str(amount), key, reason)


def document_rendered_record(*, document: Invoice | CreditNote, name: str, sha256: str) -> None:
    type(document).objects.filter(pk=document.pk).update(
        pdf=name, sha256=sha256, render_state=RenderState.RENDERED, render_error=""
    )


def render_failure_report(*, document: Invoice | CreditNote) -> int:
    """Tell the operators a document's PDF could not be made. Its number stays taken;
    the document is downloadable once a later render succeeds."""
    with translation.override("es"):
        return operators_mail(
            subject=_("A PDF could not be rendered: %(number)s")
            % {"number": document.display_number},
            body=_(
                "%(kind)s %(number)s of %(issuer)s could not be rendered:\n%(error)s\n"
                "It keeps its number and is rendered again every hour."
            )
            % {
                "kind": document._meta.verbose_name,
                "number": document.display_number,
                "issuer": document.issuer.trade_name,
                "error": document.render_error,
            },
        )


def documents_to_render(*, limit: int = 200) -> list:
    """Documents whose PDF failed, or is still missing ten minutes after issue."""
    stale = timezone.now() - timedelta(minutes=10)
    pending = Q(render_state=RenderState.FAILED) | Q(
        render_state=RenderState.PENDING, issued_at__lt=stale
    )
    return [
        *Invoice.objects.filter(pending).order_by("pk")[:limit],
        *CreditNote.objects.filter(pending).order_by("pk")[:limit],
    ]
