from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vendors.validators import nit_validate, phone_validate


class ActorType(models.TextChoices):
    MIPYME_PRIVATE = "mipyme_privada", _("Private MSME (MIPYME)")
    MIPYME_STATE = "mipyme_estatal", _("State MSME (MIPYME)")
    CNA = "cna", _("Non-agricultural cooperative (CNA)")
    CPA = "cpa", _("Agricultural production cooperative (CPA)")
    CCS = "ccs", _("Credit and services cooperative (CCS)")
    UBPC = "ubpc", _("Basic unit of cooperative production (UBPC)")
    TCP = "tcp", _("Self-employed worker (TCP)")
    PDL = "pdl", _("Local development project (PDL)")
    STATE_COMPANY = "empresa_estatal", _("State company")


class VendorStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    SUSPENDED = "suspended", _("Suspended")
    REJECTED = "rejected", _("Rejected")


class MembershipRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    STAFF = "staff", _("Staff")


class Sector(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return self.name


# (south, north, west, east) in degrees: Cuba with the Isla de la Juventud and its keys.
CUBA_BOUNDS = (19.8, 23.3, -85.0, -74.1)


def vendor_logo_path(vendor: "Vendor", filename: str) -> str:
    return f"vendors/logos/{vendor.slug}.png"


class Vendor(models.Model):
    """An economic actor on Encadena: the legal entity behind one of Oscar's partners
    (its store). One without a store (`has_store` false: a cooperative that only buys, a
    local development project seeking partners) is listed in the directory with its
    profile and sells nothing: it has no storefront and no products."""

    partner = models.OneToOneField(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="vendor",
        verbose_name=_("partner"),
    )
    actor_type = models.CharField(_("actor type"), max_length=20, choices=ActorType.choices)
    legal_name = models.CharField(_("legal name"), max_length=200)
    trade_name = models.CharField(_("trade name"), max_length=120)
    nit = models.CharField(_("NIT"), max_length=11, unique=True, validators=[nit_validate])
    sectors = models.ManyToManyField(Sector, related_name="vendors", verbose_name=_("sectors"))
    province = models.ForeignKey(
        "logistics.Province",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("province"),
    )
    municipality = models.ForeignKey(
        "logistics.Municipality",
        on_delete=models.PROTECT,
        related_name="vendors",
        verbose_name=_("municipality"),
    )
    address = models.CharField(_("address"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to=vendor_logo_path, blank=True)
    phone = models.CharField(_("phone"), max_length=20, validators=[phone_validate])
    email = models.EmailField(_("e-mail"))
    slug = models.SlugField(_("public address"), max_length=80, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=VendorStatus.choices, default=VendorStatus.APPLIED
    )
    status_reason = models.TextField(_("reason for the status"), blank=True)
    has_store = models.BooleanField(
        _("sells on Encadena"),
        default=True,
        help_text=_("Off: a profile in the directory only, without a store or products."),
    )
    # The directory's "what we offer / what we need": what it sells is `sectors` and
    # `offer_categories`; what it looks for, `need_sectors` and `need_categories`.
    offer_text = models.TextField(_("what we offer"), max_length=2000, blank=True)
    offer_categories = models.ManyToManyField(
        "catalogue.Category",
        blank=True,
        related_name="offering_vendors",
        verbose_name=_("categories we offer"),
    )
    need_text = models.TextField(_("what we need"), max_length=2000, blank=True)
    need_sectors = models.ManyToManyField(
        Sector, blank=True, related_name="needing_vendors", verbose_name=_("sectors we need")
    )
    need_categories = models.ManyToManyField(
        "catalogue.Category",
        blank=True,
        related_name="needing_vendors",
        verbose_name=_("categories we need"),
    )
    capacity = models.CharField(_("capacity"), max_length=200, blank=True)
    certifications = models.CharField(_("certifications"), max_length=300, blank=True)
    # Optional precise place on the map (otherwise its municipality's).
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    commission_percent = models.DecimalField(
        _("commission (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Empty: the platform's default commission applies."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["trade_name"]
        verbose_name = _("vendor")
        verbose_name_plural = _("vendors")
        indexes = [
            models.Index(fields=["status", "trade_name"], name="vendor_status_name_idx"),
            models.Index(fields=["status", "actor_type"], name="vendor_status_actor_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(commission_percent__isnull=True)
                | models.Q(commission_percent__gte=0, commission_percent__lte=100),
                name="vendor_commission_percent_range",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__gte=CUBA_BOUNDS[0],
                    latitude__lte=CUBA_BOUNDS[1],
                    longitude__gte=CUBA_BOUNDS[2],
                    longitude__lte=CUBA_BOUNDS[3],
                ),
                name="vendor_coordinates_in_cuba",
            ),
        ]

    def __str__(self) -> str:
        return self.trade_name

    @property
    def is_approved(self) -> bool:
        return self.status == VendorStatus.APPROVED


class MerchantAccountStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class VendorMerchantAccount(models.Model):
    """A store's own business account at a payment gateway that supports merchants
    (Capability.MERCHANT_ACCOUNTS). With PAYMENT_FUNDS_TO = "store", a purchase from this
    store alone paid through that gateway goes to this account instead of the platform's,
    once an operator approved it: a new or changed id waits for review, and until then
    the money goes to the platform's account."""

    vendor = models.ForeignKey(
        Vendor, on_delete=models.CASCADE, related_name="merchant_accounts", verbose_name=_("store")
    )
    gateway = models.CharField(_("payment gateway"), max_length=40)
    merchant_id = models.CharField(_("merchant id"), max_length=64)
    status = models.CharField(
        _("review"),
        max_length=10,
        choices=MerchantAccountStatus.choices,
        default=MerchantAccountStatus.PENDING,
    )
    # Why it was refused (the store reads it).
    reason = models.TextField(_("reason"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("merchant account")
        verbose_name_plural = _("merchant accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["vendor", "gateway"], name="vendor_merchant_account_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vendor} @ {self.gateway}: {self.merchant_id}"


class VendorStatusChange(models.Model):
    """The vendor's status history: append-only."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=12, choices=VendorStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=VendorStatus.choices)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("vendor status change")
        verbose_name_plural = _("vendor status changes")

    def __str__(self) -> str:
        return f"{self.vendor}: {self.from_status or '-'} → {self.to_status}"


class VendorMembership(models.Model):
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vendor_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vendor membership")
        verbose_name_plural = _("vendor memberships")
        constraints = [
            models.UniqueConstraint(fields=["vendor", "user"], name="vendor_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role}) @ {self.vendor}"


class VendorInvitation(models.Model):
    """An owner's invitation for someone to join the vendor's staff by e-mail."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.STAFF
    )
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("vendor invitation")
        verbose_name_plural = _("vendor invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.vendor}"


class StockMovementReason(models.TextChoices):
    INITIAL = "initial", _("Initial stock")
    ADJUSTMENT = "adjustment", _("Manual adjustment")
    IMPORT = "import", _("CSV import")
    ALLOCATION = "allocation", _("Allocated to an order")
    RELEASE = "release", _("Released from an order")
    CONSUMPTION = "consumption", _("Delivered")


class StockMovement(models.Model):
    """One change of a stock record's level: append-only, never edited."""

    stockrecord = models.ForeignKey(
        "partner.StockRecord",
        on_delete=models.CASCADE,
        related_name="movements",
        verbose_name=_("stock record"),
    )
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="stock_movements")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    reason = models.CharField(_("why"), max_length=20, choices=StockMovementReason.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    delta = models.IntegerField(_("change"))
    level_after = models.IntegerField(_("resulting level"))
    allocated_delta = models.IntegerField(_("change in units promised"), default=0)
    allocated_after = models.IntegerField(_("units promised after"), default=0)
    order_number = models.CharField(_("order"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        indexes = [
            models.Index(fields=["stockrecord", "-created_at"], name="stock_movement_record_idx")
        ]

    def __str__(self) -> str:
        return f"{self.stockrecord_id}: {self.delta:+d} → {self.level_after}"


class LowStockDigest(models.Model):
    """One row per vendor and day the low-stock e-mail went out: never two."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    products = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vendor", "day"], name="low_stock_digest_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.vendor} {self.day}: {self.products}"


class ProductModerationStatus(models.TextChoices):
    PENDING = "pending", _("Under review")
    APPROVED = "approved", _("Approved")
    REMOVED = "removed", _("Removed by an operator")


class ProductModeration(models.Model):
    """An operator's say on a store's product: a new store's first products wait for review
    (settings.PRODUCT_REVIEW_FIRST_PRODUCTS) and an operator removes any product with a
    reason the store reads. No row: the store publishes as it likes. While pending or
    removed the product is not public, whatever the store asks."""

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="moderation"
    )
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ProductModerationStatus.choices,
        default=ProductModerationStatus.PENDING,
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("product moderation")
        verbose_name_plural = _("product moderations")
        indexes = [models.Index(fields=["status", "created_at"], name="product_moderation_idx")]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.status}"


class VendorOrderStatus(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Pending payment")
    PLACED = "placed", _("Placed")
    ACCEPTED = "accepted", _("Accepted")
    READY = "ready", _("Ready")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    RETURNED = "returned", _("Returned")
    CANCELLED = "cancelled", _("Cancelled")
    REJECTED = "rejected", _("Rejected")


# Oscar's Line.status of a line cancelled before its part shipped (shop/callcenter): it no
# longer counts for the part's amount nor its stock.
LINE_CANCELLED = "cancelled"


class VendorOrder(models.Model):
    """One vendor's part of a purchase (an Oscar Order): its own number, status,
    delivery and, later, invoice and settlement. Vendors only ever work on these."""

    order = models.ForeignKey(
        "order.Order",
        on_delete=models.CASCADE,
        related_name="vendor_orders",
        verbose_name=_("order"),
    )
    vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, related_name="orders", verbose_name=_("vendor")
    )
    sequence = models.PositiveSmallIntegerField()
    number = models.CharField(_("number"), max_length=40, unique=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VendorOrderStatus.choices,
        default=VendorOrderStatus.PENDING_PAYMENT,
    )
    delivery_code = models.CharField(_("delivery method"), max_length=64, blank=True)
    delivery_name = models.CharField(_("delivery"), max_length=255, blank=True)
    delivery_charge = models.DecimalField(
        _("delivery charge"), max_digits=12, decimal_places=2, default=0
    )
    # The date the chosen delivery option promised at checkout (business days from then).
    estimated_delivery = models.DateField(_("estimated delivery"), null=True, blank=True)
    # Paid on its store's terms (a company's purchase, shop/companies): due after delivery
    # by a transfer of its own, outside what the purchase's payment takes or gives back.
    on_account = models.BooleanField(_("on account"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("vendor order")
        verbose_name_plural = _("vendor orders")
        constraints = [
            models.UniqueConstraint(fields=["order", "vendor"], name="vendor_order_one_per_vendor"),
            models.UniqueConstraint(fields=["order", "sequence"], name="vendor_order_sequence"),
        ]
        indexes = [
            models.Index(fields=["vendor", "status", "-created_at"], name="vendor_order_list_idx")
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def lines(self):
        """This vendor's lines of the purchase, and no other vendor's (cancelled lines left
        out)."""
        return self.order.lines.filter(partner_id=self.vendor.partner_id).exclude(
            status=LINE_CANCELLED
        )


class VendorOrderEvent(models.Model):
    """Each status change of a vendor order: who, when, from, to, why. Append-only."""

    vendor_order = models.ForeignKey(VendorOrder, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=VendorOrderStatus.choices)
    to_status = models.CharField(max_length=20, choices=VendorOrderStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_role = models.CharField(max_length=10)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.vendor_order}: {self.from_status} → {self.to_status}"


class PurchasePlacedNotice(models.Model):
    """One row per purchase whose "placed" e-mails (buyer and vendors) went out: never two."""

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.order_id} @ {self.created_at}"


class LedgerEntryKind(models.TextChoices):
    SALE = "sale", _("Sale")
    COMMISSION = "commission", _("Commission")
    REFUND = "refund", _("Refund")
    REFUND_COMMISSION = "refund_commission", _("Commission returned")
    CASH_COLLECTED = "cash_collected", _("Cash collected by the vendor")
    ON_ACCOUNT = "credit_sale", _("Sold on account, not paid yet")
    ACCOUNT_PAID = "account_paid", _("Paid on account")
    PAYOUT = "payout", _("Payout")
    ADJUSTMENT = "adjustment", _("Adjustment")


class Payout(models.Model):
    """Money the platform paid a vendor: recorded with its ledger entry, never edited."""

    vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, related_name="payouts", verbose_name=_("vendor")
    )
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=12)
    reference = models.CharField(_("reference"), max_length=128)
    transfer_reference = models.CharField(_("transfer reference"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payout_amount_positive"),
            models.UniqueConstraint(fields=["vendor", "reference"], name="payout_reference_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.vendor}: {self.amount} {self.currency} ({self.reference})"


class VendorLedgerEntry(models.Model):
    """One movement of what the platform owes a vendor: positive, the platform owes
    more; negative, less (or the vendor owes the platform). Append-only: a mistake is
    corrected by another entry. `idempotency_key` makes the same event, recorded
    twice, one entry."""

    vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, related_name="ledger_entries", verbose_name=_("vendor")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LedgerEntryKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=12)
    vendor_order = models.ForeignKey(
        VendorOrder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
        verbose_name=_("vendor order"),
    )
    payout = models.ForeignKey(
        Payout,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("payout"),
    )
    idempotency_key = models.CharField(max_length=200, unique=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("vendor ledger entry")
        verbose_name_plural = _("vendor ledger entries")
        indexes = [
            models.Index(
                fields=["vendor", "currency", "-created_at"], name="vendor_ledger_entry_idx"
            )
        ]
        constraints = [
            # Each kind moves the balance one way only; cash and adjustments either way.
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[LedgerEntryKind.SALE, LedgerEntryKind.REFUND_COMMISSION],
                    amount__gte=0,
                )
                | models.Q(
                    kind__in=[LedgerEntryKind.COMMISSION, LedgerEntryKind.REFUND], amount__lte=0
                )
                | models.Q(kind=LedgerEntryKind.PAYOUT, amount__lt=0, payout__isnull=False)
                | models.Q(kind__in=[LedgerEntryKind.CASH_COLLECTED, LedgerEntryKind.ADJUSTMENT])
                | models.Q(kind=LedgerEntryKind.ON_ACCOUNT, amount__lt=0)
                | models.Q(kind=LedgerEntryKind.ACCOUNT_PAID, amount__gt=0),
                name="vendor_ledger_entry_sign",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vendor_id} {self.kind}: {self.amount:+} {self.currency}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("ledger entries are append-only: record a correcting entry")
        super().save(*args, **kwargs)
