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

from payments.exceptions import GatewayUnavailable, PaymentError, UnknownGateway
from payments.hooks import outcome_handler
from payments.interface import Capability, PaymentState
from payments.locks import payment_lock
from payments.models import Payment
from payments.registry import gateway_get
from payments.selectors import gateway_takes_money
from payments.services import SECURED, payment_charge, payment_expire, payment_sync
from shop.mail.services import operators_mail

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
    waiting = outcome_handler().payments_awaited(Payment.objects.filter(state__in=SECURED))
    for payment in waiting:
        with transaction.atomic():
            outcome_handler().payment_secured(payment=payment_lock(payment_id=payment.pk))
        report.handed_to_vendors.append(payment.reference)
    for payment in Payment.objects.filter(
        state=PaymentState.PENDING, gateway_reference="", created_at__lt=now - INTERRUPTED_AFTER
    ):
        try:
            gateway = gateway_get(payment.gateway)
        except UnknownGateway:
            report.problems.append(f"{payment.reference}: gateway {payment.gateway} not set up")
            continue
        # Gateways that take no money themselves (cash, transfer) can always start again.
        if (
            gateway_takes_money(payment.gateway)
            and Capability.IDEMPOTENCY_KEYS not in gateway.capabilities
        ):
            report.problems.append(
                f"{payment.reference}: interrupted, and {payment.gateway} cannot be retried safely"
            )
            continue
        try:
            payment_charge(payment_id=payment.pk)
            report.synced.append(payment.reference)
        except PaymentError as trouble:
            report.problems.append(f"{payment.reference}: {trouble.message}")
    for payment in Payment.objects.filter(state=PaymentState.PENDING).exclude(gateway_reference=""):
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
    for payment in Payment.objects.filter(
        state=PaymentState.PENDING, deadline__lt=now, order__isnull=False
    ):
        payment_expire(
            payment_id=payment.pk, reason=_("The payment did not arrive before the deadline.")
        )
        report.expired.append(payment.reference)
    report.without_purchase = list(
        Payment.objects.filter(state__in=SECURED, order__isnull=True).values_list(
            "reference", flat=True
        )
    )
    if report.without_purchase or report.problems:
        logger.error("payments reconciliation needs an operator: %s", report)
        reconciliation_report_send(report=report)
    return report


def reconciliation_report_send(*, report: ReconciliationReport) -> int:
    """E-mail the operators what only a person can settle."""
    lines = [
        _("Paid without a purchase: %(references)s")
        % {"references": ", ".join(report.without_purchase) or "—"},
        _("Problems:"),
    ] + [f"- {problem}" for problem in report.problems]
    return operators_mail(subject=_("Payments need your attention"), body="\n".join(lines))
