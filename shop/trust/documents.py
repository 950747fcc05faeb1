"""A store's uploaded documents checked before they are kept: a PDF as it came, or a
picture redrawn from its pixels (through the catalogue's one image check)."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from shop.trust.error_codes import TrustErrorCode
from shop.trust.exceptions import TrustRefused
from vendors.catalogue.images import uploaded_image_clean

MAX_BYTES = 5 * 1024 * 1024
DOCUMENT_BOX = (2000, 2000)
PDF = "application/pdf"
PNG = "image/png"


def uploaded_document_clean(upload) -> tuple[ContentFile, str, str]:
    """The file to keep, its content type and its sha256; or TrustRefused."""
    if upload.size > MAX_BYTES:
        raise TrustRefused(
            _("The document must be 5 MB or smaller."), code=TrustErrorCode.DOCUMENT_TOO_LARGE
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        content = upload.read()
        content_type = PDF
    else:
        try:
            cleaned = uploaded_image_clean(upload, box=DOCUMENT_BOX)
        except ValidationError as error:
            raise TrustRefused(
                _("The document must be a PDF or a picture (PNG, JPEG, WebP)."),
                code=TrustErrorCode.DOCUMENT_FORMAT,
            ) from error
        content = cleaned.read()
        content_type = PNG
    return ContentFile(content), content_type, hashlib.sha256(content).hexdigest()
