"""The operator's pages for stores: applications and their decisions, what each store
is owed, the payouts made to it, and the review of its merchant ids."""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from shop.core.roles import is_operator
from vendors.actors.merchant_accounts import (
    merchant_account_review,
    merchant_accounts_for_review,
)
from vendors.actors.services import TRANSITIONS, vendor_status_change
from vendors.exceptions import VendorTransitionError
from vendors.forms import PayoutForm, VendorDecisionForm
from vendors.ledger.entries import (
    ledger_currency,
    payout_create,
    platform_commission_total,
    vendor_balance,
    vendor_balances,
    vendor_payouts,
)
from vendors.models import Vendor, VendorMerchantAccount, VendorStatus

operator_required = user_passes_test(is_operator)


@method_decorator(operator_required, name="dispatch")
class OperatorVendorListView(View):
    template_name = "vendors/dashboard/vendor_list.html"

    def get(self, request):
        status = request.GET.get("status", VendorStatus.APPLIED)
        vendors = Vendor.objects.select_related("municipality__province").order_by("-created_at")
        if status in VendorStatus.values:
            vendors = vendors.filter(status=status)
        page = Paginator(vendors, 50).get_page(request.GET.get("page"))
        return render(
            request,
            self.template_name,
            {
                "page_obj": page,
                "vendors": page.object_list,
                "status": status,
                "statuses": VendorStatus.choices,
            },
        )


@method_decorator(operator_required, name="dispatch")
class OperatorVendorDetailView(View):
    template_name = "vendors/dashboard/vendor_detail.html"

    def context(self, vendor, form=None):
        return {
            "vendor": vendor,
            "history": vendor.status_changes.select_related("actor"),
            "members": vendor.memberships.select_related("user"),
            "actions": [
                (status, VendorStatus(status).label)
                for status in VendorStatus.values
                if status in TRANSITIONS.get(vendor.status, set())
            ],
            "form": form or VendorDecisionForm(),
        }

    def get(self, request, pk):
        vendor = get_object_or_404(Vendor.objects.select_related("municipality__province"), pk=pk)
        return render(request, self.template_name, self.context(vendor))

    def post(self, request, pk):
        vendor = get_object_or_404(Vendor, pk=pk)
        form = VendorDecisionForm(request.POST)
        if form.is_valid():
            try:
                vendor_status_change(
                    vendor=vendor,
                    to_status=form.cleaned_data["to_status"],
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except VendorTransitionError as error:
                form.add_error("reason" if error.code == "reason_required" else None, error)
            else:
                messages.success(
                    request,
                    _("%(vendor)s is now %(status)s.")
                    % {
                        "vendor": vendor.trade_name,
                        "status": VendorStatus(form.cleaned_data["to_status"]).label.lower(),
                    },
                )
                return redirect(reverse("vendors:operator-detail", args=[vendor.pk]))
        vendor.refresh_from_db()
        return render(request, self.template_name, self.context(vendor, form), status=400)


@method_decorator(operator_required, name="dispatch")
class OperatorBalanceListView(View):
    """What the platform owes each vendor (or is owed), and its commission so far."""

    template_name = "vendors/dashboard/balance_list.html"

    def get(self, request):
        currency = ledger_currency()
        page = Paginator(vendor_balances(currency=currency), 50).get_page(request.GET.get("page"))
        return render(
            request,
            self.template_name,
            {
                "page_obj": page,
                "vendors": page.object_list,
                "currency": currency,
                "commission_total": platform_commission_total(currency=currency),
            },
        )


@method_decorator(operator_required, name="dispatch")
class OperatorPayoutCreateView(View):
    """The operator records money paid to a vendor, with its reference."""

    template_name = "vendors/dashboard/payout_form.html"

    def context(self, vendor, form) -> dict:
        return {
            "vendor": vendor,
            "form": form,
            "currency": ledger_currency(),
            "balance": vendor_balance(vendor=vendor),
            "payouts": vendor_payouts(vendor=vendor)[:20],
        }

    def get(self, request, slug):
        vendor = get_object_or_404(Vendor, slug=slug)
        return render(request, self.template_name, self.context(vendor, PayoutForm()))

    def post(self, request, slug):
        vendor = get_object_or_404(Vendor, slug=slug)
        form = PayoutForm(request.POST)
        if form.is_valid():
            try:
                payout_create(
                    vendor=vendor,
                    amount=form.cleaned_data["amount"],
                    reference=form.cleaned_data["reference"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Payout to %(vendor)s recorded.") % {"vendor": vendor.trade_name}
                )
                return redirect("vendors:operator-balances")
        return render(request, self.template_name, self.context(vendor, form), status=400)


@method_decorator(operator_required, name="dispatch")
class OperatorMerchantAccountsView(View):
    """The stores' merchant ids waiting for review, and the latest decisions: an id
    receives money only once approved."""

    template_name = "vendors/dashboard/merchant_account_review.html"

    def get(self, request, status=200, error=""):
        waiting, reviewed = merchant_accounts_for_review()
        return render(
            request,
            self.template_name,
            {"waiting": waiting, "reviewed": reviewed, "error": error},
            status=status,
        )

    def post(self, request):
        account_id = request.POST.get("account", "")
        decision = request.POST.get("decision", "")
        if not account_id.isdigit() or decision not in ("approve", "refuse"):
            return self.get(request, status=400, error=_("Choose an account and a decision."))
        account = get_object_or_404(VendorMerchantAccount, pk=int(account_id))
        try:
            merchant_account_review(
                account_id=account.pk,
                merchant_id=request.POST.get("merchant_id", ""),
                approve=decision == "approve",
                reason=request.POST.get("reason", "")[:1000],
                actor=request.user,
            )
        except ValidationError as error:
            return self.get(request, status=400, error=" ".join(error.messages))
        messages.success(
            request,
            _("The merchant id of %(vendor)s was reviewed: the store has been told.")
            % {"vendor": account.vendor.trade_name},
        )
        return redirect("vendors:operator-merchant-accounts")
