"""The documents' PDF files: rendered from their snapshots, stored privately with
their sha256."""

import hashlib

from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils import translation

from shop.core.links import absolute_url
from shop.invoices.models import CreditNote, Invoice, RenderState
from shop.invoices.services import document_rendered_record

TEMPLATES = {Invoice: "invoices/invoice.html", CreditNote: "invoices/credit_note.html"}


def verification_url(code: str) -> str:
    with translation.override("es"):
        path = reverse("invoices:verify", kwargs={"code": code})
    return absolute_url(path)


def document_pdf_store(*, document: Invoice | CreditNote) -> str:
    """Render and store the document's PDF; returns its sha256. Rendering again
    overwrites the file with the same bytes."""
    from shop.invoices.rendering import document_pdf_render

    pdf = document_pdf_render(
        snapshot=document.snapshot,
        verification_url=verification_url(document.verification_code),
        language=document.language,
        template=TEMPLATES[type(document)],
    )
    sha256 = hashlib.sha256(pdf).hexdigest()
    storage = type(document)._meta.get_field("pdf").storage
    folder = "invoices" if isinstance(document, Invoice) else "credit-notes"
    name = f"{folder}/{document.issuer_id}/{document.display_number}.pdf"
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, ContentFile(pdf))
    document_rendered_record(document=document, name=saved, sha256=sha256)
    return sha256


def invoice_pdf_store(*, invoice_id: int) -> str:
    return document_pdf_store(document=Invoice.objects.get(pk=invoice_id))


def credit_note_pdf_store(*, credit_note_id: int) -> str:
    return document_pdf_store(document=CreditNote.objects.get(pk=credit_note_id))


def document_pdf_response(document: Invoice | CreditNote) -> FileResponse:
    """The document's PDF as a download that no cache keeps; 404 until it is rendered."""
    if document.render_state != RenderState.RENDERED or not document.pdf:
        raise Http404
    response = FileResponse(
        document.pdf.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{document.display_number}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
