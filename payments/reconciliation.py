"""Reconciliation (Celery beat, every 15 minutes): what webhooks and pages missed.

- a payment secured (authorized or captured) whose purchase still waits for it:
  the parts go to their vendors (the step after "money taken" that did not happen);
- a payment whose gateway call was interrupted (no gateway reference after a few
  minutes): started again with the same idempotency key, so the gateway charges once;
- a pending payment at a gateway that can be asked: brought up to date;
- a purchase unpaid past its deadline: cancelled, its stock given back;
- a secured payment with no purchase at all: reported to the operators (only a
  person can decide between refunding and recreating the order).
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from payments.interface import Capability, GatewayUnavailable, PaymentError, PaymentState
from payments.ledger import payment_outcome_record
from payments.models import Payment, PaymentEventKind, PaymentEventPhase
from payments.registry import UnknownGateway, gateway_get
from payments.services import (
    SECURED,
    payment_charge,
    payment_sync,
    purchase_payment_secured,
)

# A checkout calls its gateway within seconds; older requests without an answer crashed.
INTERRUPTED_AFTER = timedelta(minutes=5)

logger = logging.getLogger(__name__)


@dataclass
class ReconciliationReport:
    handed_to_vendors: list[str] = field(default_factory=list)
    synced: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)
    without_purchase: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def payments_reconcile(*, now=None) -> ReconciliationReport:
    now = now or timezone.now()
    report = ReconciliationReport()
    waiting = Payment.objects.filter(
        state__in=SECURED, order__vendor_orders__status="pending_payment").distinct()
    for payment in waiting:
        with transaction.atomic():
            purchase_payment_secured(order_id=payment.order_id)
        report.handed_to_vendors.append(payment.reference)
    for payment in Payment.objects.filter(state=PaymentState.PENDING, gateway_reference="",
                                          created_at__lt=now - INTERRUPTED_AFTER):
        try:
            gateway = gateway_get(payment.gateway)
        except UnknownGateway:
            report.problems.append(f"{payment.reference}: gateway {payment.gateway} not set up")
            continue
        # Gateways that take no money themselves (cash, transfer) can always start again.
        takes_money = bool(gateway.capabilities.supported - {Capability.REFERENCE})
        if takes_money and Capability.IDEMPOTENCY_KEYS not in gateway.capabilities:
            report.problems.append(f"{payment.reference}: interrupted, and {payment.gateway} "
                                   "cannot be retried safely")
            continue
        try:
            payment_charge(payment_id=payment.pk)
            report.synced.append(payment.reference)
        except PaymentError as trouble:
            report.problems.append(f"{payment.reference}: {trouble.message}")
    for payment in Payment.objects.filter(state=PaymentState.PENDING).exclude(
            gateway_reference=""):
        try:
            gateway = gateway_get(payment.gateway)
        except UnknownGateway:
            report.problems.append(f"{payment.reference}: gateway {payment.gateway} not set up")
            continue
        if Capability.POLLING not in gateway.capabilities:
            continue
        try:
            if payment_sync(payment_id=payment.pk):
                report.synced.append(payment.reference)
        except GatewayUnavailable as trouble:
            report.problems.append(f"{payment.reference}: {trouble.message}")
    for payment in Payment.objects.filter(state=PaymentState.PENDING, deadline__lt=now,
                                          order__isnull=False):
        payment_expire(payment_id=payment.pk)
        report.expired.append(payment.reference)
    report.without_purchase = list(Payment.objects.filter(
        state__in=SECURED, order__isnull=True).values_list("reference", flat=True))
    if report.without_purchase or report.problems:
        logger.error("payments reconciliation needs an operator: %s", report)
        reconciliation_report_send(report=report)
    return report


def reconciliation_report_send(*, report: ReconciliationReport) -> int:
    """E-mail the operators what only a person can settle."""
    from shop.mail.services import operators_mail

    lines = [_("Paid without a purchase: %(references)s") % {
                 "references": ", ".join(report.without_purchase) or "—"},
             _("Problems:")] + [f"- {problem}" for problem in report.problems]
    return operators_mail(subject=_("Payments need your attention"), body="\n".join(lines))


@transaction.atomic
def payment_expire(*, payment_id: int) -> None:
    """An unpaid purchase past its deadline: its waiting parts are cancelled (their
    stock given back) and the payment is recorded as cancelled."""
    from vendors.models import VendorOrder, VendorOrderStatus
    from vendors.orders import ActorRole, vendor_order_transition

    payment = Payment.objects.select_for_update().get(pk=payment_id)
    if payment.state != PaymentState.PENDING:
        return
    for vendor_order_id in VendorOrder.objects.filter(
            order_id=payment.order_id, status=VendorOrderStatus.PENDING_PAYMENT,
    ).values_list("pk", flat=True):
        vendor_order_transition(vendor_order_id=vendor_order_id,
                                to_status=VendorOrderStatus.CANCELLED, actor=None,
                                actor_role=ActorRole.SYSTEM,
                                reason=_("The payment did not arrive before the deadline."))
    payment_outcome_record(payment_id=payment.pk, kind=PaymentEventKind.CANCEL,
                           phase=PaymentEventPhase.SUCCESS, amount=payment.amount,
                           gateway_reference=payment.gateway_reference,
                           message="expired unpaid")
