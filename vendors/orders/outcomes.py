"""What a payment's outcome does to a purchase: the payments app reports outcomes to
`PurchaseOutcomes` (PAYMENT_OUTCOME_HANDLER), always with the payment already locked."""

from django.db import transaction
from django.db.models import Exists, OuterRef

from payments.hooks import PaymentOutcomeHandler
from payments.ledger import payment_totals
from payments.locks import payment_of_order_lock
from payments.services import payment_refund
from vendors.models import VendorOrder
from vendors.models import VendorOrderStatus as S
from vendors.orders.locks import vendor_orders_lock
from vendors.orders.money import vendor_part_paid_online
from vendors.orders.notifications import purchase_placed_notify_on_commit
from vendors.orders.transitions import CLOSED, ActorRole, vendor_order_transition


@transaction.atomic
def purchase_paid(*, order_id: int, received_by_store: bool = False) -> None:
    """The buyer's money is secured: parts waiting for it go to their vendors (each
    owed its sale and invoicing its part; a part on account waited with them, and its
    sale and invoice come with its delivery), who are told once, after commit. Money that
    arrives for a purchase already closed (cancelled while the payment was on its way)
    goes back to the buyer at once: nobody will deliver anything for it."""
    parts = vendor_orders_lock(order_id=order_id)
    if parts and all(part.status in CLOSED for part in parts):
        _closed_purchase_refund(order_id=order_id)
        return
    for vendor_order in parts:
        if vendor_order.status != S.PENDING_PAYMENT:
            continue
        vendor_order = vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=S.PLACED,
            actor=None,
            actor_role=ActorRole.SYSTEM,
        )
        if not vendor_order.on_account:
            vendor_part_paid_online(vendor_order=vendor_order, received_by_store=received_by_store)
    purchase_placed_notify_on_commit(order_id=order_id)


@transaction.atomic
def purchase_unpaid_cancel(
    *, order_id: int, reason: str, actor=None, actor_role: str | None = None
) -> list[int]:
    """The one way a purchase still waiting for its money is cancelled (the payment was
    refused, expired, a person cancelled it, or the buyer's company refused it): every
    waiting part is cancelled and its stock goes back on sale, parts on account with the
    rest (they wait for the same payment, and give their credit back). `actor_role` says who the
    actor is (staff by default). Returns the ids of the parts cancelled."""
    role = actor_role or (ActorRole.STAFF if actor is not None else ActorRole.SYSTEM)
    waiting = vendor_orders_lock(order_id=order_id, status=S.PENDING_PAYMENT)
    for vendor_order in waiting:
        vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=S.CANCELLED,
            actor=actor,
            actor_role=role,
            reason=reason,
        )
    return [vendor_order.pk for vendor_order in waiting]


def _closed_purchase_refund(*, order_id: int) -> None:
    payment = payment_of_order_lock(order_id=order_id)
    totals = payment_totals(payment)
    left = totals["captured"] - totals["refunded"]
    if left > 0:
        payment_refund(
            payment_id=payment.pk,
            amount=left,
            attempt="purchase-closed",
            reference="refund:purchase-closed",
        )


class PurchaseOutcomes(PaymentOutcomeHandler):
    def payment_secured(self, *, payment) -> None:
        # Paid into the store's own business account: the platform never held it.
        purchase_paid(order_id=payment.order_id, received_by_store=bool(payment.merchant_id))

    def payment_closed(self, *, payment, reason: str, actor=None) -> None:
        if payment.order_id:
            purchase_unpaid_cancel(order_id=payment.order_id, reason=reason, actor=actor)

    def payments_awaited(self, payments):
        return payments.filter(
            Exists(VendorOrder.objects.filter(order=OuterRef("order"), status=S.PENDING_PAYMENT))
        )
