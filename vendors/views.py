import hashlib
import uuid

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from shop.apps.search.forms import SearchForm
from shop.apps.search.selectors import product_list
from shop.core.roles import is_operator
from vendors.exceptions import VendorOrderTransitionError, VendorTransitionError
from vendors.forms import (
    DirectoryFilterForm,
    PayoutForm,
    VendorApplicationForm,
    VendorDecisionForm,
)
from vendors.ledger import (
    ledger_currency,
    payout_create,
    platform_commission_total,
    vendor_balance,
    vendor_balances,
    vendor_payouts,
)
from vendors.models import Vendor, VendorOrderStatus, VendorStatus
from vendors.orders.transitions import ActorRole, vendor_order_transition
from vendors.purchases import buyer_vendor_orders, guest_vendor_order
from vendors.selectors import (
    DirectoryFilters,
    vendor_directory_facets,
    vendor_directory_page_queryset,
    vendor_for_store_page,
    vendor_store_categories,
)
from vendors.services import TRANSITIONS, vendor_apply, vendor_status_change

User = get_user_model()
DIRECTORY_PAGE_SIZE = 24
FILTER_NAMES = ("actor_type", "province", "municipality", "sector")
STORE_PAGE_SIZE = 24


operator_required = user_passes_test(is_operator)


class VendorApplyView(View):
    template_name = "vendors/apply.html"

    def get(self, request):
        form = VendorApplicationForm(user=request.user)
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = VendorApplicationForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        with transaction.atomic():
            owner = request.user if request.user.is_authenticated else self._owner_create(form)
            vendor_apply(application=form.application(), owner=owner)
        if not request.user.is_authenticated:
            login(request, owner, backend="oscar.apps.customer.auth_backends.EmailBackend")
        messages.success(request, _("Application received: we will write to you soon."))
        return redirect("vendors:apply-done")

    @staticmethod
    def _owner_create(form):
        data = form.cleaned_data
        user = User(
            username=_username_for(data["owner_email"]),
            email=data["owner_email"],
            first_name=data["owner_first_name"].strip(),
            last_name=data["owner_last_name"].strip(),
        )
        user.set_password(data["password1"])
        user.save()
        return user


def _username_for(email: str) -> str:
    """Oscar signs in by e-mail; usernames only need to be unique."""
    return hashlib.sha1(f"{email}{uuid.uuid4()}".encode()).hexdigest()[:30]


class VendorApplyDoneView(TemplateView):
    template_name = "vendors/apply_done.html"


class DirectoryView(View):
    template_name = "vendors/directory.html"

    def get(self, request):
        form = DirectoryFilterForm(request.GET)
        form.is_valid()
        data = form.cleaned_data
        province = data.get("province")
        municipality = None
        if province and data.get("municipality"):
            municipality = province.municipalities.filter(slug=data["municipality"]).first()
        filters = DirectoryFilters(
            query=data.get("q") or "", actor_type=data.get("actor_type") or "",
            province=province, municipality=municipality, sector=data.get("sector"),
        )
        page = Paginator(vendor_directory_page_queryset(filters=filters),
                         DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        return render(request, self.template_name, {
            "form": form, "filters": filters, "page_obj": page, "vendors": page.object_list,
            "facets": vendor_directory_facets(filters=filters),
            "hidden_filters": [(name, request.GET[name]) for name in FILTER_NAMES
                               if request.GET.get(name)],
        })


class StoreView(View):
    template_name = "vendors/store.html"

    def get(self, request, slug):
        vendor = vendor_for_store_page(slug=slug, user=request.user)
        if vendor is None:
            raise Http404(_("No such store."))
        form = SearchForm(request.GET)
        categories = list(vendor_store_categories(vendor=vendor))
        category = next((c for c in categories if str(c.pk) == request.GET.get("category")), None)
        products = product_list(vendor=vendor, category=category, query=form.cleaned_query(),
                                sort=form.cleaned_sort())
        page = Paginator(products, STORE_PAGE_SIZE).get_page(request.GET.get("page"))
        return render(request, self.template_name, {
            "vendor": vendor, "form": form, "query": form.cleaned_query(),
            "categories": categories, "category": category,
            "page_obj": page, "paginator": page.paginator, "products": page.object_list,
        })


@method_decorator(operator_required, name="dispatch")
class OperatorVendorListView(View):
    template_name = "vendors/dashboard/vendor_list.html"

    def get(self, request):
        status = request.GET.get("status", VendorStatus.APPLIED)
        vendors = Vendor.objects.select_related("municipality__province").order_by("-created_at")
        if status in VendorStatus.values:
            vendors = vendors.filter(status=status)
        page = Paginator(vendors, 50).get_page(request.GET.get("page"))
        return render(request, self.template_name, {
            "page_obj": page, "vendors": page.object_list, "status": status,
            "statuses": VendorStatus.choices,
        })


@method_decorator(operator_required, name="dispatch")
class OperatorVendorDetailView(View):
    template_name = "vendors/dashboard/vendor_detail.html"

    def context(self, vendor, form=None):
        return {
            "vendor": vendor,
            "history": vendor.status_changes.select_related("actor"),
            "members": vendor.memberships.select_related("user"),
            "actions": [
                (status, VendorStatus(status).label) for status in VendorStatus.values
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
                vendor_status_change(vendor=vendor, to_status=form.cleaned_data["to_status"],
                                     actor=request.user, reason=form.cleaned_data["reason"])
            except VendorTransitionError as error:
                form.add_error("reason" if error.code == "reason_required" else None, error)
            else:
                messages.success(request, _("%(vendor)s is now %(status)s.") % {
                    "vendor": vendor.trade_name,
                    "status": VendorStatus(form.cleaned_data["to_status"]).label.lower()})
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
        return render(request, self.template_name, {
            "page_obj": page, "vendors": page.object_list, "currency": currency,
            "commission_total": platform_commission_total(currency=currency),
        })


@method_decorator(operator_required, name="dispatch")
class OperatorPayoutCreateView(View):
    """The operator records money paid to a vendor, with its reference."""

    template_name = "vendors/dashboard/payout_form.html"

    def context(self, vendor, form) -> dict:
        return {"vendor": vendor, "form": form, "currency": ledger_currency(),
                "balance": vendor_balance(vendor=vendor),
                "payouts": vendor_payouts(vendor=vendor)[:20]}

    def get(self, request, slug):
        vendor = get_object_or_404(Vendor, slug=slug)
        return render(request, self.template_name, self.context(vendor, PayoutForm()))

    def post(self, request, slug):
        vendor = get_object_or_404(Vendor, slug=slug)
        form = PayoutForm(request.POST)
        if form.is_valid():
            try:
                payout_create(vendor=vendor, amount=form.cleaned_data["amount"],
                              reference=form.cleaned_data["reference"], actor=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Payout to %(vendor)s recorded.")
                                 % {"vendor": vendor.trade_name})
                return redirect("vendors:operator-balances")
        return render(request, self.template_name, self.context(vendor, form), status=400)


class PurchasePartCancelView(View):
    """The signed-in buyer cancels one vendor part of their purchase (POST only)."""

    def post(self, request, number):
        vendor_order = get_object_or_404(buyer_vendor_orders(user=request.user), number=number)
        _purchase_part_cancel(request, vendor_order=vendor_order, actor=request.user)
        return redirect("customer:order", order_number=vendor_order.order.number)


class GuestPurchasePartCancelView(View):
    """The same for a guest, from Oscar's anonymous order page (signed link + e-mail)."""

    def post(self, request, number, hash):
        vendor_order = guest_vendor_order(number=number, verification_hash=hash,
                                          email=request.session.get("anon_order_email"))
        if vendor_order is None:
            raise Http404(_("No such order."))
        _purchase_part_cancel(request, vendor_order=vendor_order, actor=None)
        return redirect("customer:anon-order", order_number=vendor_order.order.number, hash=hash)


def _purchase_part_cancel(request, *, vendor_order, actor) -> None:
    try:
        vendor_order_transition(vendor_order_id=vendor_order.pk,
                                to_status=VendorOrderStatus.CANCELLED, actor=actor,
                                actor_role=ActorRole.BUYER)
    except VendorOrderTransitionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Order %(number)s is cancelled.")
                         % {"number": vendor_order.number})
