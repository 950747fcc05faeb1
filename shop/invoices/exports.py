"""A vendor's invoices and credit notes of a period, for its accountant: a CSV, and a
ZIP with that CSV and every PDF."""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from shop.invoices.models import CreditNote, Invoice
from vendors.catalogue.csv_import import spreadsheet_safe
from vendors.models import Vendor

COLUMNS = [
    "document",
    "number",
    "date",
    "invoice",
    "order",
    "customer",
    "customer_nit",
    "tax_base",
    "tax",
    "total",
    "currency",
    "sha256",
]


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def bounds(self) -> tuple[datetime, datetime]:
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, zone),
            datetime.combine(self.end + timedelta(days=1), time.min, zone),
        )


def _documents(*, vendor: Vendor, period: Period) -> list[Invoice | CreditNote]:
    since, until = period.bounds()
    invoices = Invoice.objects.filter(issuer=vendor, issued_at__gte=since, issued_at__lt=until)
    credit_notes = CreditNote.objects.filter(
        issuer=vendor, issued_at__gte=since, issued_at__lt=until
    ).select_related("invoice")
    return sorted([*invoices, *credit_notes], key=lambda d: (d.issued_at, d.display_number))


def _row(document: Invoice | CreditNote) -> list[str]:
    snapshot = document.snapshot
    recipient = snapshot["recipient"]
    is_invoice = isinstance(document, Invoice)

    def signed(value: str) -> str:  # credit notes take money back
        return value if is_invoice or Decimal(value) == 0 else f"-{value}"

    return [
        "factura" if is_invoice else "nota de crédito",
        document.display_number,
        snapshot["issued_on"],
        "" if is_invoice else document.invoice.display_number,
        snapshot["vendor_order_number"],
        spreadsheet_safe(recipient["company_name"] or recipient["name"]),
        spreadsheet_safe(recipient["company_nit"]),
        signed(snapshot.get("tax_base", snapshot["total"])),
        signed(snapshot.get("tax", "0.00")),
        signed(snapshot["total"]),
        snapshot["currency"],
        document.sha256,
    ]


def vendor_documents_csv(*, vendor: Vendor, period: Period) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for document in _documents(vendor=vendor, period=period):
        writer.writerow(_row(document))
    return out.getvalue()


def vendor_documents_zip(*, vendor: Vendor, period: Period) -> bytes:
    """The CSV and the PDFs rendered so far (the CSV lists every document, with its
    sha256 when its PDF exists)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("documentos.csv", vendor_documents_csv(vendor=vendor, period=period))
        for document in _documents(vendor=vendor, period=period):
            if document.pdf:
                with document.pdf.open("rb") as pdf:
                    archive.writestr(f"{document.display_number}.pdf", pdf.read())
    return out.getvalue()
