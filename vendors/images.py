"""Uploaded pictures (logos, product photos): checked, then re-encoded so that
nothing but pixels is kept (no metadata, nothing appended to the file)."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4096 * 4096
ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
LOGO_BOX = (512, 512)
PRODUCT_BOX = (1200, 1200)


def uploaded_image_clean(upload, *, box: tuple[int, int]) -> ContentFile:
    """Return the picture as a fresh PNG that fits in `box`, or raise ValidationError.

    Refuses files over 2 MB, anything Pillow does not read as PNG, JPEG, WebP
    or GIF, and images over 16 megapixels (decompression bombs) before decoding.
    """
    not_an_image = ValidationError(
        _("The image must be a PNG, JPEG, WebP or GIF picture."), code="image_format"
    )
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The image must be 2 MB or smaller."), code="image_too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise not_an_image
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("The image is too large: at most 4096 × 4096 pixels."), code="image_pixels"
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = image.convert("RGBA")
            image.thumbnail(box)
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=True)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise not_an_image from error
    return ContentFile(buffer.getvalue(), name="image.png")
