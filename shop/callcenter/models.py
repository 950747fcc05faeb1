from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    PHONE = "phone", _("Phone")
    WHATSAPP = "whatsapp", _("WhatsApp")
    WALK_IN = "walk_in", _("Walk-in")


class PurchaseOrigin(models.Model):
    """How a purchase arrived and, when staff took it, who. One per purchase, written
    with it (web checkout and phone orders alike)."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="origin", verbose_name=_("purchase")
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("purchase origin")
        verbose_name_plural = _("purchase origins")
        indexes = [models.Index(fields=["channel", "-created_at"], name="purchase_origin_idx")]

    def __str__(self) -> str:
        return f"{self.order_id}: {self.channel}"


class CustomerContact(models.Model):
    """The phone a customer gave the call center (an account may have no address yet)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="callcenter_contact"
    )
    phone_number = models.CharField(_("phone"), max_length=20, db_index=True)

    def __str__(self) -> str:
        return self.phone_number


class CustomerNote(models.Model):
    """What was said on a call, for whoever takes the next one."""

    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="callcenter_notes",
        verbose_name=_("customer"),
    )
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("purchase"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("agent"),
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("call note")
        verbose_name_plural = _("call notes")
        indexes = [models.Index(fields=["customer", "-created_at"], name="customer_note_idx")]

    def __str__(self) -> str:
        return f"{self.customer_id} @ {self.created_at}"


class AuditAction(models.TextChoices):
    CUSTOMER_CREATED = "customer_created", _("Customer created")
    NOTE_ADDED = "note_added", _("Note added")
    ORDER_PLACED = "order_placed", _("Order placed by phone")
    ADDRESS_CHANGED = "address_changed", _("Delivery address changed")
    DELIVERY_CHANGED = "delivery_changed", _("Delivery option changed")
    PART_CANCELLED = "part_cancelled", _("Vendor order cancelled")
    LINE_CANCELLED = "line_cancelled", _("Line cancelled")
    REFUNDED = "refunded", _("Refund")
    CONFIRMATION_RESENT = "confirmation_resent", _("Confirmation resent")
    INVOICE_RESENT = "invoice_resent", _("Invoice resent")
    PAYMENT_LINK_SENT = "payment_link_sent", _("Payment link sent")
    CONVERSATION_READ = "conversation_read", _("Conversation read")


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValueError("audit entries are never changed")

    def delete(self):
        raise ValueError("audit entries are never deleted")


class AuditEntry(models.Model):
    """One action taken in the call-center console: who, for whom, on what, the state
    before and after, why, when. Append-only: saving an existing entry, updating or
    deleting raise, and no view edits them."""

    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("agent"),
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("customer"),
    )
    action = models.CharField(_("action"), max_length=24, choices=AuditAction.choices)
    object_type = models.CharField(_("object type"), max_length=40)
    object_id = models.CharField(_("object"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    reason = models.TextField(_("reason"), blank=True)
    before = models.JSONField(_("before"), encoder=DjangoJSONEncoder, default=dict)
    after = models.JSONField(_("after"), encoder=DjangoJSONEncoder, default=dict)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["agent", "-created_at"], name="audit_agent_idx"),
            models.Index(fields=["customer", "-created_at"], name="audit_customer_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.agent_id} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("audit entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("audit entries are never deleted")


class LineCancellation(models.Model):
    """A line of a vendor order cancelled before it shipped: its units went back to
    stock and its amount is no longer owed (or was refunded). One per line."""

    line = models.OneToOneField(
        "order.Line", on_delete=models.PROTECT, related_name="cancellation", verbose_name=_("line")
    )
    vendor_order = models.ForeignKey(
        "vendors.VendorOrder", on_delete=models.PROTECT, related_name="line_cancellations"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    refunded = models.DecimalField(_("refunded"), max_digits=12, decimal_places=2, default=0)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.line_id}: -{self.quantity}"


class AuditNotice(models.Model):
    """One row per audit entry whose e-mails went out: never two."""

    entry = models.OneToOneField(AuditEntry, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.entry_id} @ {self.created_at}"
