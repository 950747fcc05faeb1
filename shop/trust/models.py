from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from shop.invoices.storage import private_storage


class DocumentKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    NIT_CERTIFICATE = "nit_certificate", _("NIT certificate")
    LICENCE = "licence", _("Licence")


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    VERIFIED = "verified", _("Verified")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REFUSED = "refused", _("Refused")


def vendor_document_path(document: "VendorDocument", filename: str) -> str:
    return f"vendor-documents/{document.vendor_id}/{document.kind}-{document.sha256[:16]}"


class VendorDocument(models.Model):
    """A paper proving who the store is, kept in private storage and served only to the
    store's owners and operators. Removed with its file when the badge is withdrawn or the
    store leaves."""

    vendor = models.ForeignKey("vendors.Vendor", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=vendor_document_path, storage=private_storage)
    content_type = models.CharField(max_length=40)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "-uploaded_at", "-id"]
        verbose_name = _("store document")
        verbose_name_plural = _("store documents")

    def __str__(self) -> str:
        return f"{self.vendor_id}: {self.get_kind_display()}"

    @property
    def extension(self) -> str:
        return "pdf" if self.content_type == "application/pdf" else "png"


class VendorVerification(models.Model):
    """Whether the store carries the "Verificado" badge, and who decided it, when, why."""

    vendor = models.OneToOneField(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="verification"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=VerificationStatus.choices,
        default=VerificationStatus.PENDING,
    )
    reason = models.TextField(_("reason"), blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("store verification")
        verbose_name_plural = _("store verifications")
        indexes = [models.Index(fields=["status", "requested_at"], name="trust_verif_status_idx")]

    def __str__(self) -> str:
        return f"{self.vendor_id}: {self.status}"

    @property
    def is_verified(self) -> bool:
        return self.status == VerificationStatus.VERIFIED


RATING_FIELDS = ("as_described", "delivery", "communication")


def _score(label):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class StoreReview(models.Model):
    """A buyer's rating of the store for one delivered part: as described, delivery and
    communication, 1 to 5; one per part. The store answers it once, in public."""

    vendor_order = models.OneToOneField(
        "vendors.VendorOrder", on_delete=models.CASCADE, related_name="store_review"
    )
    vendor = models.ForeignKey(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="store_reviews"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="store_reviews"
    )
    as_described = _score(_("as described"))
    delivery = _score(_("delivery"))
    communication = _score(_("communication"))
    body = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    is_published = models.BooleanField(default=True)
    removal_reason = models.TextField(blank=True)
    reply = models.TextField(_("the store's reply"), blank=True, max_length=2000)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("store review")
        verbose_name_plural = _("store reviews")
        indexes = [
            models.Index(fields=["vendor", "is_published", "-created_at"], name="trust_review_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    as_described__gte=1,
                    as_described__lte=5,
                    delivery__gte=1,
                    delivery__lte=5,
                    communication__gte=1,
                    communication__lte=5,
                ),
                name="trust_store_review_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.vendor_id}: {self.vendor_order_id}"

    @property
    def overall(self) -> Decimal:
        total = sum(getattr(self, name) for name in RATING_FIELDS)
        return (Decimal(total) / len(RATING_FIELDS)).quantize(Decimal("0.1"))


class StoreRating(models.Model):
    """The store's published reviews summed up, kept with every change, so a page that
    lists stores reads their ratings without counting reviews."""

    vendor = models.OneToOneField(
        "vendors.Vendor", on_delete=models.CASCADE, primary_key=True, related_name="rating"
    )
    review_count = models.PositiveIntegerField(default=0)
    as_described = models.DecimalField(max_digits=3, decimal_places=2, default=0)
    delivery = models.DecimalField(max_digits=3, decimal_places=2, default=0)
    communication = models.DecimalField(max_digits=3, decimal_places=2, default=0)
    overall = models.DecimalField(max_digits=3, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("store rating")
        verbose_name_plural = _("store ratings")

    def __str__(self) -> str:
        return f"{self.vendor_id}: {self.overall} ({self.review_count})"


class ProductReviewReply(models.Model):
    """The store's public answer to a review of one of its products."""

    review = models.OneToOneField(
        "reviews.ProductReview", on_delete=models.CASCADE, related_name="store_reply"
    )
    vendor = models.ForeignKey("vendors.Vendor", on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("the store's reply"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reply to a product review")
        verbose_name_plural = _("replies to product reviews")

    def __str__(self) -> str:
        return f"{self.review_id}"


class ReportOutcome(models.TextChoices):
    OPEN = "open", _("Waiting for an operator")
    REMOVED = "removed", _("Review removed")
    KEPT = "kept", _("Review kept")


class ReviewReport(models.Model):
    """A store asks an operator to remove an abusive review (of the store or of one of its
    products); the operator removes it or keeps it."""

    vendor = models.ForeignKey("vendors.Vendor", on_delete=models.CASCADE, related_name="+")
    store_review = models.ForeignKey(
        StoreReview, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    product_review = models.ForeignKey(
        "reviews.ProductReview",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="store_reports",
    )
    reason = models.TextField(_("why it should be removed"), max_length=2000)
    outcome = models.CharField(
        max_length=8, choices=ReportOutcome.choices, default=ReportOutcome.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("review report")
        verbose_name_plural = _("review reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(store_review__isnull=False, product_review__isnull=True)
                | models.Q(store_review__isnull=True, product_review__isnull=False),
                name="trust_report_one_review",
            ),
            models.UniqueConstraint(
                fields=["store_review"],
                condition=models.Q(outcome="open"),
                name="trust_report_open_store_review",
            ),
            models.UniqueConstraint(
                fields=["product_review"],
                condition=models.Q(outcome="open"),
                name="trust_report_open_product_review",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vendor_id}: {self.outcome}"

    @property
    def review(self):
        return self.store_review or self.product_review
