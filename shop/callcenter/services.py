"""What an agent does in the console. Each service is one action: it changes what it
must, writes exactly one AuditEntry in the same transaction (before and after as
JSON), and tells whom it concerns once the transaction commits. A refusal raises
ValidationError and leaves nothing behind."""

import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from logistics.delivery import address_municipality, vendor_order_delivery_options
from payments.interface import PaymentState
from payments.models import Payment
from payments.services import (
    SECURED,
    RefundRefused,
    vendor_part_refund,
    vendor_part_refundable,
)
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
from vendors.inventory import StockRequest, stock_release
from vendors.models import LINE_CANCELLED, VendorOrder
from vendors.models import VendorOrderStatus as S
from vendors.orders import (
    NOT_SHIPPED,
    NOT_SHIPPED_OR_UNPAID,
    ActorRole,
    VendorOrderTransitionError,
    delivery_option_label,
    vendor_order_transition,
)

User = get_user_model()
Order = get_model("order", "Order")
Line = get_model("order", "Line")

ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line2", "line4", "state",
                  "phone_number", "notes")
TAKEN = SECURED | {PaymentState.PARTIALLY_REFUNDED}


def purchase_origin_record(*, order, channel: str = Channel.WEB, agent=None) -> PurchaseOrigin:
    """How `order` arrived (written with every purchase, by the order creator)."""
    return PurchaseOrigin.objects.create(order=order, channel=channel, agent=agent)


def audit_record(*, agent, action: str, obj, customer=None, reason: str = "",
                 before: dict | None = None, after: dict | None = None,
                 notify: bool = False, summary: str = "") -> AuditEntry:
    """The one audit entry of an action; with `notify`, whom it concerns hear of it
    (once, after commit: shop.callcenter.notifications)."""
    after = {**(after or {}), **({"summary": summary} if summary else {})}
    entry = AuditEntry.objects.create(
        agent=agent, customer=customer, action=action, object_type=obj._meta.label_lower,
        object_id=str(obj.pk), object_repr=str(obj)[:200], reason=reason,
        before=before or {}, after=after)
    if notify:
        audit_notify_on_commit(entry_id=entry.pk)
    return entry


def _reason_required(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(_("Give a reason: the customer and the store will read it."),
                              code="reason_required")
    return reason


@transaction.atomic
def customer_create(*, agent, first_name: str, last_name: str, phone: str,
                    email: str = "") -> User:
    """A caller without an account: name and phone (and an e-mail if they have one).
    They can claim the account later by resetting the password with that e-mail."""
    number = phone_normalise(phone)
    if number is None:
        raise ValidationError(_("Enter a Cuban phone number, e.g. +53 5 123 4567."),
                              code="phone")
    email = (email or "").strip().lower()
    if email and User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("A customer with this e-mail already exists: search for it."),
                              code="email_taken")
    if CustomerContact.objects.filter(phone_number=number).exists():
        raise ValidationError(_("A customer with this phone already exists: search for it."),
                              code="phone_taken")
    customer = User(username=f"cliente-{uuid.uuid4().hex[:20]}", email=email,
                    first_name=first_name.strip(), last_name=last_name.strip())
    customer.set_unusable_password()
    customer.save()
    CustomerContact.objects.create(user=customer, phone_number=number)
    audit_record(agent=agent, action=AuditAction.CUSTOMER_CREATED, obj=customer,
                 customer=customer, after={"name": customer.get_full_name(), "phone": number,
                                           "email": email})
    return customer


@transaction.atomic
def note_add(*, agent, customer, text: str, order=None) -> CustomerNote:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the note."), code="empty")
    note = CustomerNote.objects.create(customer=customer, order=order, author=agent, text=text)
    audit_record(agent=agent, action=AuditAction.NOTE_ADDED, obj=note, customer=customer,
                 after={"text": text, "order": order.number if order else ""})
    return note


def _payment(order_id: int) -> Payment | None:
    return Payment.objects.filter(order_id=order_id).first()


def _money_taken(payment: Payment | None) -> bool:
    """The platform holds the buyer's money (card or confirmed transfer): undoing
    something owes a refund. Cash on delivery is only paid at the door."""
    return bool(payment and payment.gateway != "cash_on_delivery" and payment.state in TAKEN)


def _locked_part(vendor_order_id: int) -> VendorOrder:
    return (VendorOrder.objects.select_for_update(of=("self",))
            .select_related("order", "vendor").get(pk=vendor_order_id))


def _part_state(vendor_order: VendorOrder) -> dict:
    return {"number": vendor_order.number, "status": vendor_order.status,
            "delivery": vendor_order.delivery_name,
            "delivery_charge": vendor_order.delivery_charge,
            "currency": vendor_order.order.currency}


def _part_cancel(*, vendor_order: VendorOrder, agent, reason: str) -> Decimal:
    """Cancel a part that has not shipped: stock back, money back if it was taken.
    Returns the amount refunded."""
    if vendor_order.status == S.PENDING_PAYMENT:
        _unpaid_purchase_cancel(vendor_order=vendor_order, agent=agent, reason=reason)
        return Decimal("0")
    if vendor_order.status not in NOT_SHIPPED:
        raise ValidationError(
            _("Order %(number)s is %(status)s: only orders not yet shipped can be cancelled.")
            % {"number": vendor_order.number, "status": S(vendor_order.status).label.lower()},
            code="shipped")
    taken = _money_taken(_payment(vendor_order.order_id))
    refundable = vendor_part_refundable(vendor_order=vendor_order) if taken else Decimal("0")
    try:
        # The transition gives back what the buyer paid for the part (vendors/orders.py).
        vendor_order_transition(vendor_order_id=vendor_order.pk, to_status=S.CANCELLED,
                                actor=agent, actor_role=ActorRole.STAFF, reason=reason)
    except VendorOrderTransitionError as error:
        raise ValidationError(error.messages, code="transition") from error
    if not taken:
        return Decimal("0")
    return refundable - vendor_part_refundable(vendor_order=vendor_order)


def _unpaid_purchase_cancel(*, vendor_order: VendorOrder, agent, reason: str) -> None:
    """A purchase still waiting for its money is one payment for all its parts: they are
    cancelled together (stock back) and the payment is cancelled at its gateway, so
    the link the customer holds can no longer take money."""
    from payments.interface import Capability, GatewayUnavailable
    from payments.ledger import payment_outcome_record
    from payments.registry import gateway_get

    payment = Payment.objects.select_for_update().get(order_id=vendor_order.order_id)
    waiting = list(VendorOrder.objects.filter(order_id=vendor_order.order_id,
                                              status=S.PENDING_PAYMENT).values_list("pk",
                                                                                   flat=True))
    others = VendorOrder.objects.filter(order_id=vendor_order.order_id).exclude(
        pk__in=waiting).exclude(status__in=(S.CANCELLED, S.REJECTED))
    if others.exists():
        raise ValidationError(_("Part of this purchase is already paid: cancel it part by "
                                "part once the payment is settled."), code="mixed")
    gateway = gateway_get(payment.gateway)
    if Capability.VOID in gateway.capabilities.supported and payment.gateway_reference:
        try:
            gateway.cancel(gateway_reference=payment.gateway_reference,
                           idempotency_key=f"{payment.reference}:cancel")
        except GatewayUnavailable as error:
            raise ValidationError(_("The payment service did not answer: nothing was "
                                    "cancelled. Try again in a few minutes."),
                                  code="gateway") from error
    for vendor_order_id in waiting:
        vendor_order_transition(vendor_order_id=vendor_order_id, to_status=S.CANCELLED,
                                actor=agent, actor_role=ActorRole.STAFF, reason=reason)
    payment_outcome_record(payment_id=payment.pk, kind="cancel", phase="success",
                           amount=payment.amount, gateway_reference=payment.gateway_reference,
                           message="cancelled by the call center", actor=agent)


@transaction.atomic
def vendor_order_cancel(*, agent, vendor_order_id: int, reason: str) -> VendorOrder:
    """Cancel one vendor part before it ships, with a reason; a paid part is refunded.
    A purchase still waiting for its payment is cancelled whole."""
    reason = _reason_required(reason)
    vendor_order = _locked_part(vendor_order_id)
    before = _part_state(vendor_order)
    refunded = _part_cancel(vendor_order=vendor_order, agent=agent, reason=reason)
    vendor_order.refresh_from_db()
    audit_record(agent=agent, action=AuditAction.PART_CANCELLED, obj=vendor_order,
                 customer=vendor_order.order.user, reason=reason, before=before,
                 after={**_part_state(vendor_order), "refunded": refunded},
                 notify=True, summary=_("Order %(number)s was cancelled.")
                 % {"number": vendor_order.number})
    return vendor_order


@transaction.atomic
def order_line_cancel(*, agent, line_id: int, reason: str) -> LineCancellation | VendorOrder:
    """Cancel one line of a vendor part that has not shipped: its units go back on
    sale, it is no longer owed at the door, or its amount is refunded through the
    gateway when the money was taken. The last open line cancels the whole part."""
    reason = _reason_required(reason)
    line = Line.objects.select_related("order").get(pk=line_id)
    vendor_order = _locked_part(VendorOrder.objects.get(
        order_id=line.order_id, vendor__partner_id=line.partner_id).pk)
    # Locked after its part: two agents on the same line wait here, then see it cancelled.
    line = Line.objects.select_for_update().get(pk=line_id)
    if line.status == LINE_CANCELLED:
        raise ValidationError(_("This line is already cancelled."), code="already_cancelled")
    if vendor_order.status == S.PENDING_PAYMENT:
        raise ValidationError(_("This purchase is waiting for its payment: cancel it whole, "
                                "or cancel the line once it is paid."), code="unpaid")
    if vendor_order.status not in NOT_SHIPPED:
        raise ValidationError(
            _("Order %(number)s is %(status)s: its lines can no longer be cancelled.")
            % {"number": vendor_order.number, "status": S(vendor_order.status).label.lower()},
            code="shipped")
    before = {**_part_state(vendor_order), "line": line.title, "quantity": line.quantity,
              "line_status": line.status}
    others = vendor_order.lines.exclude(pk=line.pk).exists()
    refunded = Decimal("0")
    if not others:
        refunded = _part_cancel(vendor_order=vendor_order, agent=agent, reason=reason)
    elif _money_taken(_payment(vendor_order.order_id)):
        refunded = line.line_price_incl_tax
        try:
            vendor_part_refund(vendor_order=vendor_order, amount=refunded,
                               key=f"line-{line.pk}", actor=agent,
                               actor_role=ActorRole.STAFF, reason=reason)
        except RefundRefused as refused:
            raise ValidationError(refused.message, code="refund") from refused
    Line.objects.filter(pk=line.pk).update(status=LINE_CANCELLED)
    if others and line.stockrecord_id:
        stock_release(requests=[StockRequest(line.stockrecord_id, line.quantity)],
                      order_number=vendor_order.number, actor=agent)
    cancellation = LineCancellation.objects.create(
        line=line, vendor_order=vendor_order, quantity=line.quantity,
        amount=line.line_price_incl_tax, refunded=refunded, actor=agent, reason=reason)
    vendor_order.refresh_from_db()
    audit_record(agent=agent, action=AuditAction.LINE_CANCELLED, obj=line,
                 customer=line.order.user, reason=reason, before=before,
                 after={**_part_state(vendor_order), "line": line.title,
                        "line_status": LINE_CANCELLED, "refunded": refunded},
                 notify=True, summary=_("%(quantity)s × %(title)s was removed from order "
                                        "%(number)s.")
                 % {"quantity": line.quantity, "title": line.title, "number": vendor_order.number})
    return cancellation


@transaction.atomic
def vendor_order_refund(*, agent, vendor_order_id: int, amount: Decimal, key: str,
                        reason: str) -> bool:
    """Refund (part of) a vendor part through the payments interface. The same form
    sent twice (same `key`) refunds and is audited once; False the second time."""
    reason = _reason_required(reason)
    vendor_order = _locked_part(vendor_order_id)
    before = _part_state(vendor_order)
    try:
        done = vendor_part_refund(vendor_order=vendor_order, amount=amount,
                                  key=f"callcenter-{key}", actor=agent,
                                  actor_role=ActorRole.STAFF, reason=reason)
    except RefundRefused as refused:
        raise ValidationError(refused.message, code="refund") from refused
    if not done:
        return False
    vendor_order.refresh_from_db()
    audit_record(agent=agent, action=AuditAction.REFUNDED, obj=vendor_order,
                 customer=vendor_order.order.user, reason=reason, before=before,
                 after={**_part_state(vendor_order), "refunded": amount},
                 notify=True, summary=_("%(amount)s of order %(number)s is being refunded.")
                 % {"amount": money_format(amount, vendor_order.order.currency),
                    "number": vendor_order.number})
    return True


def _address_state(address) -> dict:
    return {name: str(getattr(address, name) or "") for name in ADDRESS_FIELDS}


@transaction.atomic
def delivery_address_change(*, agent, order_id: int, address: dict, reason: str):
    """Send a purchase somewhere else before any of its parts ships. Parts delivered
    home must still be deliverable there (switch them to pickup first otherwise)."""
    reason = _reason_required(reason)
    order = Order.objects.select_for_update(of=("self",)).select_related(
        "shipping_address", "user").get(pk=order_id)
    parts = list(VendorOrder.objects.select_for_update(of=("self",))
                 .filter(order=order).select_related("vendor", "order"))
    open_parts = [part for part in parts if part.status not in (S.CANCELLED, S.REJECTED)]
    if not open_parts or any(part.status not in NOT_SHIPPED_OR_UNPAID
                             for part in open_parts):
        raise ValidationError(_("Part of this purchase already left the store: its address "
                                "can no longer change."), code="shipped")
    shipping = order.shipping_address
    before = _address_state(shipping)
    for name in ADDRESS_FIELDS:
        setattr(shipping, name, address.get(name, "") or "")
    municipality = address_municipality(shipping)
    if municipality is None:
        raise ValidationError(_("Choose the province and municipality of the delivery "
                                "address."), code="municipality")
    for part in open_parts:
        if part.delivery_code.startswith("home-") and part.delivery_code not in {
                option.code for option in vendor_order_delivery_options(
                    vendor_order=part, municipality=municipality)}:
            raise ValidationError(
                _("%(store)s does not deliver to %(place)s: change order %(number)s to pickup "
                  "first.") % {"store": part.vendor.trade_name, "place": municipality.name,
                               "number": part.number}, code="not_delivered")
    shipping.save()
    audit_record(agent=agent, action=AuditAction.ADDRESS_CHANGED, obj=order,
                 customer=order.user, reason=reason, before=before,
                 after=_address_state(shipping),
                 notify=True, summary=_("The delivery address of purchase %(number)s is now: "
                                        "%(address)s.")
                 % {"number": order.number,
                    "address": ", ".join(shipping.active_address_fields())})
    return shipping


@transaction.atomic
def delivery_option_change(*, agent, vendor_order_id: int, option_code: str,
                           reason: str) -> VendorOrder:
    """Switch a part that has not shipped to another of its store's delivery options.
    A different charge is only possible when it is paid at the door."""
    reason = _reason_required(reason)
    vendor_order = _locked_part(vendor_order_id)
    if vendor_order.status not in NOT_SHIPPED_OR_UNPAID:
        raise ValidationError(_("This order already left the store: its delivery can no "
                                "longer change."), code="shipped")
    municipality = address_municipality(vendor_order.order.shipping_address)
    options = vendor_order_delivery_options(vendor_order=vendor_order,
                                            municipality=municipality) if municipality else ()
    option = next((option for option in options if option.code == option_code), None)
    if option is None:
        raise ValidationError(_("Choose one of the delivery options offered."), code="option")
    payment = _payment(vendor_order.order_id)
    if option.charge != vendor_order.delivery_charge and payment and (
            payment.gateway != "cash_on_delivery"):
        raise ValidationError(_("This purchase was paid online: choose an option with the "
                                "same charge (%(charge)s).")
                              % {"charge": money_format(vendor_order.delivery_charge,
                                                       vendor_order.order.currency)},
                              code="charge")
    before = _part_state(vendor_order)
    vendor_order.delivery_code = option.code
    vendor_order.delivery_name = delivery_option_label(option)[:255]
    vendor_order.delivery_charge = option.charge
    vendor_order.save(update_fields=["delivery_code", "delivery_name", "delivery_charge",
                                     "updated_at"])
    audit_record(agent=agent, action=AuditAction.DELIVERY_CHANGED, obj=vendor_order,
                 customer=vendor_order.order.user, reason=reason, before=before,
                 after=_part_state(vendor_order),
                 notify=True, summary=_("Order %(number)s will now arrive by: %(delivery)s.")
                 % {"number": vendor_order.number, "delivery": vendor_order.delivery_name})
    return vendor_order


@transaction.atomic
def confirmation_resend(*, agent, order_id: int, reason: str) -> None:
    reason = _reason_required(reason)
    order = Order.objects.select_related("user").get(pk=order_id)
    if not order.email:
        raise ValidationError(_("This customer has no e-mail address."), code="no_email")
    audit_record(agent=agent, action=AuditAction.CONFIRMATION_RESENT, obj=order,
                 customer=order.user, reason=reason, after={"to": order.email}, notify=True)


@transaction.atomic
def invoice_resend(*, agent, invoice_id: int, reason: str) -> None:
    reason = _reason_required(reason)
    invoice = Invoice.objects.select_related("vendor_order__order__user").get(pk=invoice_id)
    order = invoice.vendor_order.order
    if not order.email:
        raise ValidationError(_("This customer has no e-mail address."), code="no_email")
    audit_record(agent=agent, action=AuditAction.INVOICE_RESENT, obj=invoice,
                 customer=order.user, reason=reason,
                 after={"to": order.email, "invoice": invoice.display_number}, notify=True)


@transaction.atomic
def payment_link_send(*, agent, order_id: int, reason: str = "") -> Payment:
    """(Re)send the customer the request to pay a purchase that waits for its money:
    a link to our card page, or the bank transfer's instructions."""
    order = Order.objects.select_related("user").get(pk=order_id)
    payment = _payment(order.pk)
    waiting = order.vendor_orders.filter(status=S.PENDING_PAYMENT).exists()
    if payment is None or payment.gateway == "cash_on_delivery" or not waiting or (
            payment.state not in (PaymentState.PENDING, PaymentState.ACTION_REQUIRED)):
        raise ValidationError(_("This purchase is not waiting for a payment."),
                              code="not_waiting")
    phone = customer_phone(order)
    if not order.email and not phone:
        raise ValidationError(_("This customer has neither e-mail nor phone."),
                              code="no_contact")
    audit_record(agent=agent, action=AuditAction.PAYMENT_LINK_SENT, obj=payment,
                 customer=order.user, reason=reason,
                 after={"to": order.email, "phone": phone,
                        "gateway": payment.gateway}, notify=True)
    return payment


def customer_phone(order) -> str:
    if order.shipping_address_id and order.shipping_address.phone_number:
        return str(order.shipping_address.phone_number)
    contact = CustomerContact.objects.filter(user_id=order.user_id).first()
    return contact.phone_number if contact else ""
