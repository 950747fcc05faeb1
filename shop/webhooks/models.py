"""Outgoing webhooks: a store (or the platform, for operators) subscribes a URL to
events; each event is one row with its own id (receivers deduplicate on it) and one
delivery per subscription, tried until it is answered 2xx or three days have passed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    ORDER_PLACED = "order.placed", _("Order placed")
    ORDER_PAID = "order.paid", _("Order paid")
    ORDER_CANCELLED = "order.cancelled", _("Order cancelled")
    ORDER_SHIPPED = "order.shipped", _("Order shipped")
    ORDER_DELIVERED = "order.delivered", _("Order delivered")
    STOCK_LOW = "stock.low", _("Stock low")
    OFFER_ACCEPTED = "offer.accepted", _("Offer accepted")
    MESSAGE_RECEIVED = "message.received", _("Message received")


class WebhookSubscription(models.Model):
    """`vendor` empty: the platform's own, for operators; it hears every store's events."""

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
        null=True,
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(max_length=64, editable=False)
    events = models.JSONField(_("events"), default=list)
    is_active = models.BooleanField(_("active"), default=True)
    # Since when every delivery fails (none answered since); cleared by a success.
    failing_since = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(_("paused at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self):
        return self.url


class WebhookEvent(models.Model):
    event_id = models.UUIDField(unique=True)
    type = models.CharField(max_length=32, choices=EventType.choices)
    vendor = models.ForeignKey(
        "vendors.Vendor", on_delete=models.CASCADE, null=True, related_name="+"
    )
    payload = models.JSONField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.type} {self.event_id}"


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent again")
    DELIVERED = "delivered", _("Delivered")
    GAVE_UP = "gave_up", _("Given up after three days")


class WebhookDelivery(models.Model):
    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField(
        max_length=12, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "event"], name="webhook_delivery_once")
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="webhook_due_idx")]

    def __str__(self):
        return f"{self.event} → {self.subscription}"
