"""The store's verification page: its documents, uploaded privately, and the badge's
status. Only the store's owners (and operators) see it or its files."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from shop.core.roles import is_operator
from shop.trust.exceptions import TrustRefused
from shop.trust.forms import DocumentUploadForm
from shop.trust.selectors import vendor_documents, vendor_verification
from shop.trust.services import document_upload
from vendors.dashboard.base import VendorDashboardMixin
from vendors.models import MembershipRole


class VerificationView(VendorDashboardMixin, View):
    owner_only = True

    def page(self, form, status=200):
        return self.render(
            "verification.html",
            {
                "form": form,
                "documents": vendor_documents(vendor=self.vendor),
                "verification": vendor_verification(vendor=self.vendor),
            },
            status=status,
        )

    def get(self, request, vendor_slug):
        return self.page(DocumentUploadForm())

    def post(self, request, vendor_slug):
        form = DocumentUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                document_upload(
                    vendor=self.vendor,
                    kind=form.cleaned_data["kind"],
                    upload=form.cleaned_data["file"],
                    user=request.user,
                )
            except TrustRefused as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("Document received: an operator will review it."))
                return redirect("vendor_dashboard:verification", vendor_slug=self.vendor.slug)
        return self.page(form, status=400)


class DocumentDownloadView(VendorDashboardMixin, View):
    """The file itself: to the store's owners and operators; to anyone else, including the
    store's staff, it does not exist."""

    def document(self, request, pk):
        owner = self.vendor.memberships.filter(user=request.user, role=MembershipRole.OWNER)
        if not is_operator(request.user) and not owner.exists():
            raise Http404
        return get_object_or_404(vendor_documents(vendor=self.vendor), pk=pk)

    def http_method_not_allowed(self, request, *args, **kwargs):
        self.document(request, kwargs["pk"])  # someone else's document: not even there
        return super().http_method_not_allowed(request, *args, **kwargs)

    def get(self, request, vendor_slug, pk):
        document = self.document(request, pk)
        if not document.file or not document.file.storage.exists(document.file.name):
            raise Http404
        response = FileResponse(
            document.file.open("rb"),
            content_type=document.content_type,
            as_attachment=True,
            filename=f"{self.vendor.slug}-{document.kind}.{document.extension}",
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
