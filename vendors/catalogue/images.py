"""Uploaded pictures (logos, product photos): checked, then re-encoded so that
nothing but pixels is kept (no metadata, nothing appended to the file)."""

import io
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from vendors.error_codes import VendorErrorCode

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4096 * 4096
ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
LOGO_BOX = (512, 512)
PRODUCT_BOX = (1200, 1200)
# What a picture never contains and a polyglot does: markup or script a browser would run
# if the file were ever served as HTML, PHP, or an archive (ZIP, JAR, PHAR) riding along.
FOREIGN_CONTENT = re.compile(
    rb"<\s*(?:script|html|body|svg|iframe|object|embed|!doctype)\b|<\?php|javascript:"
    rb"|__HALT_COMPILER|PK\x03\x04|PK\x05\x06",
    re.IGNORECASE,
)


def uploaded_image_clean(upload, *, box: tuple[int, int]) -> ContentFile:
    """Return the picture as a fresh PNG that fits in `box`, or raise ValidationError.

    Refuses files over 2 MB, anything Pillow does not read as PNG, JPEG, WebP or GIF
    (SVG or HTML under an image's name), files carrying markup, script or an archive
    besides the picture (polyglots), and images over 16 megapixels (decompression bombs)
    before decoding them. The PNG is drawn from the pixels alone, turned upright as the
    camera said: no metadata and no byte of the upload is kept.
    """
    not_an_image = ValidationError(
        _("The image must be a PNG, JPEG, WebP or GIF picture."), code=VendorErrorCode.IMAGE_FORMAT
    )
    too_many_pixels = ValidationError(
        _("The image is too large: at most 4096 × 4096 pixels."), code=VendorErrorCode.IMAGE_PIXELS
    )
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The image must be 2 MB or smaller."), code=VendorErrorCode.IMAGE_TOO_LARGE
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise not_an_image
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise too_many_pixels
            probe.verify()
        upload.seek(0)
        if FOREIGN_CONTENT.search(upload.read()):
            raise ValidationError(
                _(
                    "This file carries something besides a picture (code or an archive). Save "
                    "the picture again from an image editor and upload that copy."
                ),
                code=VendorErrorCode.IMAGE_POLYGLOT,
            )
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image).convert("RGBA")
            image.thumbnail(box)
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=True)
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise too_many_pixels from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise not_an_image from error
    return ContentFile(buffer.getvalue(), name="image.png")
