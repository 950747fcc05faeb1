"""The operators' verification pages: the stores waiting, each store's documents, grant
or withdraw the badge. Anyone but an operator is answered 404: they do not exist."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.core.views import OperatorOnlyMixin
from shop.trust.exceptions import TrustRefused
from shop.trust.forms import ReasonForm
from shop.trust.models import ReviewReport
from shop.trust.reviews import review_report_decide
from shop.trust.selectors import (
    open_review_reports,
    vendor_documents,
    vendor_verification,
    verification_queue,
)
from shop.trust.services import verification_grant, verification_withdraw
from vendors.models import Vendor

PAGE_SIZE = 50


class VerificationQueueView(OperatorOnlyMixin, View):
    def get(self, request):
        page = Paginator(verification_queue(), PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "trust/dashboard/verification_queue.html",
            {"page_obj": page, "verifications": page.object_list},
        )


class VerificationDetailView(OperatorOnlyMixin, View):
    def page(self, request, vendor, form, status=200):
        return render(
            request,
            "trust/dashboard/verification_detail.html",
            {
                "vendor": vendor,
                "verification": vendor_verification(vendor=vendor),
                "documents": vendor_documents(vendor=vendor),
                "form": form,
            },
            status=status,
        )

    def get(self, request, vendor_slug):
        vendor = get_object_or_404(Vendor, slug=vendor_slug)
        return self.page(request, vendor, ReasonForm())

    def post(self, request, vendor_slug):
        vendor = get_object_or_404(Vendor, slug=vendor_slug)
        form = ReasonForm(request.POST) if "withdraw" in request.POST else ReasonForm()
        try:
            if "withdraw" in request.POST:
                if not form.is_valid():
                    return self.page(request, vendor, form, status=400)
                verification_withdraw(
                    vendor=vendor, operator=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Verification withdrawn; the documents were removed."))
            else:
                verification_grant(vendor=vendor, operator=request.user)
                messages.success(request, _("The store is verified."))
        except TrustRefused as error:
            form.add_error(None, error)
            return self.page(request, vendor, form, status=400)
        return redirect("trust_dashboard:verification-detail", vendor_slug=vendor.slug)


class ReviewReportListView(OperatorOnlyMixin, View):
    """Reviews the stores asked to remove, oldest request first."""

    def get(self, request):
        page = Paginator(open_review_reports(), PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "trust/dashboard/review_report_list.html",
            {"page_obj": page, "reports": page.object_list},
        )


class ReviewReportDecideView(OperatorOnlyMixin, View):
    def post(self, request, pk):
        get_object_or_404(ReviewReport, pk=pk)
        try:
            review_report_decide(
                report_id=pk, operator=request.user, remove=request.POST.get("remove") == "1"
            )
        except TrustRefused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Decision recorded."))
        return redirect("trust_dashboard:review-report-list")
