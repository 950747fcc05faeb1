"""What an agent does in the console. Each service is one action: it changes what it
must, writes exactly one AuditEntry in the same transaction (before and after as
JSON), and tells whom it concerns once the transaction commits. A refusal raises
ConsoleRefused (a ValidationError) and leaves nothing behind."""

import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from payments.interface import Capability, PaymentState
from payments.models import Payment
from payments.selectors import gateway_can
from shop.callcenter.error_codes import CallcenterErrorCode
from shop.callcenter.exceptions import ConsoleRefused
from shop.callcenter.models import (
    AuditAction,
    AuditEntry,
    Channel,
    CustomerContact,
    CustomerNote,
    LineCancellation,
    PurchaseOrigin,
)
from shop.callcenter.notifications import audit_notify_on_commit
from shop.callcenter.phones import phone_normalise
from shop.core.money import money_format
from shop.invoices.models import Invoice
from vendors.exceptions import RefundRefused
from vendors.models import LINE_CANCELLED, VendorOrder
from vendors.models import VendorOrderStatus as S
from vendors.orders import actions
from vendors.orders.actions import ADDRESS_FIELDS, vendor_part_cancel
from vendors.orders.locks import vendor_order_lock
from vendors.orders.transitions import ActorRole

User = get_user_model()
Order = get_model("order", "Order")
Line = get_model("order", "Line")


def purchase_origin_record(*, order, channel: str = Channel.WEB, agent=None) -> PurchaseOrigin:
    """How `order` arrived (kept for every purchase: shop/callcenter/receivers.py)."""
    return PurchaseOrigin.objects.create(order=order, channel=channel, agent=agent)


def audit_record(
    *,
    agent,
    action: str,
    obj,
    customer=None,
    reason: str = "",
    before: dict | None = None,
    after: dict | None = None,
    notify: bool = False,
    summary: str = "",
) -> AuditEntry:
    """The one audit entry of an action; with `notify`, whom it concerns hear of it
    (once, after commit: shop.callcenter.notifications)."""
    after = {**(after or {}), **({"summary": summary} if summary else {})}
    entry = AuditEntry.objects.create(
        agent=agent,
        customer=customer,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        reason=reason,
        before=before or {},
        after=after,
    )
    if notify:
        audit_notify_on_commit(entry_id=entry.pk)
    return entry


def _reason_required(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ConsoleRefused(
            _("Give a reason: the customer and the store will read it."),
            code=CallcenterErrorCode.REASON_REQUIRED,
        )
    return reason


@transaction.atomic
def customer_create(*, agent, first_name: str, last_name: str, phone: str, email: str = "") -> User:
    """A caller without an account: name and phone (and an e-mail if they have one).
    They can claim the account later by resetting the password with that e-mail."""
    number = phone_normalise(phone)
    if number is None:
        raise ConsoleRefused(
            _("Enter a Cuban phone number, e.g. +53 5 123 4567."), code=CallcenterErrorCode.PHONE
        )
    email = (email or "").strip().lower()
    if email and User.objects.filter(email__iexact=email).exists():
        raise ConsoleRefused(
            _("A customer with this e-mail already exists: search for it."),
            code=CallcenterErrorCode.EMAIL_TAKEN,
        )
    if CustomerContact.objects.filter(phone_number=number).exists():
        raise ConsoleRefused(
            _("A customer with this phone already exists: search for it."),
            code=CallcenterErrorCode.PHONE_TAKEN,
        )
    customer = User(
        username=f"cliente-{uuid.uuid4().hex[:20]}",
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    customer.set_unusable_password()
    customer.save()
    CustomerContact.objects.create(user=customer, phone_number=number)
    audit_record(
        agent=agent,
        action=AuditAction.CUSTOMER_CREATED,
        obj=customer,
        customer=customer,
        after={"name": customer.get_full_name(), "phone": number, "email": email},
    )
    return customer


@transaction.atomic
def note_add(*, agent, customer, text: str, order=None) -> CustomerNote:
    text = (text or "").strip()
    if not text:
        raise ConsoleRefused(_("Write the note."), code=CallcenterErrorCode.EMPTY)
    note = CustomerNote.objects.create(customer=customer, order=order, author=agent, text=text)
    audit_record(
        agent=agent,
        action=AuditAction.NOTE_ADDED,
        obj=note,
        customer=customer,
        after={"text": text, "order": order.number if order else ""},
    )
    return note


def _payment(order_id: int) -> Payment | None:
    return Payment.objects.filter(order_id=order_id).first()


def _part_state(vendor_order: VendorOrder) -> dict:
    return {
        "number": vendor_order.number,
        "status": vendor_order.status,
        "delivery": vendor_order.delivery_name,
        "delivery_charge": vendor_order.delivery_charge,
        "currency": vendor_order.order.currency,
    }


@transaction.atomic
def vendor_order_cancel(*, agent, vendor_order_id: int, reason: str) -> VendorOrder:
    """Cancel one vendor part before it ships, with a reason; a paid part is refunded.
    A purchase still waiting for its payment is cancelled whole."""
    reason = _reason_required(reason)
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
    before = _part_state(vendor_order)
    refunded = vendor_part_cancel(vendor_order_id=vendor_order.pk, actor=agent, reason=reason)
    vendor_order.refresh_from_db()
    audit_record(
        agent=agent,
        action=AuditAction.PART_CANCELLED,
        obj=vendor_order,
        customer=vendor_order.order.user,
        reason=reason,
        before=before,
        after={**_part_state(vendor_order), "refunded": refunded},
        notify=True,
        summary=_("Order %(number)s was cancelled.") % {"number": vendor_order.number},
    )
    return vendor_order


@transaction.atomic
def order_line_cancel(*, agent, line_id: int, reason: str) -> LineCancellation | VendorOrder:
    """Cancel one line of a vendor part that has not shipped: its units go back on
    sale, it is no longer owed at the door, or its amount is refunded through the
    gateway when the money was taken. The last open line cancels the whole part."""
    reason = _reason_required(reason)
    line = Line.objects.select_related("order").get(pk=line_id)
    vendor_order = vendor_order_lock(
        vendor_order_id=VendorOrder.objects.values_list("pk", flat=True).get(
            order_id=line.order_id, vendor__partner_id=line.partner_id
        )
    )
    before = {
        **_part_state(vendor_order),
        "line": line.title,
        "quantity": line.quantity,
        "line_status": line.status,
    }
    line, vendor_order, refunded = actions.order_line_cancel(
        line_id=line_id, actor=agent, reason=reason
    )
    cancellation = LineCancellation.objects.create(
        line=line,
        vendor_order=vendor_order,
        quantity=line.quantity,
        amount=line.line_price_incl_tax,
        refunded=refunded,
        actor=agent,
        reason=reason,
    )
    vendor_order.refresh_from_db()
    audit_record(
        agent=agent,
        action=AuditAction.LINE_CANCELLED,
        obj=line,
        customer=line.order.user,
        reason=reason,
        before=before,
        after={
            **_part_state(vendor_order),
            "line": line.title,
            "line_status": LINE_CANCELLED,
            "refunded": refunded,
        },
        notify=True,
        summary=_("%(quantity)s × %(title)s was removed from order %(number)s.")
        % {"quantity": line.quantity, "title": line.title, "number": vendor_order.number},
    )
    return cancellation


@transaction.atomic
def vendor_order_refund(
    *, agent, vendor_order_id: int, amount: Decimal, key: str, reason: str
) -> bool:
    """Refund (part of) a vendor part through the payments interface. The same form
    sent twice (same `key`) refunds and is audited once; False the second time."""
    reason = _reason_required(reason)
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
    before = _part_state(vendor_order)
    try:
        done = actions.vendor_part_refund(
            vendor_order=vendor_order,
            amount=amount,
            key=f"callcenter-{key}",
            actor=agent,
            actor_role=ActorRole.STAFF,
            reason=reason,
        )
    except RefundRefused as refused:
        raise ConsoleRefused(refused.message, code=CallcenterErrorCode.REFUND) from refused
    if not done:
        return False
    vendor_order.refresh_from_db()
    audit_record(
        agent=agent,
        action=AuditAction.REFUNDED,
        obj=vendor_order,
        customer=vendor_order.order.user,
        reason=reason,
        before=before,
        after={**_part_state(vendor_order), "refunded": amount},
        notify=True,
        summary=_("%(amount)s of order %(number)s is being refunded.")
        % {
            "amount": money_format(amount, vendor_order.order.currency),
            "number": vendor_order.number,
        },
    )
    return True


def _address_state(address) -> dict:
    return {name: str(getattr(address, name) or "") for name in ADDRESS_FIELDS}


@transaction.atomic
def delivery_address_change(*, agent, order_id: int, address: dict, reason: str):
    """Send a purchase somewhere else before any of its parts ships. Parts delivered
    home must still be deliverable there (switch them to pickup first otherwise)."""
    reason = _reason_required(reason)
    order = Order.objects.select_related("shipping_address", "user").get(pk=order_id)
    before = _address_state(order.shipping_address)
    shipping = actions.delivery_address_change(order_id=order_id, address=address)
    audit_record(
        agent=agent,
        action=AuditAction.ADDRESS_CHANGED,
        obj=order,
        customer=order.user,
        reason=reason,
        before=before,
        after=_address_state(shipping),
        notify=True,
        summary=_("The delivery address of purchase %(number)s is now: %(address)s.")
        % {"number": order.number, "address": ", ".join(shipping.active_address_fields())},
    )
    return shipping


@transaction.atomic
def delivery_option_change(
    *, agent, vendor_order_id: int, option_code: str, reason: str
) -> VendorOrder:
    """Switch a part that has not shipped to another of its store's delivery options.
    A different charge is only possible when it is paid at the door."""
    reason = _reason_required(reason)
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
    before = _part_state(vendor_order)
    vendor_order = actions.delivery_option_change(
        vendor_order_id=vendor_order_id, option_code=option_code
    )
    audit_record(
        agent=agent,
        action=AuditAction.DELIVERY_CHANGED,
        obj=vendor_order,
        customer=vendor_order.order.user,
        reason=reason,
        before=before,
        after=_part_state(vendor_order),
        notify=True,
        summary=_("Order %(number)s will now arrive by: %(delivery)s.")
        % {"number": vendor_order.number, "delivery": vendor_order.delivery_name},
    )
    return vendor_order


@transaction.atomic
def confirmation_resend(*, agent, order_id: int, reason: str) -> None:
    reason = _reason_required(reason)
    order = Order.objects.select_related("user").get(pk=order_id)
    if not order.email:
        raise ConsoleRefused(
            _("This customer has no e-mail address."), code=CallcenterErrorCode.NO_EMAIL
        )
    audit_record(
        agent=agent,
        action=AuditAction.CONFIRMATION_RESENT,
        obj=order,
        customer=order.user,
        reason=reason,
        after={"to": order.email},
        notify=True,
    )


@transaction.atomic
def invoice_resend(*, agent, invoice_id: int, reason: str) -> None:
    reason = _reason_required(reason)
    invoice = Invoice.objects.select_related("vendor_order__order__user").get(pk=invoice_id)
    order = invoice.vendor_order.order
    if not order.email:
        raise ConsoleRefused(
            _("This customer has no e-mail address."), code=CallcenterErrorCode.NO_EMAIL
        )
    audit_record(
        agent=agent,
        action=AuditAction.INVOICE_RESENT,
        obj=invoice,
        customer=order.user,
        reason=reason,
        after={"to": order.email, "invoice": invoice.display_number},
        notify=True,
    )


@transaction.atomic
def payment_link_send(*, agent, order_id: int, reason: str = "") -> Payment:
    """(Re)send the customer the request to pay a purchase that waits for its money:
    a link to our card page, or the bank transfer's instructions."""
    order = Order.objects.select_related("user").get(pk=order_id)
    payment = _payment(order.pk)
    waiting = order.vendor_orders.filter(status=S.PENDING_PAYMENT).exists()
    if (
        payment is None
        or gateway_can(payment.gateway, Capability.PAY_ON_DELIVERY)
        or (not waiting)
        or (payment.state not in (PaymentState.PENDING, PaymentState.ACTION_REQUIRED))
    ):
        raise ConsoleRefused(
            _("This purchase is not waiting for a payment."), code=CallcenterErrorCode.NOT_WAITING
        )
    phone = customer_phone(order)
    if not order.email and not phone:
        raise ConsoleRefused(
            _("This customer has neither e-mail nor phone."), code=CallcenterErrorCode.NO_CONTACT
        )
    audit_record(
        agent=agent,
        action=AuditAction.PAYMENT_LINK_SENT,
        obj=payment,
        customer=order.user,
        reason=reason,
        after={"to": order.email, "phone": phone, "gateway": payment.gateway},
        notify=True,
    )
    return payment


def customer_phone(order) -> str:
    if order.shipping_address_id and order.shipping_address.phone_number:
        return str(order.shipping_address.phone_number)
    contact = CustomerContact.objects.filter(user_id=order.user_id).first()
    return contact.phone_number if contact else ""
