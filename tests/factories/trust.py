from django.core.files.uploadedfile import SimpleUploadedFile

from shop.trust.services import document_upload, verification_grant


def pdf_upload(
    name: str = "registro.pdf", body: bytes = b"%PDF-1.4 registro"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def verified(vendor, *, operator=None):
    """`vendor` with a registration uploaded and the badge granted."""
    document_upload(vendor=vendor, kind="registration", upload=pdf_upload(), user=None)
    verification_grant(vendor=vendor, operator=operator)
    return vendor
