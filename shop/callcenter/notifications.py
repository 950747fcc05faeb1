"""E-mails (and texts) for what agents did: the customer and the stores concerned hear
of each change once, after it committed, in a Celery task that takes the audit
entry's id."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from payments.models import Payment
from payments.selectors import PaymentStep, payment_how_to_pay
from shop.callcenter.links import payment_link_url
from shop.callcenter.models import AuditAction, AuditEntry, AuditNotice
from shop.core.links import absolute_url
from shop.invoices.models import Invoice, RenderState
from shop.mail.services import templated_email_send
from shop.sms import sms_send
from vendors.actors.selectors import vendor_mail_recipients
from vendors.models import VendorOrder
from vendors.orders.notifications import purchase_confirmation_send

Order = get_model("order", "Order")
Line = get_model("order", "Line")


def audit_notify_on_commit(*, entry_id: int) -> None:
    from shop.callcenter.tasks import audit_notify_task

    audit_notify_task.delay_on_commit(entry_id)


def audit_notify(*, entry_id: int) -> bool:
    """Send what `entry` owes its people; False, and nothing sent, if already done."""
    entry = AuditEntry.objects.get(pk=entry_id)
    with transaction.atomic():
        try:
            with transaction.atomic():
                AuditNotice.objects.create(entry=entry)
        except IntegrityError:
            return False
        with translation.override(settings.LANGUAGE_CODE):
            _send(entry)
    return True


def _send(entry: AuditEntry) -> None:
    if entry.action == AuditAction.CONFIRMATION_RESENT:
        purchase_confirmation_send(order_id=int(entry.object_id))
    elif entry.action == AuditAction.INVOICE_RESENT:
        _invoice_send(invoice_id=int(entry.object_id))
    elif entry.action in (AuditAction.PAYMENT_LINK_SENT, AuditAction.ORDER_PLACED):
        _payment_request_send(entry)
    else:
        _change_send(entry)


def _change_send(entry: AuditEntry) -> None:
    order, vendor_orders = _concerned(entry)
    context = {
        "order": order,
        "summary": entry.after.get("summary", ""),
        "reason": entry.reason,
        "site_name": settings.OSCAR_SHOP_NAME,
    }
    if order.email:
        _mail("purchase_changed_buyer", context, [order.email])
    for vendor_order in vendor_orders:
        vendor = vendor_order.vendor
        recipients = vendor_mail_recipients(vendor=vendor)
        path = reverse(
            "vendor_dashboard:order-detail",
            kwargs={"vendor_slug": vendor.slug, "number": vendor_order.number},
        )
        _mail(
            "purchase_changed_vendor",
            {**context, "vendor_order": vendor_order, "order_url": absolute_url(path)},
            recipients,
        )


def _concerned(entry: AuditEntry) -> tuple:
    """The purchase an entry is about and the vendor parts whose stores must know."""
    if entry.object_type == "vendors.vendororder":
        vendor_order = VendorOrder.objects.select_related("order", "vendor").get(pk=entry.object_id)
        return vendor_order.order, [vendor_order]
    if entry.object_type == "order.line":
        line = Line.objects.select_related("order").get(pk=entry.object_id)
        return line.order, list(
            VendorOrder.objects.select_related("vendor").filter(
                order=line.order, vendor__partner_id=line.partner_id
            )
        )
    order = Order.objects.get(pk=entry.object_id)
    return order, list(
        order.vendor_orders.select_related("vendor").exclude(status__in=("cancelled", "rejected"))
    )


def _invoice_send(*, invoice_id: int) -> None:
    invoice = Invoice.objects.select_related("vendor_order__order").get(pk=invoice_id)
    order = invoice.vendor_order.order
    url = absolute_url(reverse("invoices:pdf", kwargs={"pk": invoice.pk}))
    attachments = []
    if invoice.render_state == RenderState.RENDERED and invoice.pdf:
        with invoice.pdf.open("rb") as pdf:
            attachments.append((f"{invoice.display_number}.pdf", pdf.read(), "application/pdf"))
    _mail(
        "invoice",
        {"invoice": invoice, "order": order, "url": url, "site_name": settings.OSCAR_SHOP_NAME},
        [order.email],
        attachments=attachments,
    )


def _payment_request_send(entry: AuditEntry) -> None:
    payment = Payment.objects.select_related("order").get(
        reference=entry.after.get("payment") or entry.object_repr
    )
    how = payment_how_to_pay(payment=payment)
    if how.step not in (PaymentStep.TRANSFER, PaymentStep.ONLINE):
        return  # paid at the door, already paid, or called off: nothing to ask for
    order = payment.order
    link = payment_link_url(reference=payment.reference) if how.step == PaymentStep.ONLINE else ""
    context = {
        "order": order,
        "payment": payment,
        "how": how,
        "link": link,
        "site_name": settings.OSCAR_SHOP_NAME,
    }
    if order.email:
        _mail("payment_request", context, [order.email])
    phone = entry.after.get("phone", "")
    if phone:
        sms_send(
            to=phone,
            body=render_to_string("callcenter/emails/payment_request_sms.txt", context).strip(),
        )


def _mail(name: str, context: dict, recipients: list[str], attachments=()) -> None:
    templated_email_send(
        template=f"callcenter/emails/{name}",
        context=context,
        recipients=recipients,
        html=False,
        attachments=attachments,
    )
