"""Logo uploads: checked, then re-encoded so nothing but pixels is kept."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4096 * 4096
ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
STORED_SIZE = (512, 512)


def logo_clean(upload) -> ContentFile:
    """Return the logo as a fresh PNG at most 512×512, or raise ValidationError.

    Refuses files over 2 MB, anything Pillow does not read as PNG, JPEG,
    WebP or GIF, and images over 16 megapixels (decompression bombs) before
    decoding them. Re-encoding drops metadata and anything appended to the file.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The logo must be 2 MB or smaller."), code="logo_too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _("The logo must be a PNG, JPEG, WebP or GIF image."), code="logo_format"
                )
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("The logo is too large: at most 4096 × 4096 pixels."), code="logo_pixels"
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = image.convert("RGBA")
            image.thumbnail(STORED_SIZE)
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=True)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ValidationError(
            _("The logo must be a PNG, JPEG, WebP or GIF image."), code="logo_format"
        ) from error
    return ContentFile(buffer.getvalue(), name="logo.png")
