from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from payments.interface import PaymentState

PAYMENT_STATE_LABELS = {
    PaymentState.PENDING: _("Waiting for the payment"),
    PaymentState.ACTION_REQUIRED: _("Waiting for the buyer's confirmation"),
    PaymentState.AUTHORIZED: _("Authorized"),
    PaymentState.CAPTURED: _("Paid"),
    PaymentState.PARTIALLY_REFUNDED: _("Partly refunded"),
    PaymentState.REFUNDED: _("Refunded"),
    PaymentState.CANCELLED: _("Cancelled"),
    PaymentState.FAILED: _("Failed"),
}


class Payment(models.Model):
    """The one payment of a purchase. Its state is never set by hand: it is derived
    from its event log (payments.ledger), so replays and late events cannot move it."""

    reference = models.CharField(_("reference"), max_length=64, unique=True)
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
        verbose_name=_("order"),
    )
    gateway = models.CharField(_("gateway"), max_length=40)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    gateway_reference = models.CharField(
        _("gateway reference"), max_length=128, blank=True, db_index=True
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=[(state.value, state.value) for state in PaymentState],
        default=PaymentState.PENDING,
    )
    # What the buyer must do to pay (a bank transfer's account and reference).
    instructions = models.TextField(_("instructions"), blank=True)
    # What the buyer says identifies their transfer (their bank's operation number).
    buyer_reference = models.CharField(_("buyer's transfer reference"), max_length=64, blank=True)
    # The store's own business account at the gateway the money goes to (gateways with
    # merchant accounts, PAYMENT_FUNDS_TO = "store"); empty: the platform's.
    merchant_id = models.CharField(_("merchant account"), max_length=64, blank=True)
    # Unpaid purchases past this moment are cancelled and give their stock back.
    deadline = models.DateTimeField(_("pay before"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        indexes = [models.Index(fields=["state", "deadline"], name="payment_state_deadline")]

    def __str__(self) -> str:
        return self.reference

    @property
    def state_label(self) -> str:
        return str(PAYMENT_STATE_LABELS.get(self.state, self.state))

    @property
    def gateway_label(self) -> str:
        """The way it is paid, in words (the code when that gateway is no longer set up)."""
        from payments.registry import gateway_get

        try:
            return str(gateway_get(self.gateway).label)
        except Exception:  # noqa: BLE001  (any configuration problem: show the code)
            return self.gateway


class PaymentEventKind(models.TextChoices):
    AUTHORIZATION = "authorization", _("Authorization")
    CHARGE = "charge", _("Charge")
    REFUND = "refund", _("Refund")
    CANCEL = "cancel", _("Cancellation")


class PaymentEventPhase(models.TextChoices):
    REQUEST = "request", _("Request")
    SUCCESS = "success", _("Success")
    FAILURE = "failure", _("Failure")


class PaymentEvent(models.Model):
    """Append-only. A request is written (with its idempotency key) before the gateway
    is called; an outcome is unique on (payment, kind, phase, gateway reference), so
    the same outcome reported twice (a webhook and a poll, a retried webhook) is one row."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=16, choices=PaymentEventKind.choices)
    phase = models.CharField(max_length=8, choices=PaymentEventPhase.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    gateway_reference = models.CharField(max_length=128, blank=True)
    idempotency_key = models.CharField(max_length=128, null=True, blank=True, unique=True)
    message = models.CharField(max_length=255, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["payment", "kind", "phase", "gateway_reference"],
                condition=~models.Q(phase="request"),
                name="payment_event_outcome_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.payment}: {self.kind} {self.phase} {self.amount}"


class WebhookMessage(models.Model):
    """A gateway's webhook as received (after its signature was checked), stored once
    per gateway event id and processed by a Celery task."""

    gateway = models.CharField(max_length=40)
    event_id = models.CharField(max_length=128)
    event_type = models.CharField(max_length=80)
    gateway_reference = models.CharField(max_length=128, blank=True)
    body = models.TextField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["received_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["gateway", "event_id"], name="webhook_message_once")
        ]

    def __str__(self) -> str:
        return f"{self.gateway} {self.event_id}"
