"""Company accounts: a company (legal name, NIT, type of actor), its members with their
roles, invitations, addresses; the purchases made as the company and their approval;
the terms a store grants a company (days and credit limit) and what is owed on them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vendors.models import ActorType
from vendors.validators import nit_validate, phone_validate


class CompanyRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    BUYER = "buyer", _("Buyer")
    APPROVER = "approver", _("Approver")
    ACCOUNTANT = "accountant", _("Accountant")


# Who may do what, once: every page and service asks these sets.
BUYING_ROLES = frozenset({CompanyRole.OWNER, CompanyRole.BUYER, CompanyRole.APPROVER})
APPROVING_ROLES = frozenset({CompanyRole.OWNER, CompanyRole.APPROVER})
# Orders and addresses; the accountant sees only invoices and statements.
ORDER_ROLES = BUYING_ROLES
DOCUMENT_ROLES = frozenset(CompanyRole.values)


class Company(models.Model):
    """A business that buys on Encadena: its purchases, addresses and documents belong
    to it, not to the member who made them. `vendor` links it to the store it is (a
    store buying as itself)."""

    legal_name = models.CharField(_("legal name"), max_length=160)
    nit = models.CharField(_("NIT"), max_length=11, unique=True, validators=[nit_validate])
    actor_type = models.CharField(_("actor type"), max_length=20, choices=ActorType.choices)
    vendor = models.OneToOneField(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="company",
        verbose_name=_("store"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["legal_name", "pk"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    def __str__(self) -> str:
        return self.legal_name


class CompanyMember(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_memberships"
    )
    role = models.CharField(_("role"), max_length=12, choices=CompanyRole.choices)
    # A purchase above it waits for an approver; empty: no limit.
    spending_limit = models.DecimalField(
        _("spending limit"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("company member")
        verbose_name_plural = _("company members")
        constraints = [
            models.UniqueConstraint(fields=["company", "user"], name="company_member_once"),
            models.CheckConstraint(
                condition=models.Q(spending_limit__isnull=True) | models.Q(spending_limit__gte=0),
                name="company_member_limit_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role}) @ {self.company}"


class CompanyInvitation(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=12, choices=CompanyRole.choices)
    spending_limit = models.DecimalField(
        _("spending limit"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("company invitation")
        verbose_name_plural = _("company invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.company}"


class CompanyAddress(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="addresses")
    name = models.CharField(_("name"), max_length=80, help_text=_("e.g. Warehouse, Main office"))
    line1 = models.CharField(_("street and number"), max_length=255)
    municipality = models.ForeignKey(
        "logistics.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    phone = models.CharField(_("phone"), max_length=20, validators=[phone_validate])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("company address")
        verbose_name_plural = _("company addresses")

    def __str__(self) -> str:
        return f"{self.name}: {self.line1}"


class ApprovalStatus(models.TextChoices):
    NOT_NEEDED = "not_needed", _("No approval needed")
    WAITING = "waiting", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    EXPIRED = "expired", _("Not approved in time")


class CompanyPurchase(models.Model):
    """A purchase made as the company: every member with the right role sees it. One
    above its buyer's spending limit waits for an approver until `approval_deadline`,
    its stock promised and its payment not started."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.PROTECT, related_name="company_purchase"
    )
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="purchases")
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approval_status = models.CharField(_("approval"), max_length=12, choices=ApprovalStatus.choices)
    # The method chosen at checkout: a held purchase's payment is asked for on approval.
    payment_method = models.CharField(_("payment method"), max_length=40)
    approval_deadline = models.DateTimeField(_("approve before"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("company purchase")
        verbose_name_plural = _("company purchases")
        indexes = [
            models.Index(
                fields=["approval_status", "approval_deadline"], name="company_purchase_waiting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order_id} @ {self.company}"


class CreditTerms(models.Model):
    """A store's terms for one company: parts bought on account are due `days` after
    delivery, and what is owed at once never passes `credit_limit`. `used` is what is
    owed now, changed only by guarded updates (services.credit_reserve)."""

    vendor = models.ForeignKey(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="credit_terms"
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="credit_terms")
    days = models.PositiveSmallIntegerField(_("days to pay"))
    credit_limit = models.DecimalField(_("credit limit"), max_digits=12, decimal_places=2)
    used = models.DecimalField(_("owed now"), max_digits=12, decimal_places=2, default=0)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["company__legal_name", "pk"]
        verbose_name = _("credit terms")
        verbose_name_plural = _("credit terms")
        constraints = [
            models.UniqueConstraint(fields=["vendor", "company"], name="credit_terms_once"),
            models.CheckConstraint(
                condition=models.Q(used__gte=0), name="credit_used_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(credit_limit__gte=0), name="credit_limit_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vendor} → {self.company}: {self.days}"

    @property
    def available(self):
        return max(self.credit_limit - self.used, 0)


class CreditCharge(models.Model):
    """One vendor part bought on account: owed from its delivery (`due_on` is set then)
    until its transfer is confirmed (`paid_at`), or released if the part is cancelled."""

    terms = models.ForeignKey(CreditTerms, on_delete=models.PROTECT, related_name="charges")
    vendor_order = models.OneToOneField(
        "vendors.VendorOrder", on_delete=models.PROTECT, related_name="credit_charge"
    )
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    released_at = models.DateTimeField(null=True, blank=True)
    reminded_before_at = models.DateTimeField(null=True, blank=True)
    reminded_after_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("charge on account")
        verbose_name_plural = _("charges on account")
        indexes = [models.Index(fields=["paid_at", "due_on"], name="credit_charge_open_due")]

    def __str__(self) -> str:
        return f"{self.vendor_order_id}: {self.amount}"


class PriceList(models.Model):
    """A store's own prices for the companies it grants them to: they pay its prices
    (per unit, from a quantity on) instead of the public ones and the public tiers."""

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="company_price_lists",
        verbose_name=_("store"),
    )
    name = models.CharField(_("name"), max_length=80)
    companies = models.ManyToManyField(
        Company, related_name="price_lists", blank=True, verbose_name=_("companies")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("price list")
        verbose_name_plural = _("price lists")

    def __str__(self) -> str:
        return self.name


class PriceListPrice(models.Model):
    """From `min_quantity` units on, one unit of the stock record costs `price` for the
    list's companies."""

    price_list = models.ForeignKey(PriceList, on_delete=models.CASCADE, related_name="prices")
    stockrecord = models.ForeignKey(
        "partner.StockRecord", on_delete=models.CASCADE, related_name="+"
    )
    min_quantity = models.PositiveIntegerField(_("from quantity"), default=1)
    price = models.DecimalField(_("unit price"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["price_list_id", "stockrecord_id", "min_quantity"]
        verbose_name = _("price list price")
        verbose_name_plural = _("price list prices")
        constraints = [
            models.UniqueConstraint(
                fields=["price_list", "stockrecord", "min_quantity"],
                name="company_price_list_unique_break",
            ),
            models.CheckConstraint(
                condition=models.Q(min_quantity__gte=1) & models.Q(price__gte=0),
                name="company_price_list_price_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stockrecord_id}: {self.min_quantity}+ @ {self.price}"
