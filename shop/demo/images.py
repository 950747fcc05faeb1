"""Product pictures drawn locally with Pillow: the demo needs no download."""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 480, 360


# Pillow's bundled font lacks some Spanish accents; DejaVu (fonts-dejavu-core) has them all.
SYSTEM_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.truetype(SYSTEM_FONT, size)
    except OSError:
        return ImageFont.load_default(size=size)


def product_image_jpeg(*, title: str, subtitle: str, colour: str) -> bytes:
    """A 480×360 JPEG card: the product's initials on its category colour, and its name."""
    image = Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in title.split()[:2]).upper()
    draw.ellipse((WIDTH // 2 - 80, 40, WIDTH // 2 + 80, 200), fill="white")
    draw.text((WIDTH // 2, 120), initials, fill=colour, font=_font(72), anchor="mm")
    lines = textwrap.wrap(title, width=28)[:2]
    for index, line in enumerate(lines):
        draw.text((WIDTH // 2, 240 + index * 32), line, fill="white", font=_font(26), anchor="mm")
    draw.text((WIDTH // 2, 320), subtitle, fill="white", font=_font(18), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def store_logo_png(*, name: str, colour: str) -> bytes:
    """A 256×256 PNG logo: the store's initials in a circle of its colour."""
    size = 256
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=colour)
    initials = "".join(word[0] for word in name.split() if word[0].isalpha())[:2].upper()
    draw.text((size // 2, size // 2), initials, fill="white", font=_font(96), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
