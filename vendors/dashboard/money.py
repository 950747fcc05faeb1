"""The store's money: its account with the platform."""

from django.core.paginator import Paginator
from django.views import View

from vendors.dashboard.base import PAGE_SIZE, VendorDashboardMixin
from vendors.ledger.entries import (
    commission_percent,
    ledger_currency,
    vendor_balance,
    vendor_ledger,
    vendor_payouts,
)


class AccountView(VendorDashboardMixin, View):
    """The store's account with the platform: balance, entries, payouts."""

    def get(self, request, vendor_slug):
        page = Paginator(vendor_ledger(vendor=self.vendor), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return self.render(
            "account.html",
            {
                "page_obj": page,
                "entries": page.object_list,
                "currency": ledger_currency(),
                "balance": vendor_balance(vendor=self.vendor),
                "commission_percent": commission_percent(vendor=self.vendor),
                "payouts": vendor_payouts(vendor=self.vendor)[:20],
            },
        )
