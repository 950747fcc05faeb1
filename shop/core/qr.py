"""QR codes drawn on the server as inline SVG: no script, no image request, nothing for a
Content-Security-Policy to allow."""

import re

import qrcode
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from qrcode.image.svg import SvgPathImage

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
VIEW_BOX = re.compile(r'viewBox="([0-9 .]+)"')


def qr_code_svg(*, text: str, label: str, css_class: str = "qr-code") -> SafeString:
    """`text` as an <svg> element sized by its CSS class (qrcode sizes it in mm), named
    `label` for screen readers."""
    svg = qrcode.make(text, image_factory=SvgPathImage, border=2).to_string(encoding="unicode")
    opening = format_html(
        '<svg xmlns="{}" viewBox="{}" class="{}" role="img" aria-label="{}">',
        SVG_NAMESPACE,
        VIEW_BOX.search(svg).group(1),
        css_class,
        label,
    )
    # qrcode writes only a path of its own; the label went through format_html.
    return mark_safe(opening + svg[svg.index(">") + 1 :])  # noqa: S308
