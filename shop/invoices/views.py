from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views import View

from shop.invoices.files import document_pdf_response
from shop.invoices.models import CreditNote, Invoice
from shop.invoices.selectors import credit_notes_readable_by, invoices_readable_by


class InvoiceVerifyView(View):
    """Public: confirms an invoice exists. Shows nothing about the buyer."""

    def get(self, request, code):
        document = Invoice.objects.filter(verification_code=code).first() or get_object_or_404(
            CreditNote, verification_code=code
        )
        return render(
            request,
            "invoices/verify.html",
            {
                "invoice": document,
                "document": document.snapshot,
                "is_credit_note": isinstance(document, CreditNote),
            },
        )


class InvoicePdfView(View):
    """The buyer, the issuing vendor's team and staff; for anyone else it does not exist."""

    readable_by = staticmethod(invoices_readable_by)

    def document(self, request, pk, **kwargs):
        return get_object_or_404(self.readable_by(user=request.user), pk=pk)

    def get(self, request, pk, **kwargs):
        return document_pdf_response(self.document(request, pk, **kwargs))


class CreditNotePdfView(InvoicePdfView):
    readable_by = staticmethod(credit_notes_readable_by)


class GuestDocumentPdfMixin:
    """A guest buyer's documents, from Oscar's signed order page: the link's hash and the
    order's e-mail given there (the check that page makes) admit its documents only."""

    model = Invoice
    vendor_order_path = "vendor_order"

    def document(self, request, pk, hash):
        from vendors.orders.selectors import guest_vendor_order

        document = get_object_or_404(
            self.model.objects.select_related(self.vendor_order_path), pk=pk
        )
        vendor_order = document
        for name in self.vendor_order_path.split("__"):
            vendor_order = getattr(vendor_order, name)
        if (
            guest_vendor_order(
                number=vendor_order.number,
                verification_hash=hash,
                email=request.session.get("anon_order_email"),
            )
            is None
        ):
            raise Http404
        return document


class GuestInvoicePdfView(GuestDocumentPdfMixin, InvoicePdfView):
    pass


class GuestCreditNotePdfView(GuestDocumentPdfMixin, InvoicePdfView):
    model = CreditNote
    vendor_order_path = "invoice__vendor_order"
