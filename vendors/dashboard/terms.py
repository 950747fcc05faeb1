"""The store's wholesale terms: per product (tiers, minimum, multiple) on its edit page,
and the store's order minimums."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_model

from vendors.catalogue.products import vendor_product_get
from vendors.dashboard.base import VendorDashboardMixin
from vendors.dashboard.catalogue import product_initial
from vendors.dashboard.forms import VendorProductForm
from vendors.pricing.exceptions import TermsInvalid
from vendors.pricing.forms import ProductTermsForm, StoreTermsForm
from vendors.pricing.models import StoreTerms
from vendors.pricing.services import product_terms_set, store_terms_set

StockRecord = get_model("partner", "StockRecord")


class ProductTermsView(VendorDashboardMixin, View):
    """Posted from the product's edit page, which shows the form (product_form.html)."""

    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = ProductTermsForm(request.POST, base_price=product.price)
        if form.is_valid():
            try:
                product_terms_set(
                    stockrecord=StockRecord.objects.get(pk=product.stockrecord_id),
                    terms=form.cleaned_data["terms"],
                )
            except TermsInvalid as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Wholesale terms saved."))
                return redirect(
                    "vendor_dashboard:product-edit", vendor_slug=self.vendor.slug, pk=pk
                )
        return self.render(
            "product_form.html",
            {
                "form": VendorProductForm(initial=product_initial(product), editing=True),
                "terms_form": form,
                "product": product,
            },
            status=400,
        )


class StoreTermsView(VendorDashboardMixin, View):
    owner_only = True

    def get(self, request, vendor_slug):
        terms = StoreTerms.objects.filter(vendor=self.vendor).first()
        initial = {}
        if terms is not None:
            initial = {
                "first_order_minimum": terms.first_order_minimum,
                "reorder_minimum": terms.reorder_minimum,
            }
        return self.render("store_terms.html", {"form": StoreTermsForm(initial=initial)})

    def post(self, request, vendor_slug):
        form = StoreTermsForm(request.POST)
        if form.is_valid():
            try:
                store_terms_set(vendor=self.vendor, **form.cleaned_data)
            except TermsInvalid as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Order minimums saved."))
                return redirect("vendor_dashboard:store-terms", vendor_slug=self.vendor.slug)
        return self.render("store_terms.html", {"form": form}, status=400)
