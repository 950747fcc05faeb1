"""Files an attacker uploads as pictures: each must be refused with its message."""

import io
import struct
import zipfile
import zlib

from PIL import Image

from tests.functional.vendors.conftest import png_bytes


def picture_bytes(image_format: str, size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format=image_format)
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def decompression_bomb() -> bytes:
    """A PNG of a few hundred bytes that claims 50,000 × 50,000 pixels (2.5 gigapixels)."""
    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("shell.php", "<?php system($_GET['c']); ?>")
    return buffer.getvalue()


NOT_AN_IMAGE = "La imagen debe ser una foto PNG, JPEG, WebP o GIF."
POLYGLOT = (
    "Este archivo lleva algo además de una imagen (código o un archivo comprimido). "
    "Guarde la imagen de nuevo desde un editor de imágenes y suba esa copia."
)
TOO_MANY_PIXELS = "La imagen es demasiado grande: como máximo 4096 × 4096 píxeles."
TOO_HEAVY = "La imagen debe ocupar 2 MB o menos."

# (file name, bytes, the message the vendor reads)
HOSTILE_PICTURES = {
    "decompression-bomb": ("bomba.png", decompression_bomb(), TOO_MANY_PIXELS),
    "over-the-pixel-limit": ("grande.png", png_bytes((5000, 4000)), TOO_MANY_PIXELS),
    "over-the-size-limit": ("pesada.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1), TOO_HEAVY),
    "svg-as-png": (
        "logo.png",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
        b"<script>alert(document.cookie)</script></svg>",
        NOT_AN_IMAGE,
    ),
    "html-as-jpeg": (
        "foto.jpg",
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        NOT_AN_IMAGE,
    ),
    "gif-with-html-appended": (
        "foto.gif",
        picture_bytes("GIF") + b"<html><script>alert(1)</script></html>",
        POLYGLOT,
    ),
    "jpeg-with-script-inside": (
        "foto.jpg",
        picture_bytes("JPEG")[:-2] + b"<script>alert(1)</script>\xff\xd9",
        POLYGLOT,
    ),
    "jpeg-zip-phar-polyglot": ("foto.jpg", picture_bytes("JPEG") + zip_archive(), POLYGLOT),
}
