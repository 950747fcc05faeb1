"""The buyer's page to rate the store for a part it received."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.trust.exceptions import TrustRefused
from shop.trust.forms import StoreReviewForm
from shop.trust.reviews import StoreScores, store_review_create, store_review_permitted
from vendors.models import VendorOrder


class StoreReviewCreateView(LoginRequiredMixin, View):
    """Only the part's buyer reaches it (anyone else: 404); once it was delivered and until
    it rated it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.vendor_order = get_object_or_404(
            VendorOrder.objects.select_related("vendor", "order"),
            number=kwargs["number"],
            order__user=request.user,
        )
        if not store_review_permitted(user=request.user, vendor_order=self.vendor_order):
            messages.info(
                request, _("This part cannot be rated now: only once it is delivered, once.")
            )
            return redirect("vendors:store", slug=self.vendor_order.vendor.slug)
        return super().dispatch(request, *args, **kwargs)

    def page(self, form, status=200):
        return render(
            self.request,
            "trust/store_review_form.html",
            {"form": form, "vendor_order": self.vendor_order, "vendor": self.vendor_order.vendor},
            status=status,
        )

    def get(self, request, number):
        return self.page(StoreReviewForm())

    def post(self, request, number):
        form = StoreReviewForm(request.POST)
        if form.is_valid():
            try:
                store_review_create(
                    user=request.user,
                    vendor_order_id=self.vendor_order.pk,
                    scores=StoreScores(**form.cleaned_data),
                )
            except TrustRefused as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you: your review is published."))
                return redirect("vendors:store", slug=self.vendor_order.vendor.slug)
        return self.page(form, status=400)
