"""An accepted picture is stored as a fresh PNG drawn from its pixels: no metadata, no
byte of the upload, turned upright the way the camera said."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from vendors.catalogue.images import PRODUCT_BOX, uploaded_image_clean


def test_a_phone_photo_is_re_encoded_upright_without_its_metadata():
    photo = Image.new("RGB", (300, 100), "green")
    exif = photo.getexif()
    exif[0x0110] = "Teléfono de Marta"  # camera model
    exif[0x0112] = 6  # orientation: rotate 90° to show it upright
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")

    cleaned = uploaded_image_clean(upload, box=PRODUCT_BOX)

    stored = Image.open(io.BytesIO(cleaned.read()))
    assert (stored.format, stored.size) == ("PNG", (100, 300))
    assert dict(stored.getexif()) == {}
    assert stored.info.keys() <= {"dpi"}  # nothing carried over but what PNG writes itself
    assert buffer.getvalue() not in cleaned.read()
