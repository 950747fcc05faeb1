"""The way in: the user's stores, a store's home page, and its public profile."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from vendors.actors.first_steps import first_steps
from vendors.actors.selectors import complementary_actors
from vendors.actors.services import PROFILE_CHOICES, PROFILE_FIELDS, vendor_profile_update
from vendors.catalogue.products import vendor_low_stock, vendor_products
from vendors.dashboard.base import VendorDashboardMixin
from vendors.dashboard.forms import VendorProfileForm
from vendors.models import Vendor


class MyStoresView(LoginRequiredMixin, View):
    """/vendedor/: straight to the user's store, or a list when there are several."""

    def get(self, request):
        vendors = list(Vendor.objects.filter(memberships__user=request.user).order_by("trade_name"))
        if len(vendors) == 1:
            return redirect("vendor_dashboard:home", vendor_slug=vendors[0].slug)
        return render(request, "vendors/dashboard/my_stores.html", {"vendors": vendors})


class HomeView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render(
            "home.html",
            {
                "product_count": vendor_products(vendor=self.vendor).count(),
                "low_stock": vendor_low_stock(vendor=self.vendor)[:20],
                "first_steps": first_steps(vendor=self.vendor) if self.vendor.has_store else None,
                "complementary": complementary_actors(vendor=self.vendor),
            },
        )


class ProfileView(VendorDashboardMixin, View):
    owner_only = True

    def get(self, request, vendor_slug):
        vendor = self.vendor
        initial = {name: getattr(vendor, name) for name in PROFILE_FIELDS}
        for name in PROFILE_CHOICES:
            initial[name] = list(getattr(vendor, name).all())
        return self.render("profile.html", {"form": VendorProfileForm(initial=initial)})

    def post(self, request, vendor_slug):
        form = VendorProfileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render("profile.html", {"form": form}, status=400)
        vendor_profile_update(vendor=self.vendor, data=form.cleaned_data)
        messages.success(request, _("Profile saved."))
        return redirect("vendor_dashboard:profile", vendor_slug=self.vendor.slug)
