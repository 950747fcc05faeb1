"""National carriers (a postal service, an interprovincial parcel service): what the
operators configure for each one and what a store chose.

The connection (webhook secret, label) is the carrier's entry in
`settings.SHIPPING_CARRIERS`, whose name is `NationalCarrier.code`; the commercial
side lives here: a rate table by origin province × destination province × weight band,
a per-parcel minimum, the points where stores hand parcels over and buyers collect
them, and which stores send through it."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from logistics.models import Municipality, Province


class NationalCarrier(models.Model):
    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("The carrier's name in SHIPPING_CARRIERS (its adapter and secret)."),
    )
    name = models.CharField(_("name"), max_length=80)
    minimum_charge = models.DecimalField(
        _("minimum per parcel"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    # Days between the order and the parcel leaving the store (drop-off), before transit.
    handling_days = models.PositiveSmallIntegerField(_("handling days"), default=1)
    allows_consolidation = models.BooleanField(
        _("combines parcels"),
        default=False,
        help_text=_(
            "Parcels from one province to one buyer may travel as one shipment, "
            "priced on their combined weight."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("national carrier")
        verbose_name_plural = _("national carriers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_charge__gte=0), name="national_carrier_minimum_gte_0"
            )
        ]

    def __str__(self) -> str:
        return self.name


class NationalRate(models.Model):
    """What a parcel of up to `max_weight_kg` costs from `origin` to `destination`, and
    how many business days it travels. A parcel takes the lightest band it fits in."""

    carrier = models.ForeignKey(
        NationalCarrier, on_delete=models.CASCADE, related_name="rates", verbose_name=_("carrier")
    )
    origin = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("origin province")
    )
    destination = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("destination province"),
    )
    max_weight_kg = models.DecimalField(
        _("up to (kg)"), max_digits=7, decimal_places=3, validators=[MinValueValidator(0)]
    )
    price = models.DecimalField(
        _("price"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    transit_days = models.PositiveSmallIntegerField(_("transit days"))

    class Meta:
        ordering = ["carrier", "origin__code", "destination__code", "max_weight_kg"]
        verbose_name = _("national rate")
        verbose_name_plural = _("national rates")
        constraints = [
            models.UniqueConstraint(
                fields=["carrier", "origin", "destination", "max_weight_kg"],
                name="national_rate_band_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(price__gte=0, max_weight_kg__gt=0),
                name="national_rate_amounts_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["carrier", "destination", "origin"], name="national_rate_route")
        ]

    def __str__(self) -> str:
        return f"{self.carrier}: {self.origin} → {self.destination} ≤ {self.max_weight_kg} kg"


class PointKind(models.TextChoices):
    DROP_OFF = "drop_off", _("Drop-off point (stores hand parcels over)")
    PICKUP = "pickup", _("Pickup point (buyers collect)")
    BOTH = "both", _("Drop-off and pickup")


class NationalPoint(models.Model):
    carrier = models.ForeignKey(
        NationalCarrier, on_delete=models.CASCADE, related_name="points", verbose_name=_("carrier")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PointKind.choices)
    name = models.CharField(_("name"), max_length=80)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    address = models.CharField(_("address"), max_length=255)
    hours = models.CharField(_("opening hours"), max_length=160)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["carrier", "municipality__province__code", "name", "id"]
        verbose_name = _("carrier point")
        verbose_name_plural = _("carrier points")
        constraints = [
            models.UniqueConstraint(
                fields=["carrier", "municipality", "name"], name="national_point_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class StoreCarrier(models.Model):
    """A store sends through a national carrier (its parts are offered the carrier's
    home delivery to any municipality the table reaches)."""

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="national_carriers",
        verbose_name=_("store"),
    )
    carrier = models.ForeignKey(
        NationalCarrier, on_delete=models.CASCADE, related_name="stores", verbose_name=_("carrier")
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["carrier", "id"]
        verbose_name = _("store carrier")
        verbose_name_plural = _("store carriers")
        constraints = [
            models.UniqueConstraint(fields=["vendor", "carrier"], name="store_carrier_once")
        ]

    def __str__(self) -> str:
        return f"{self.vendor} · {self.carrier}"


class Consolidation(models.Model):
    """Parts of one purchase the buyer chose to send as one combined shipment: the
    carrier carries their parcels together under one code, and a step it reports for
    that code moves every part in it. Each part keeps its own share of the price."""

    carrier = models.ForeignKey(
        NationalCarrier,
        on_delete=models.PROTECT,
        related_name="consolidations",
        verbose_name=_("carrier"),
    )
    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="+", verbose_name=_("order")
    )
    code = models.CharField(_("combined shipment code"), max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("combined shipment")
        verbose_name_plural = _("combined shipments")

    def __str__(self) -> str:
        return self.code


class ConsolidatedPart(models.Model):
    consolidation = models.ForeignKey(Consolidation, on_delete=models.CASCADE, related_name="parts")
    vendor_order = models.OneToOneField(
        "vendors.VendorOrder", on_delete=models.CASCADE, related_name="consolidated_part"
    )

    class Meta:
        ordering = ["vendor_order__sequence", "id"]

    def __str__(self) -> str:
        return f"{self.consolidation} · {self.vendor_order}"
