from django.conf import settings
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
