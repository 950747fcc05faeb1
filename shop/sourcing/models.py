"""A request ("solicitud"): what an actor needs, how much and by when, posted on the board
or sent to invited stores; and the stores' offers on it. An accepted offer becomes a
purchase like any other (shop/sourcing/awards.py)."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from shop.core.quantities import QUANTITY_DECIMALS, QUANTITY_DIGITS, QUANTITY_STEP


class Unit(models.TextChoices):
    KILOGRAM = "kg", _("kg")
    TONNE = "t", _("t")
    UNIT = "unit", _("units")
    LITRE = "l", _("litres")
    SQUARE_METRE = "m2", _("m²")
    HOUR = "hour", _("hours of service")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public board")
    INVITED = "invited", _("Invited stores only")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    AWARDED = "awarded", _("Awarded")
    CLOSED = "closed", _("Closed")
    EXPIRED = "expired", _("Expired")


class OfferStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not chosen")
    # Accepted, then its purchase was cancelled or rejected: the units are free again.
    CANCELLED = "cancelled", _("Purchase cancelled")


def sourcing_picture_path(request: "SourcingRequest", filename: str) -> str:
    return f"sourcing/{uuid.uuid4().hex}.png"


class SourcingRequest(models.Model):
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="sourcing_requests",
        verbose_name=_("requester"),
    )
    buyer_vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sourcing_requests",
        verbose_name=_("buying for"),
    )
    title = models.CharField(_("what you need"), max_length=120)
    description = models.TextField(_("details"), max_length=2000, blank=True)
    category = models.ForeignKey(
        "catalogue.Category",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("category"),
    )
    sector = models.ForeignKey(
        "vendors.Sector",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sourcing_requests",
        verbose_name=_("sector"),
    )
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=QUANTITY_DIGITS,
        decimal_places=QUANTITY_DECIMALS,
        validators=[MinValueValidator(QUANTITY_STEP)],
    )
    unit = models.CharField(_("unit"), max_length=8, choices=Unit.choices)
    target_price = models.DecimalField(
        _("target price per unit"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=12, default="CUP")
    needed_by = models.DateField(_("needed by"))
    municipality = models.ForeignKey(
        "logistics.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("delivery municipality"),
    )
    recurring = models.BooleanField(_("recurring need"), default=False)
    picture = models.ImageField(_("picture"), upload_to=sourcing_picture_path, blank=True)
    visibility = models.CharField(
        _("who sees it"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    invited_vendors = models.ManyToManyField(
        "vendors.Vendor",
        blank=True,
        related_name="sourcing_invitations",
        verbose_name=_("invited stores"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    # Quantity already awarded to accepted offers: changed only with the request locked.
    awarded_quantity = models.DecimalField(
        _("awarded quantity"),
        max_digits=QUANTITY_DIGITS,
        decimal_places=QUANTITY_DECIMALS,
        default=Decimal(0),
    )
    # The board's text search, as the products' (shop.apps.search.backends): the folded
    # title and text (lower case, no accents) searched on SQLite, the weighted vector
    # (title A, details C) under a GIN index on PostgreSQL.
    title_folded = models.CharField(max_length=120, editable=False, default="")
    text_folded = models.TextField(editable=False, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request for offers")
        verbose_name_plural = _("requests for offers")
        indexes = [
            models.Index(fields=["status", "-created_at"], name="sourcing_request_board_idx"),
            models.Index(fields=["status", "needed_by"], name="sourcing_request_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(awarded_quantity__lte=F("quantity")),
                name="sourcing_request_awarded_within_quantity",
            ),
            models.CheckConstraint(
                condition=Q(quantity__gt=0, awarded_quantity__gte=0),
                name="sourcing_request_quantity_above_zero",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def remaining_quantity(self) -> Decimal:
        return self.quantity - self.awarded_quantity

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN


class SourcingOffer(models.Model):
    request = models.ForeignKey(
        SourcingRequest, on_delete=models.CASCADE, related_name="offers", verbose_name=_("request")
    )
    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        related_name="sourcing_offers",
        verbose_name=_("store"),
    )
    price = models.DecimalField(
        _("price per unit"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    quantity = models.DecimalField(
        _("quantity you can supply"),
        max_digits=QUANTITY_DIGITS,
        decimal_places=QUANTITY_DECIMALS,
        validators=[MinValueValidator(QUANTITY_STEP)],
    )
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"))
    delivery_price = models.DecimalField(
        _("delivery price for this offer"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Empty: your delivery zones and pickup points apply."),
    )
    valid_until = models.DateField(_("valid until"))
    message = models.TextField(_("message"), max_length=1000, blank=True)
    stockrecord = models.ForeignKey(
        "partner.StockRecord",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("one of your products"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.SENT
    )
    accepted_quantity = models.DecimalField(
        _("accepted quantity"),
        max_digits=QUANTITY_DIGITS,
        decimal_places=QUANTITY_DECIMALS,
        null=True,
        blank=True,
    )
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("purchase"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    # When the store was told its offer was not chosen (once).
    not_chosen_told_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When both sides were told the award lapsed with its purchase (once).
    lapse_told_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["price", "pk"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            # A store answers a request once; it edits or withdraws that offer.
            models.UniqueConstraint(
                fields=["request", "vendor"], name="sourcing_offer_one_per_store"
            ),
            models.CheckConstraint(
                condition=Q(accepted_quantity__isnull=True)
                | Q(accepted_quantity__gt=0, accepted_quantity__lte=F("quantity")),
                name="sourcing_offer_accepted_within_quantity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vendor} · {self.request}"

    @property
    def is_editable(self) -> bool:
        return self.status in (OfferStatus.SENT, OfferStatus.WITHDRAWN)


class ConversationSubject(models.TextChoices):
    OFFER = "offer", _("An offer")
    PRODUCT = "product", _("A product")
    STORE = "store", _("The store")
    VENDOR_ORDER = "vendor_order", _("An order")


class Conversation(models.Model):
    """A thread between a buyer and a store about one thing: a store's offer on the
    buyer's request, one of the store's products, the store itself, or one of the
    buyer's orders from it. One thread per offer, per order, per buyer and product."""

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        related_name="conversations",
        verbose_name=_("store"),
    )
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="store_conversations",
        verbose_name=_("buyer"),
    )
    subject = models.CharField(_("about"), max_length=12, choices=ConversationSubject.choices)
    offer = models.OneToOneField(
        SourcingOffer,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversation",
        verbose_name=_("offer"),
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("product"),
    )
    vendor_order = models.OneToOneField(
        "vendors.VendorOrder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conversation",
        verbose_name=_("order"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(
                fields=["buyer", "vendor", "product"],
                condition=Q(subject="product"),
                name="conversation_one_per_product",
            ),
            models.UniqueConstraint(
                fields=["buyer", "vendor"],
                condition=Q(subject="store"),
                name="conversation_one_per_store",
            ),
            models.CheckConstraint(
                condition=(
                    Q(subject="offer", offer__isnull=False)
                    | Q(subject="product", product__isnull=False)
                    | Q(subject="vendor_order", vendor_order__isnull=False)
                    | Q(subject="store")
                ),
                name="conversation_subject_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_subject_display()} · {self.vendor_id} · {self.pk}"

    @property
    def title(self) -> str:
        """What the thread is about, as its inbox row names it."""
        if self.subject == ConversationSubject.OFFER:
            return self.offer.request.title
        if self.subject == ConversationSubject.PRODUCT:
            return self.product.title
        if self.subject == ConversationSubject.VENDOR_ORDER:
            return _("Order %(number)s") % {"number": self.vendor_order.number}
        return _("Question to the store")


class Message(models.Model):
    """One message of a conversation. Until there is a purchase between the buyer and
    the store, phone numbers and e-mails in it are hidden."""

    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("conversation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    from_store = models.BooleanField(_("written by the store"))
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # When the other side opened the conversation after it arrived.
    read_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the other side was told of it by e-mail (once).
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(
                fields=["conversation", "from_store", "read_at"], name="conversation_unread_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id} · {self.created_at:%Y-%m-%d %H:%M}"


class ConversationReport(models.Model):
    """Someone in a conversation reported it (or one message in it) to the operators,
    who may then read it; once per person and conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="reports")
    message = models.ForeignKey(
        Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("what is wrong"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "reporter"], name="conversation_report_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id} · {self.reporter_id}"


class NoticeTiming(models.TextChoices):
    DAILY = "daily", _("Once a day, all together")
    AT_ONCE = "at_once", _("At once, one by one")


class StoreFollowing(models.Model):
    """The sectors and provinces a store follows: it is told of every public request in
    them, besides those that match its own sectors, categories and zones; and how it is
    told (a daily digest by default, or each at once; by SMS too if it chose so)."""

    vendor = models.OneToOneField(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="sourcing_following"
    )
    sectors = models.ManyToManyField(
        "vendors.Sector", blank=True, related_name="+", verbose_name=_("sectors you follow")
    )
    provinces = models.ManyToManyField(
        "logistics.Province", blank=True, related_name="+", verbose_name=_("provinces you follow")
    )
    notice_timing = models.CharField(
        _("when you are told"),
        max_length=8,
        choices=NoticeTiming.choices,
        default=NoticeTiming.DAILY,
    )
    sms_notices = models.BooleanField(_("also by SMS to the store's phone"), default=False)

    def __str__(self) -> str:
        return str(self.vendor_id)


class SourcingNotice(models.Model):
    """A request matches a store: once per store and request. The store sees it on its
    requests page from `sent_at`, and is told by e-mail (and SMS) once: at once, or in
    the next daily digest (`mailed_at` says when)."""

    request = models.ForeignKey(SourcingRequest, on_delete=models.CASCADE, related_name="notices")
    vendor = models.ForeignKey("vendors.Vendor", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    mailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "vendor"], name="sourcing_notice_once")
        ]
        indexes = [
            models.Index(
                fields=["vendor"],
                condition=Q(mailed_at__isnull=True),
                name="sourcing_notice_unmailed_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.vendor_id} · {self.request_id}"
