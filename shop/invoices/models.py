from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from shop.invoices.storage import private_storage

series_prefix_validator = RegexValidator(
    r"^[A-Z0-9]{1,8}$", _("Use 1 to 8 capital letters or digits.")
)


class DocumentKind(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    CREDIT_NOTE = "credit_note", _("Credit note")


class RenderState(models.TextChoices):
    PENDING = "pending", _("Pending")
    RENDERED = "rendered", _("Rendered")
    FAILED = "failed", _("Failed")


class PaperSize(models.TextChoices):
    A4 = "a4", _("A4")
    LETTER = "letter", _("Letter")


class InvoiceSettings(models.Model):
    """A vendor's invoicing choices. A vendor without a row uses the defaults."""

    DEFAULT_INVOICE_PREFIX = "F"
    DEFAULT_CREDIT_NOTE_PREFIX = "NC"

    vendor = models.OneToOneField(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="invoice_settings",
        verbose_name=_("vendor"),
    )
    invoice_prefix = models.CharField(
        _("invoice series prefix"),
        max_length=8,
        default=DEFAULT_INVOICE_PREFIX,
        validators=[series_prefix_validator],
    )
    credit_note_prefix = models.CharField(
        _("credit note series prefix"),
        max_length=8,
        default=DEFAULT_CREDIT_NOTE_PREFIX,
        validators=[series_prefix_validator],
    )
    tax_percent = models.DecimalField(
        _("tax rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Included in the prices. 0: the invoice shows no tax."),
    )
    paper_size = models.CharField(
        _("paper size"), max_length=8, choices=PaperSize.choices, default=PaperSize.A4
    )

    class Meta:
        verbose_name = _("invoice settings")
        verbose_name_plural = _("invoice settings")

    def __str__(self) -> str:
        return f"{self.vendor_id}: {self.invoice_prefix}/{self.credit_note_prefix}"


class BillingDetails(models.Model):
    """Who a purchase's invoices are made out to, as the buyer said at checkout: a
    company (name and NIT) when buying as one, and the language the invoices speak."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="billing", verbose_name=_("order")
    )
    company_name = models.CharField(_("company name"), max_length=160, blank=True)
    company_nit = models.CharField(_("company NIT"), max_length=11, blank=True)
    language = models.CharField(_("language"), max_length=8, default="es")

    class Meta:
        verbose_name = _("billing details")
        verbose_name_plural = _("billing details")

    def __str__(self) -> str:
        return self.company_name or str(self.order_id)


class InvoiceSeries(models.Model):
    """The counter of one numbering series: (vendor, kind, prefix, year). Numbers are
    taken with the row locked (services.series_number_take), so they have no gaps."""

    vendor = models.ForeignKey("vendors.Vendor", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=DocumentKind.choices)
    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("invoice series")
        verbose_name_plural = _("invoice series")
        constraints = [
            models.UniqueConstraint(
                fields=["vendor", "kind", "prefix", "year"], name="invoice_series_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vendor_id} {self.kind} {self.prefix}{self.year}: {self.last_number}"


class IssuedDocument(models.Model):
    """What invoices and credit notes share. The `series` holds the prefix and the year
    ("F2026"), so (issuer, series, number) is unique and numbering restarts each year.
    Once issued a document is never saved again: only its rendering fields change,
    through `document_rendered_record` (an UPDATE of those columns)."""

    issuer = models.ForeignKey(
        "vendors.Vendor", on_delete=models.PROTECT, related_name="+", verbose_name=_("issuer")
    )
    series = models.CharField(_("series"), max_length=16)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    issued_at = models.DateTimeField(_("issued at"))
    verification_code = models.CharField(max_length=32, unique=True)
    language = models.CharField(max_length=8, default="es")
    snapshot = models.JSONField(encoder=DjangoJSONEncoder)
    pdf = models.FileField(storage=private_storage, upload_to="invoices/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    render_state = models.CharField(
        max_length=10, choices=RenderState.choices, default=RenderState.PENDING
    )
    render_error = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["-issued_at", "-id"]

    def __str__(self) -> str:
        return self.display_number

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("issued documents are never edited: issue a credit note")
        super().save(*args, **kwargs)

    @property
    def display_number(self) -> str:
        return f"{self.series}-{self.number:06d}"


class Invoice(IssuedDocument):
    """The invoice of one vendor part, issued by that vendor to the buyer."""

    vendor_order = models.OneToOneField(
        "vendors.VendorOrder",
        on_delete=models.PROTECT,
        related_name="invoice",
        verbose_name=_("vendor order"),
    )

    class Meta(IssuedDocument.Meta):
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "series", "number"], name="invoice_number_unique"
            )
        ]
        indexes = [models.Index(fields=["issuer", "-issued_at"], name="invoice_issuer_idx")]


class CreditNote(IssuedDocument):
    """A refund or cancellation after invoicing: its own series, the invoice it corrects."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="credit_notes", verbose_name=_("invoice")
    )
    idempotency_key = models.CharField(max_length=200, unique=True)

    class Meta(IssuedDocument.Meta):
        verbose_name = _("credit note")
        verbose_name_plural = _("credit notes")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "series", "number"], name="credit_note_number_unique"
            )
        ]
