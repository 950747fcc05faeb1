"""Access to the API: keys (a store's, with scopes; a person's own) kept only as a hash,
and the answers to writes sent with an Idempotency-Key, so a retry gets the same answer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What a store's key may do. A personal key reads its owner's own purchases."""

    CATALOGUE_READ = "catalogue:read", _("Read the store's products and stock")
    STOCK_WRITE = "stock:write", _("Set and adjust stock")
    ORDERS_READ = "orders:read", _("Read the store's orders")
    ORDERS_WRITE = "orders:write", _("Accept, reject, prepare and cancel orders")
    SHIPMENTS_WRITE = "shipments:write", _("Ship orders and record tracking steps")
    INVOICES_READ = "invoices:read", _("Read invoices and download their PDFs")
    OFFERS_READ = "offers:read", _("Read the store's offers and conversations")
    OFFERS_WRITE = "offers:write", _("Send offers and answer in their conversations")


STORE_SCOPES = frozenset(Scope.values)
PURCHASES_READ = "purchases:read"


class ApiKey(models.Model):
    """A secret shown once at creation; only its sha256 is kept. A store key (vendor set)
    acts for its store with `scopes`, as the member who created it; a personal key
    (vendor empty) reads its user's own purchases."""

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="api_keys",
        null=True,
        blank=True,
        verbose_name=_("store"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("created by"),
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("prefix"), max_length=12, unique=True)
    hashed_secret = models.CharField(max_length=64)
    scopes = models.JSONField(_("scopes"), default=list)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class IdempotentResponse(models.Model):
    """The first answer to a creating write sent with an Idempotency-Key. A row without
    a status is a request still being answered."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True)
    body = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["api_key", "key"], name="api_idempotency_unique")
        ]

    def __str__(self):
        return self.key
