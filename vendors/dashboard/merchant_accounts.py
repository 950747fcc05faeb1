"""The store's own business accounts at the payment gateways with merchant accounts: with
PAYMENT_FUNDS_TO = "store", a purchase from this store alone paid through such a gateway
lands there instead of in the platform's account, once an operator approved the id
(vendors.actors.merchant_accounts). Owners only."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from payments.interface import Capability
from payments.selectors import gateway_names_with, payment_method_label
from vendors.actors.merchant_accounts import vendor_merchant_account_set
from vendors.dashboard.base import VendorDashboardMixin
from vendors.models import VendorMerchantAccount


class MerchantAccountsView(VendorDashboardMixin, View):
    owner_only = True

    def gateways(self) -> list[tuple[str, str, VendorMerchantAccount | None]]:
        """(gateway, its label, the store's account there or None)."""
        saved = {
            account.gateway: account
            for account in VendorMerchantAccount.objects.filter(vendor=self.vendor)
        }
        return [
            (name, payment_method_label(name), saved.get(name))
            for name in gateway_names_with(Capability.MERCHANT_ACCOUNTS)
        ]

    def get(self, request, vendor_slug, status=200, error=""):
        return self.render(
            "merchant_accounts.html",
            {
                "gateways": self.gateways(),
                "funds_to_store": getattr(settings, "PAYMENT_FUNDS_TO", "platform") == "store",
                "error": error,
            },
            status=status,
        )

    def post(self, request, vendor_slug):
        gateway = request.POST.get("gateway", "")
        if gateway not in gateway_names_with(Capability.MERCHANT_ACCOUNTS):
            return self.get(request, vendor_slug, status=400, error=_("Choose a gateway."))
        try:
            vendor_merchant_account_set(
                vendor=self.vendor,
                gateway=gateway,
                merchant_id=request.POST.get("merchant_id", "")[:200],
            )
        except ValidationError as error:
            return self.get(request, vendor_slug, status=400, error=" ".join(error.messages))
        messages.success(request, _("Saved."))
        return redirect("vendor_dashboard:merchant-accounts", vendor_slug=self.vendor.slug)
