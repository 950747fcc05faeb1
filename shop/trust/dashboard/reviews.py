"""The store's reviews pages: reviews of the store, its public replies, and its requests
to the operators to remove an abusive review (of the store or of its products)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View

from shop.trust.exceptions import TrustRefused
from shop.trust.forms import ReasonForm, ReplyForm
from shop.trust.models import StoreReview
from shop.trust.reviews import (
    product_review_reply,
    review_report,
    store_review_reply,
    vendor_product_reviews,
)
from shop.trust.selectors import vendor_store_reviews
from vendors.dashboard.base import PAGE_SIZE, VendorDashboardMixin


class StoreReviewListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        page = Paginator(vendor_store_reviews(vendor=self.vendor), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return self.render(
            "store_review_list.html", {"page_obj": page, "reviews": page.object_list}
        )


class _ReviewActionView(VendorDashboardMixin, View):
    """A POST on one review of this store (404 for another store's); back to the list."""

    form_class = ReplyForm
    back = "vendor_dashboard:store-review-list"
    done = ""

    def review_check(self, pk):
        raise NotImplementedError

    def act(self, pk, data):
        raise NotImplementedError

    def post(self, request, vendor_slug, pk):
        self.review_check(pk)
        form = self.form_class(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return redirect(self.back, vendor_slug=self.vendor.slug)
        try:
            self.act(pk, form.cleaned_data)
        except TrustRefused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.done)
        return redirect(self.back, vendor_slug=self.vendor.slug)


class _StoreReviewMixin:
    def review_check(self, pk):
        get_object_or_404(StoreReview, pk=pk, vendor=self.vendor)


class _ProductReviewMixin:
    back = "vendor_dashboard:review-list"

    def review_check(self, pk):
        get_object_or_404(vendor_product_reviews(vendor=self.vendor), pk=pk)


class StoreReviewReplyView(_StoreReviewMixin, _ReviewActionView):
    done = _("Reply published.")

    def act(self, pk, data):
        store_review_reply(vendor=self.vendor, review_id=pk, body=data["body"])


class StoreReviewReportView(_StoreReviewMixin, _ReviewActionView):
    form_class = ReasonForm
    done = _("The operators will look at the review.")

    def act(self, pk, data):
        review_report(vendor=self.vendor, reason=data["reason"], store_review_id=pk)


class ProductReviewReplyView(_ProductReviewMixin, _ReviewActionView):
    done = _("Reply published.")

    def act(self, pk, data):
        product_review_reply(vendor=self.vendor, review_id=pk, body=data["body"])


class ProductReviewReportView(_ProductReviewMixin, _ReviewActionView):
    form_class = ReasonForm
    done = _("The operators will look at the review.")

    def act(self, pk, data):
        review_report(vendor=self.vendor, reason=data["reason"], product_review_id=pk)
