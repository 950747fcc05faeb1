from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    """A province, or the special municipality Isla de la Juventud (which the
    law places outside any province; here it is its own top-level unit)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=64, unique=True)
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    is_special_municipality = models.BooleanField(_("special municipality"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("code"), max_length=4, unique=True)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("province"),
    )
    name = models.CharField(_("name"), max_length=64)
    slug = models.SlugField(_("slug"), max_length=64)

    class Meta:
        ordering = ["province__code", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="municipality_name_unique"),
            models.UniqueConstraint(fields=["province", "slug"], name="municipality_slug_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.province.name})"


class DeliveryZone(models.Model):
    """Where a vendor delivers to the door and what it charges: whole provinces
    and/or single municipalities, a flat price plus an optional price per kg,
    and a minimum order below which the vendor does not deliver."""

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="delivery_zones",
        verbose_name=_("vendor"),
    )
    name = models.CharField(_("name"), max_length=80)
    provinces = models.ManyToManyField(
        Province, blank=True, related_name="+", verbose_name=_("whole provinces")
    )
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="+", verbose_name=_("municipalities")
    )
    price = models.DecimalField(
        _("price"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    price_per_kg = models.DecimalField(
        _("price per kg"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    minimum_order = models.DecimalField(
        _("minimum order"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["vendor", "price", "id"]
        verbose_name = _("delivery zone")
        verbose_name_plural = _("delivery zones")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price__gte=0, price_per_kg__gte=0, minimum_order__gte=0),
                name="delivery_zone_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PickupPoint(models.Model):
    """A place where buyers collect a vendor's orders."""

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="pickup_points",
        verbose_name=_("vendor"),
    )
    name = models.CharField(_("name"), max_length=80)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    address = models.CharField(_("address"), max_length=255)
    hours = models.CharField(_("opening hours"), max_length=160)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["vendor", "name", "id"]
        verbose_name = _("pickup point")
        verbose_name_plural = _("pickup points")

    def __str__(self) -> str:
        return self.name


class TrackingStatus(models.TextChoices):
    """One vocabulary for every carrier: adapters translate theirs into this."""

    PENDING = "pending", _("Pending")
    INFO_RECEIVED = "info_received", _("Information received")
    PICKED_UP = "picked_up", _("Picked up")
    IN_TRANSIT = "in_transit", _("In transit")
    OUT_FOR_DELIVERY = "out_for_delivery", _("Out for delivery")
    AVAILABLE_FOR_PICKUP = "available_for_pickup", _("Available for pickup")
    ATTEMPT_FAILED = "attempt_failed", _("Delivery attempt failed")
    DELAYED = "delayed", _("Delayed")
    EXCEPTION = "exception", _("Problem")
    RETURNING = "returning", _("Returning to the sender")
    DELIVERED = "delivered", _("Delivered")
    RETURNED = "returned", _("Returned to the sender")
    CANCELLED = "cancelled", _("Cancelled")


TERMINAL_STATUSES = frozenset(
    {TrackingStatus.DELIVERED, TrackingStatus.RETURNED, TrackingStatus.CANCELLED}
)


class TrackingSource(models.TextChoices):
    VENDOR = "vendor", _("Store")
    COURIER = "courier", _("Courier")
    CARRIER = "carrier", _("Carrier")


class Shipment(models.Model):
    """A parcel (or a set of parcels travelling together) of one vendor order, in a
    carrier's hands. A vendor order may travel as several shipments. The current
    status is the latest tracking event by the carrier's time; a terminal one is
    never left."""

    vendor_order = models.ForeignKey(
        "vendors.VendorOrder",
        on_delete=models.PROTECT,
        related_name="shipments",
        verbose_name=_("vendor order"),
    )
    carrier = models.CharField(_("carrier"), max_length=40)
    tracking_code = models.CharField(_("tracking code"), max_length=64, unique=True)
    parcels = models.PositiveSmallIntegerField(
        _("parcels"), default=1, validators=[MinValueValidator(1)]
    )
    weight_kg = models.DecimalField(
        _("weight (kg)"),
        max_digits=8,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    estimated_delivery = models.DateField(_("estimated delivery"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=24, choices=TrackingStatus.choices, default=TrackingStatus.PENDING
    )
    status_at = models.DateTimeField(_("status time"), null=True, blank=True)
    # What the courier confirmed it collected from the buyer (cash on delivery).
    cash_collected = models.DecimalField(
        _("cash collected"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # What the buyer owed on the delivery that completed a cash-on-delivery part (what the
    # ledgers record as collected); a different or missing `cash_collected` needs a person.
    cash_due = models.DecimalField(
        _("cash due"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # Part of the courier link's signature: raising it revokes the links handed out.
    courier_link_revision = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        indexes = [models.Index(fields=["status", "status_at"], name="shipment_status_idx")]

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES


class TrackingEvent(models.Model):
    """One step of a shipment as the carrier (or the vendor's courier) reported it.
    Append-only; the same step reported twice has the same fingerprint and is
    stored once."""

    shipment = models.ForeignKey(
        Shipment, on_delete=models.CASCADE, related_name="events", verbose_name=_("shipment")
    )
    status = models.CharField(_("status"), max_length=24, choices=TrackingStatus.choices)
    occurred_at = models.DateTimeField(_("time"))
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    fingerprint = models.CharField(max_length=64, unique=True)
    carrier_event_id = models.CharField(_("carrier's event id"), max_length=128, blank=True)
    source = models.CharField(
        _("recorded by"),
        max_length=10,
        choices=TrackingSource.choices,
        default=TrackingSource.CARRIER,
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        verbose_name = _("tracking event")
        verbose_name_plural = _("tracking events")

    def __str__(self) -> str:
        return f"{self.shipment}: {self.status} @ {self.occurred_at}"


class ShipmentNotice(models.Model):
    """One row per (shipment, status, delivery round) the buyer was told about, written
    in the transaction that recorded the status: however often the event arrives, one
    notice. The round counts the failed attempts before it, so a second "out for
    delivery" after a failed attempt is news again."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="notices")
    status = models.CharField(max_length=24, choices=TrackingStatus.choices)
    round = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["shipment", "status", "round"], name="shipment_notice_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.shipment}: {self.status}"
