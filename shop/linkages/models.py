"""A deal ("negocio"): one trade between two economic actors, whether it went through the
platform (a store's part of a purchase whose buyer is an actor, an awarded request) or
was closed elsewhere and declared by one side and confirmed by the other. The public
figures are read from `LinkageFigure`, rebuilt from the deals that count by a task."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DealSource(models.TextChoices):
    PURCHASE = "purchase", _("Purchase on the platform")
    SOURCING = "sourcing", _("Awarded request")
    DECLARED = "declared", _("Declared by the actors")


class DealChannel(models.TextChoices):
    """Where a declared deal was closed."""

    FAIR = "feria", _("At a fair or event")
    PHONE = "telefono", _("By phone")
    OTHER = "otro", _("Elsewhere")


class DealStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the other side")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Not recognised by the other side")
    # A declared deal later placed on the platform: the platform's record counts instead.
    MERGED = "merged", _("Placed on the platform")
    # A platform deal that no longer counts: cancelled, returned or refunded in full.
    VOID = "void", _("Undone")


class AmountBand(models.TextChoices):
    """Amounts are published as bands only (CUP): no figure identifies one deal."""

    UP_TO_10K = "0-10k", _("up to 10,000")
    UP_TO_50K = "10k-50k", _("10,000 to 50,000")
    UP_TO_250K = "50k-250k", _("50,000 to 250,000")
    UP_TO_1M = "250k-1m", _("250,000 to 1,000,000")
    OVER_1M = "1m+", _("over 1,000,000")


# Upper bound of each band (the last has none), in the order above.
BAND_LIMITS = (
    (Decimal("10000"), AmountBand.UP_TO_10K),
    (Decimal("50000"), AmountBand.UP_TO_50K),
    (Decimal("250000"), AmountBand.UP_TO_250K),
    (Decimal("1000000"), AmountBand.UP_TO_1M),
)
# What a declared deal in a band adds to the operators' amounts: the band's middle.
BAND_MIDDLE = {
    AmountBand.UP_TO_10K: Decimal("5000"),
    AmountBand.UP_TO_50K: Decimal("30000"),
    AmountBand.UP_TO_250K: Decimal("150000"),
    AmountBand.UP_TO_1M: Decimal("625000"),
    AmountBand.OVER_1M: Decimal("1000000"),
}

# A buyer that gave a NIT and is not one of our actors: its type is not known.
UNKNOWN_ACTOR_TYPE = "con_nit"


def amount_band(amount: Decimal) -> str:
    for limit, band in BAND_LIMITS:
        if amount <= limit:
            return band
    return AmountBand.OVER_1M


class Event(models.Model):
    """A fair or business event: actors sign up as exhibitors, and the deals closed there
    are declared with it, so it has its own count (the Havana fair's 1,620)."""

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    municipality = models.ForeignKey(
        "logistics.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    place = models.CharField(_("place"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    exhibitors = models.ManyToManyField(
        "vendors.Vendor", blank=True, related_name="events", verbose_name=_("exhibitors")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Deal(models.Model):
    source = models.CharField(_("source"), max_length=10, choices=DealSource.choices)
    channel = models.CharField(
        _("where it was closed"), max_length=10, choices=DealChannel.choices, blank=True
    )
    status = models.CharField(_("status"), max_length=10, choices=DealStatus.choices)
    # The one field the figures read: the deal counts now (confirmed, not merged, not undone).
    counts = models.BooleanField(_("counts"), default=False)
    seller = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        related_name="deals_sold",
        verbose_name=_("seller"),
    )
    buyer_vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deals_bought",
        verbose_name=_("buyer"),
    )
    # A buyer that is an actor but not on Encadena: its NIT (never published).
    buyer_nit = models.CharField(_("buyer's NIT"), max_length=11, blank=True)
    seller_actor_type = models.CharField(max_length=20)
    buyer_actor_type = models.CharField(max_length=20)
    seller_province = models.ForeignKey(
        "logistics.Province", on_delete=models.PROTECT, related_name="+"
    )
    buyer_province = models.ForeignKey(
        "logistics.Province", on_delete=models.PROTECT, related_name="+"
    )
    sector = models.ForeignKey(
        "vendors.Sector",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    # Exact for a platform deal (what is left of it after refunds); declared deals give a band.
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, null=True)
    amount_band = models.CharField(_("amount"), max_length=10, choices=AmountBand.choices)
    currency = models.CharField(max_length=12, default="CUP")
    date = models.DateField(_("date"))
    vendor_order = models.OneToOneField(
        "vendors.VendorOrder",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deal",
    )
    declared_by = models.ForeignKey(
        "vendors.Vendor", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    declared_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("what was traded"), max_length=200, blank=True)
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deals",
        verbose_name=_("event"),
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_declarations"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("deal")
        verbose_name_plural = _("deals")
        indexes = [
            models.Index(fields=["counts", "date"], name="deal_counts_date_idx"),
            models.Index(fields=["seller", "buyer_vendor", "status"], name="deal_pair_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(counts=False) | Q(status=DealStatus.CONFIRMED),
                name="deal_counts_only_confirmed",
            ),
            models.CheckConstraint(
                condition=Q(source=DealSource.DECLARED, vendor_order__isnull=True)
                | ~Q(source=DealSource.DECLARED) & Q(vendor_order__isnull=False),
                name="deal_platform_has_its_part",
            ),
            models.CheckConstraint(
                condition=~Q(buyer_vendor=models.F("seller")), name="deal_two_actors"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seller_id} → {self.buyer_vendor_id or self.buyer_nit} ({self.date})"


class FigureScope(models.TextChoices):
    TOTAL = "total", _("Overall")
    MONTH = "month", _("By month")
    PROVINCES = "provinces", _("Province to province")
    ACTOR_TYPES = "actor_types", _("Actor type to actor type")
    SECTOR = "sector", _("By sector")
    BAND = "band", _("By amount band")
    # For the map: deals touching a province (key_from, its code) through an actor of a
    # type and in a sector (key_to "type|sector", "*" for any); a deal counts once a key.
    PLACE = "place", _("By place, actor type and sector")
    # The same by municipality (key_from, its code), through the actors on Encadena (a
    # buyer known only by its NIT or company account has no municipality here).
    MUNICIPALITY = "municipality", _("By municipality, actor type and sector")


# The figures only the map reads: not on the linkages page nor in the open data.
MAP_SCOPES = (FigureScope.PLACE, FigureScope.MUNICIPALITY)


class LinkageFigure(models.Model):
    """One pre-computed figure of the linkages page and the open data: `scope` says what
    `key_from` / `key_to` are (a month "2026-11", province codes, actor types, a sector
    slug). Rebuilt whole by `linkage_figures_refresh`, never edited."""

    scope = models.CharField(max_length=12, choices=FigureScope.choices)
    key_from = models.CharField(max_length=80, blank=True)
    key_to = models.CharField(max_length=80, blank=True)
    label_from = models.CharField(max_length=120, blank=True)
    label_to = models.CharField(max_length=120, blank=True)
    deals = models.PositiveIntegerField()
    actors = models.PositiveIntegerField(default=0)
    amount = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["scope", "key_from", "key_to"]

    def __str__(self) -> str:
        return f"{self.scope} {self.key_from}→{self.key_to}: {self.deals}"


class InitiativeKind(models.TextChoices):
    CLUSTER = "cluster", _("Cluster")
    LOCAL_DEVELOPMENT = "pdl", _("Local development project")
    CHAIN = "cadena", _("Production chain")
    COOPERATIVE_UNION = "union", _("Union of cooperatives")


class InitiativeStatus(models.TextChoices):
    APPLIED = "applied", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Initiative(models.Model):
    """A cluster, local development project, production chain or union of cooperatives:
    registered by its coordinating actor, published once an operator approves it, with
    the actors that confirmed they are members and their combined figures."""

    kind = models.CharField(_("kind"), max_length=10, choices=InitiativeKind.choices)
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    coordinator = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        related_name="coordinated_initiatives",
        verbose_name=_("coordinator"),
    )
    description = models.TextField(_("description"), max_length=3000)
    province = models.ForeignKey(
        "logistics.Province",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("territory"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.APPLIED,
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.name


class InitiativeMember(models.Model):
    """An actor invited by the coordinator; a member once it confirms."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="members")
    vendor = models.ForeignKey(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="initiative_memberships"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["initiative", "vendor"], name="initiative_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.vendor_id} @ {self.initiative_id}"
