"""A lesson as a light PDF to read offline: its text, its pictures embedded (JPEGs of at
most 800 px, read through the storage API), no other file; printed by the invoices' one
WeasyPrint helper, which fetches nothing from outside."""

import base64

from django.template.loader import render_to_string
from django.utils import timezone

from shop.classroom.lesson_text import lesson_html
from shop.classroom.models import Lesson
from shop.invoices.rendering import html_pdf_render


def _embedded(picture) -> str:
    with picture.image.open("rb") as image:
        return "data:image/jpeg;base64," + base64.b64encode(image.read()).decode("ascii")


def lesson_pdf_render(*, lesson: Lesson) -> bytes:
    pictures = {picture.pk: picture for picture in lesson.pictures.all()}
    body = lesson_html(body=lesson.body, pictures=pictures, picture_source=_embedded)
    html = render_to_string(
        "classroom/lesson_pdf.html", {"lesson": lesson, "course": lesson.course, "body": body}
    )
    dated = timezone.localtime(lesson.updated_at).isoformat(timespec="seconds")
    return html_pdf_render(html=html, dated=dated, identity=f"lesson:{lesson.pk}:{dated}")
