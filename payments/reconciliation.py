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
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import (
    Count,
    DecimalField,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from payments.exceptions import GatewayUnavailable, PaymentError, UnknownGateway
from payments.hooks import outcome_handler
from payments.interface import Capability, PaymentState
from payments.locks import payment_lock
from payments.models import (
    PAYMENT_STATE_LABELS,
    Payment,
    PaymentEvent,
    PaymentEventKind,
    PaymentEventPhase,
)
from payments.registry import gateway_get
from payments.selectors import gateway_names_with, gateway_takes_money
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


# --- The operators' daily view -------------------------------------------------------------

# How many differing payments a day's row names (the rest are counted).
DIFFERENCES_SHOWN = 50


@dataclass(frozen=True)
class Difference:
    """A payment whose money does not match what was expected: the reference to chase."""

    payment_id: int
    reference: str
    gateway_reference: str
    state: str
    state_label: str
    expected: Decimal
    confirmed: Decimal
    currency: str
    can_ask_gateway: bool


@dataclass
class GatewayDay:
    """One gateway's payments started on one day (in the shop's time zone)."""

    gateway: str
    label: str
    day: date
    currency: str
    started: int = 0
    expected: Decimal = Decimal("0")  # what the payments not called off ask for
    confirmed: Decimal = Decimal("0")  # what the gateway (or an operator) confirmed taken
    refunded: Decimal = Decimal("0")
    closed: int = 0  # cancelled, refused or expired: nothing is owed
    differing: int = 0
    differences: list[Difference] = field(default_factory=list)

    @property
    def difference(self) -> Decimal:
        return self.confirmed - self.expected


def reconciliation_days(*, start: date, end: date) -> list[GatewayDay]:
    """Per gateway and day from `start` to `end` (inclusive): payments started, what was
    expected, what was confirmed, what was refunded, and the payments whose confirmed
    money differs from what they ask (still unpaid, paid short or over). Gateways paid on
    delivery are left out: each part's cash is counted by its courier. Two queries."""
    zone = timezone.get_current_timezone()
    on_delivery = gateway_names_with(Capability.PAY_ON_DELIVERY)
    charges = PaymentEvent.objects.filter(
        payment=OuterRef("pk"), kind=PaymentEventKind.CHARGE, phase=PaymentEventPhase.SUCCESS
    )
    refunds = PaymentEvent.objects.filter(
        payment=OuterRef("pk"), kind=PaymentEventKind.REFUND, phase=PaymentEventPhase.SUCCESS
    )
    zero = Value(Decimal("0"), output_field=DecimalField(max_digits=12, decimal_places=2))

    def total(events):
        return Coalesce(
            Subquery(
                events.order_by().values("payment").annotate(total=Sum("amount")).values("total")
            ),
            zero,
        )

    payments = (
        Payment.objects.exclude(gateway__in=on_delivery)
        .filter(created_at__date__gte=start, created_at__date__lte=end)
        .annotate(day=TruncDate("created_at", tzinfo=zone), taken=total(charges))
        .annotate(given_back=total(refunds))
    )
    closed = [PaymentState.CANCELLED, PaymentState.FAILED]
    rows = (
        payments.values("gateway", "day", "currency")
        .annotate(
            started=Count("pk"),
            expected=Coalesce(Sum("amount", filter=~Q(state__in=closed)), zero),
            confirmed=Coalesce(Sum("taken"), zero),
            refunded=Coalesce(Sum("given_back"), zero),
            closed=Count("pk", filter=Q(state__in=closed)),
            differing=Count("pk", filter=~Q(state__in=closed) & ~Q(taken=F("amount"))),
        )
        .order_by("-day", "gateway", "currency")
    )
    days = {
        (row["gateway"], row["day"], row["currency"]): GatewayDay(
            label=_gateway_label(row["gateway"]), **row
        )
        for row in rows
    }
    differing = (
        payments.exclude(state__in=closed)
        .exclude(taken=F("amount"))
        .order_by("created_at", "pk")
        .values(
            "pk",
            "reference",
            "gateway_reference",
            "state",
            "amount",
            "currency",
            "taken",
            "gateway",
            "day",
        )
    )
    pollable = set(gateway_names_with(Capability.POLLING))
    for payment in differing[: DIFFERENCES_SHOWN * max(len(days), 1)]:
        key = (payment["gateway"], payment["day"], payment["currency"])
        row = days.get(key)
        if row is None or len(row.differences) >= DIFFERENCES_SHOWN:
            continue
        row.differences.append(
            Difference(
                payment_id=payment["pk"],
                reference=payment["reference"],
                gateway_reference=payment["gateway_reference"],
                state=payment["state"],
                state_label=str(PAYMENT_STATE_LABELS.get(payment["state"], payment["state"])),
                expected=payment["amount"],
                confirmed=payment["taken"],
                currency=payment["currency"],
                can_ask_gateway=payment["gateway"] in pollable
                and bool(payment["gateway_reference"]),
            )
        )
    return list(days.values())


def _gateway_label(name: str) -> str:
    try:
        return str(gateway_get(name).label)
    except UnknownGateway:
        return name
