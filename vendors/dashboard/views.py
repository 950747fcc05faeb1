"""The vendor dashboard: each view sees one vendor, named in its URL, and only if
the user is one of its members (or an operator). Anything else is a 404."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from logistics.carriers.interface import Capability
from logistics.carriers.registry import carrier_label, carriers_enabled
from logistics.courier import courier_link_path
from logistics.forms import ShipmentForm, TrackingStepForm
from logistics.models import Shipment, TrackingStatus
from logistics.selectors import (
    returned_paid_parts,
    shipments_needing_attention,
    vendor_delivery_zone_get,
    vendor_delivery_zones,
    vendor_pickup_point_get,
    vendor_pickup_points,
    vendor_shipments,
)
from logistics.services import (
    delivery_place_activate,
    delivery_place_delete,
    delivery_zone_save,
    pickup_point_save,
)
from logistics.tracking import (
    SHIPPABLE,
    courier_link_revoke,
    manual_step_record,
    shipment_cancel,
    shipment_create,
    shipment_next_steps,
    shipments_cash_due,
)
from shop.core.money import money_format
from shop.core.roles import is_operator
from vendors.catalogue_csv import (
    COLUMNS,
    IMPORT_LIMITS,
    vendor_catalogue_csv,
    vendor_catalogue_csv_import,
)
from vendors.dashboard.forms import (
    CatalogueImportForm,
    DeliveryZoneForm,
    InvitationForm,
    PickupPointForm,
    RefundForm,
    StockAdjustmentForm,
    VendorProductForm,
    VendorProfileForm,
)
from vendors.exceptions import RefundRefused
from vendors.inventory import stock_set
from vendors.ledger import (
    commission_percent,
    ledger_currency,
    vendor_balance,
    vendor_ledger,
    vendor_payouts,
)
from vendors.models import (
    MembershipRole,
    StockMovement,
    StockMovementReason,
    Vendor,
    VendorOrder,
    VendorOrderStatus,
)
from vendors.orders.actions import vendor_part_refund
from vendors.orders.transitions import (
    ActorRole,
    vendor_order_allowed_targets,
    vendor_order_transition,
)
from vendors.products import (
    product_weight_of,
    vendor_low_stock,
    vendor_product_create,
    vendor_product_get,
    vendor_product_publish,
    vendor_product_update,
    vendor_products,
)
from vendors.services import (
    PROFILE_FIELDS,
    vendor_invitation_accept,
    vendor_invitation_create,
    vendor_profile_update,
)

PAGE_SIZE = 50


class VendorDashboardMixin(LoginRequiredMixin):
    owner_only = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.vendor = get_object_or_404(Vendor.objects.select_related("partner"),
                                        slug=kwargs["vendor_slug"])
        membership = self.vendor.memberships.filter(user=request.user).first()
        if membership is None and not is_operator(request.user):
            raise Http404
        if self.owner_only and membership is not None and membership.role != MembershipRole.OWNER:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, template, context, status=200):
        return render(self.request, f"vendors/dashboard/{template}",
                      {"vendor": self.vendor, **context}, status=status)


class HomeView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render("home.html", {
            "product_count": vendor_products(vendor=self.vendor).count(),
            "low_stock": vendor_low_stock(vendor=self.vendor)[:20],
        })


class ProductListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        products = vendor_products(vendor=self.vendor)
        query = request.GET.get("q", "").strip()[:200]
        if query:
            products = products.filter(title__icontains=query)
        page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
        return self.render("product_list.html", {"page_obj": page, "products": page.object_list,
                                                 "query": query})


class ProductCreateView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render("product_form.html", {"form": VendorProductForm()})

    def post(self, request, vendor_slug):
        form = VendorProductForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render("product_form.html", {"form": form}, status=400)
        product = vendor_product_create(vendor=self.vendor, actor=request.user,
                                        data=form.product_data(), stock=form.cleaned_data["stock"])
        messages.success(request, _("Product saved."))
        return redirect("vendor_dashboard:product-edit", vendor_slug=self.vendor.slug,
                        pk=product.pk)


class ProductEditView(VendorDashboardMixin, View):
    def initial(self, product) -> dict:
        weight = product_weight_of(product)
        return {"title": product.title, "description": product.description,
                "category": product.categories.first(), "price": product.price,
                "sku": product.sku, "low_stock_threshold": product.low_stock_threshold,
                "is_public": product.is_public,
                "weight": "" if weight is None else number_format(weight)}

    def get(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = VendorProductForm(initial=self.initial(product), editing=True)
        return self.render("product_form.html", {"form": form, "product": product})

    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = VendorProductForm(request.POST, request.FILES, editing=True)
        if not form.is_valid():
            return self.render("product_form.html", {"form": form, "product": product}, status=400)
        vendor_product_update(vendor=self.vendor, product=product, data=form.product_data())
        messages.success(request, _("Product saved."))
        return redirect("vendor_dashboard:product-edit", vendor_slug=self.vendor.slug, pk=pk)


class ProductPublishView(VendorDashboardMixin, View):
    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        publish = request.POST.get("publish") == "1"
        vendor_product_publish(vendor=self.vendor, product=product, is_public=publish)
        messages.success(request, _("Product published.") if publish else _("Product hidden."))
        return redirect("vendor_dashboard:product-list", vendor_slug=self.vendor.slug)


class ProductStockView(VendorDashboardMixin, View):
    def context(self, product, form):
        movements = StockMovement.objects.filter(
            stockrecord_id=product.stockrecord_id, vendor=self.vendor
        ).select_related("actor")[:100]
        return {"product": product, "form": form, "movements": movements}

    def get(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = StockAdjustmentForm(initial={"level": product.num_in_stock})
        return self.render("product_stock.html", self.context(product, form))

    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = StockAdjustmentForm(request.POST)
        if form.is_valid():
            try:
                stock_set(stockrecord_id=product.stockrecord_id, vendor=self.vendor,
                          level=form.cleaned_data["level"], note=form.cleaned_data["note"],
                          reason=StockMovementReason.ADJUSTMENT, actor=request.user)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Stock updated."))
                return redirect("vendor_dashboard:product-stock", vendor_slug=self.vendor.slug,
                                pk=pk)
        return self.render("product_stock.html", self.context(product, form), status=400)


class ProductExportView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        response = HttpResponse(vendor_catalogue_csv(vendor=self.vendor),
                                content_type="text/csv; charset=utf-8")
        filename = f"productos-{self.vendor.slug}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ProductImportView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render("product_import.html", {"form": CatalogueImportForm(),
                                                   "columns": COLUMNS, "limits": IMPORT_LIMITS})

    def post(self, request, vendor_slug):
        form = CatalogueImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render("product_import.html", {"form": form, "columns": COLUMNS,
                                                       "limits": IMPORT_LIMITS}, status=400)
        report = vendor_catalogue_csv_import(vendor=self.vendor, actor=request.user,
                                             upload=form.cleaned_data["file"])
        if report.ok:
            messages.success(request, _("Import done: %(created)s new, %(updated)s updated.")
                             % {"created": report.created, "updated": report.updated})
            return redirect("vendor_dashboard:product-list", vendor_slug=self.vendor.slug)
        return self.render("product_import.html", {"form": CatalogueImportForm(),
                                                   "columns": COLUMNS, "limits": IMPORT_LIMITS,
                                                   "report": report}, status=400)


class AccountView(VendorDashboardMixin, View):
    """The store's account with the platform: balance, entries, payouts."""

    def get(self, request, vendor_slug):
        page = Paginator(vendor_ledger(vendor=self.vendor), PAGE_SIZE).get_page(
            request.GET.get("page"))
        return self.render("account.html", {
            "page_obj": page, "entries": page.object_list, "currency": ledger_currency(),
            "balance": vendor_balance(vendor=self.vendor),
            "commission_percent": commission_percent(vendor=self.vendor),
            "payouts": vendor_payouts(vendor=self.vendor)[:20],
        })


class ProfileView(VendorDashboardMixin, View):
    owner_only = True

    def get(self, request, vendor_slug):
        vendor = self.vendor
        initial = {name: getattr(vendor, name) for name in PROFILE_FIELDS}
        initial["sectors"] = list(vendor.sectors.all())
        return self.render("profile.html", {"form": VendorProfileForm(initial=initial)})

    def post(self, request, vendor_slug):
        form = VendorProfileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render("profile.html", {"form": form}, status=400)
        vendor_profile_update(vendor=self.vendor, data=form.cleaned_data)
        messages.success(request, _("Profile saved."))
        return redirect("vendor_dashboard:profile", vendor_slug=self.vendor.slug)


class TeamView(VendorDashboardMixin, View):
    owner_only = True

    def context(self, form):
        return {"form": form,
                "members": self.vendor.memberships.select_related("user").order_by("role", "id"),
                "invitations": self.vendor.invitations.filter(accepted_at__isnull=True)}

    def get(self, request, vendor_slug):
        return self.render("team.html", self.context(InvitationForm()))

    def post(self, request, vendor_slug):
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                vendor_invitation_create(vendor=self.vendor, email=form.cleaned_data["email"],
                                         invited_by=request.user)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Invitation sent."))
                return redirect("vendor_dashboard:team", vendor_slug=self.vendor.slug)
        return self.render("team.html", self.context(form), status=400)


class InvitationAcceptView(LoginRequiredMixin, View):
    def get(self, request, token):
        return render(request, "vendors/dashboard/invitation.html", {"token": token})

    def post(self, request, token):
        try:
            membership = vendor_invitation_accept(token=token, user=request.user)
        except ValidationError as error:
            return render(request, "vendors/dashboard/invitation.html",
                          {"token": token, "errors": error.messages}, status=400)
        messages.success(request, _("You now work for %(vendor)s.")
                         % {"vendor": membership.vendor.trade_name})
        return redirect("vendor_dashboard:home", vendor_slug=membership.vendor.slug)


class MyStoresView(LoginRequiredMixin, View):
    """/vendedor/: straight to the user's store, or a list when there are several."""

    def get(self, request):
        vendors = list(Vendor.objects.filter(memberships__user=request.user).order_by("trade_name"))
        if len(vendors) == 1:
            return redirect("vendor_dashboard:home", vendor_slug=vendors[0].slug)
        return render(request, "vendors/dashboard/my_stores.html", {"vendors": vendors})


def _vendor_order_queryset(vendor):
    return (VendorOrder.objects.filter(vendor=vendor)
            .select_related("order__shipping_address", "order__user"))


class VendorOrderListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        orders = _vendor_order_queryset(self.vendor)
        status = request.GET.get("status", "")
        if status in VendorOrderStatus.values:
            orders = orders.filter(status=status)
        query = request.GET.get("q", "").strip()[:64]
        if query:
            orders = orders.filter(number__icontains=query)
        page = Paginator(orders, PAGE_SIZE).get_page(request.GET.get("page"))
        return self.render("vendor_order_list.html", {
            "page_obj": page, "vendor_orders": page.object_list, "status": status,
            "statuses": VendorOrderStatus.choices, "query": query,
            "bulk_targets": [(s, VendorOrderStatus(s).label) for s in BULK_TARGETS],
        })


# What the button that moves a vendor order to each status says.
ORDER_ACTIONS = {
    VendorOrderStatus.PLACED: gettext_lazy("Confirm payment"),
    VendorOrderStatus.ACCEPTED: gettext_lazy("Accept"),
    VendorOrderStatus.REJECTED: gettext_lazy("Reject"),
    VendorOrderStatus.READY: gettext_lazy("Mark as ready"),
    VendorOrderStatus.SHIPPED: gettext_lazy("Mark as shipped"),
    VendorOrderStatus.DELIVERED: gettext_lazy("Mark as delivered"),
    VendorOrderStatus.RETURNED: gettext_lazy("Mark as returned"),
    VendorOrderStatus.CANCELLED: gettext_lazy("Cancel the order"),
}

# Shipping several at once hands each to the store's own courier (a manual shipment with
# its tracking code and courier link); delivery is recorded per shipment, with the cash.
BULK_TARGETS = (VendorOrderStatus.ACCEPTED, VendorOrderStatus.READY, VendorOrderStatus.SHIPPED)


class VendorOrderBulkView(VendorDashboardMixin, View):
    """Move several vendor orders at once; each is checked on its own."""

    def post(self, request, vendor_slug):
        to_status = request.POST.get("to_status", "")
        numbers = request.POST.getlist("number")
        if to_status not in BULK_TARGETS or not numbers:
            messages.error(request, _("Choose some orders and what to do with them."))
            return redirect("vendor_dashboard:order-list", vendor_slug=self.vendor.slug)
        # Shipped in bulk: with the store's own courier, whichever carrier records steps.
        own_courier = next((carrier.name for carrier in carriers_enabled(
            needs=frozenset({Capability.MANUAL_STEPS}))), "")
        moved, refused = 0, []
        for vendor_order in _vendor_order_queryset(self.vendor).filter(number__in=numbers):
            try:
                if to_status == VendorOrderStatus.SHIPPED:
                    shipment_create(vendor_order=vendor_order, carrier=own_courier, parcels=1,
                                    weight_kg=None, estimated_delivery=None,
                                    actor=request.user)
                else:
                    vendor_order_transition(vendor_order_id=vendor_order.pk,
                                            to_status=to_status, actor=request.user,
                                            actor_role=ActorRole.VENDOR)
                moved += 1
            except ValidationError as error:
                refused.append(" ".join(error.messages))
        if moved:
            messages.success(request, _("%(count)s orders updated.") % {"count": moved})
        for message in refused:
            messages.error(request, message)
        return redirect("vendor_dashboard:order-list", vendor_slug=self.vendor.slug)


def _vendor_order_page(vendor_order, error=None, shipment_form=None) -> dict:
    shipments = vendor_shipments(vendor_order=vendor_order)
    cash_due = shipments_cash_due(vendor_order=vendor_order, shipments=shipments)
    targets = vendor_order_allowed_targets(status=vendor_order.status,
                                           actor_role=ActorRole.VENDOR)
    # Shipping goes through the shipment form; a part with shipments is delivered (or
    # returned) by its shipments' steps.
    hidden = {VendorOrderStatus.SHIPPED}
    if shipments:
        hidden |= {VendorOrderStatus.DELIVERED, VendorOrderStatus.RETURNED}
    return {
        "vendor_order": vendor_order,
        "lines": vendor_order.lines.select_related("product"),
        "address": vendor_order.order.shipping_address,
        "events": vendor_order.events.select_related("actor"),
        "targets": [(s, ORDER_ACTIONS[s]) for s in targets if s not in hidden],
        "error": error,
        "refund_form": RefundForm(initial={"key": uuid.uuid4().hex}),
        "can_ship": vendor_order.status in SHIPPABLE,
        "shipment_form": shipment_form or ShipmentForm(carriers=carriers_enabled()),
        "shipments": _shipment_cards(shipments, cash_due=cash_due),
    }


def _shipment_cards(shipments, *, cash_due: dict) -> list[dict]:
    cards = [_shipment_card(shipment, cash_due=cash_due[shipment.pk]) for shipment in shipments]
    # Every step form offers the same municipalities: read them once for the page.
    choices = None
    for card in cards:
        field = card["step_form"].fields["municipality"]
        if choices is None:
            choices = list(field.choices)
        field.choices = choices
    return cards


def _shipment_card(shipment, *, cash_due) -> dict:
    steps = shipment_next_steps(shipment=shipment)
    return {
        "shipment": shipment,
        "carrier_label": carrier_label(shipment.carrier),
        "steps": [TrackingStatus(step) for step in steps],
        "step_form": TrackingStepForm(steps=steps, initial={"key": uuid.uuid4().hex},
                                      auto_id=f"shipment-{shipment.pk}-%s"),
        "courier_path": courier_link_path(shipment=shipment) if steps else "",
        "cash_due": cash_due if steps else None,
        "can_cancel": shipment.status in (TrackingStatus.PENDING, TrackingStatus.INFO_RECEIVED),
    }


class VendorOrderDetailView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug, number):
        vendor_order = get_object_or_404(_vendor_order_queryset(self.vendor), number=number)
        return self.render("vendor_order_detail.html", _vendor_order_page(vendor_order))

    def post(self, request, vendor_slug, number):
        vendor_order = get_object_or_404(_vendor_order_queryset(self.vendor), number=number)
        try:
            vendor_order_transition(vendor_order_id=vendor_order.pk,
                                    to_status=request.POST.get("to_status", ""),
                                    actor=request.user, actor_role=ActorRole.VENDOR,
                                    reason=request.POST.get("reason", ""))
        except ValidationError as error:
            vendor_order.refresh_from_db()
            return self.render("vendor_order_detail.html",
                               _vendor_order_page(vendor_order, " ".join(error.messages)),
                               status=400)
        messages.success(request, _("Order %(number)s updated.") % {"number": number})
        return redirect("vendor_dashboard:order-detail", vendor_slug=self.vendor.slug,
                        number=number)


class ShipmentCreateView(VendorDashboardMixin, View):
    """Hand (part of) the order to a carrier; again for each further parcel group."""

    def post(self, request, vendor_slug, number):
        vendor_order = get_object_or_404(_vendor_order_queryset(self.vendor), number=number)
        form = ShipmentForm(request.POST, carriers=carriers_enabled())
        if form.is_valid():
            data = form.cleaned_data
            try:
                shipment = shipment_create(
                    vendor_order=vendor_order, carrier=data["carrier"],
                    parcels=data["parcels"], weight_kg=data["weight_kg"],
                    estimated_delivery=data["estimated_delivery"],
                    tracking_code=data["tracking_code"], actor=request.user,
                    actor_role=_dashboard_role(request.user))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Shipment %(code)s registered.")
                                 % {"code": shipment.tracking_code})
                return redirect("vendor_dashboard:order-detail", vendor_slug=self.vendor.slug,
                                number=number)
        vendor_order.refresh_from_db()
        error = " ".join(message for errors in form.errors.values() for message in errors)
        return self.render("vendor_order_detail.html",
                           _vendor_order_page(vendor_order, error, shipment_form=form),
                           status=400)


class ShipmentMixin(VendorDashboardMixin):
    def shipment_get(self, pk: int):
        return get_object_or_404(Shipment.objects.select_related("vendor_order__order")
                                 .filter(vendor_order__vendor=self.vendor), pk=pk)

    def back(self, shipment):
        return redirect("vendor_dashboard:order-detail", vendor_slug=self.vendor.slug,
                        number=shipment.vendor_order.number)

    def refused(self, shipment, message: str):
        vendor_order = _vendor_order_queryset(self.vendor).get(pk=shipment.vendor_order_id)
        return self.render("vendor_order_detail.html",
                           _vendor_order_page(vendor_order, message), status=400)


class ShipmentStepView(ShipmentMixin, View):
    """The vendor records a step of a shipment it delivers itself."""

    def post(self, request, vendor_slug, pk):
        shipment = self.shipment_get(pk)
        form = TrackingStepForm(request.POST, steps=shipment_next_steps(shipment=shipment))
        if not form.is_valid():
            return self.refused(shipment, " ".join(
                message for errors in form.errors.values() for message in errors))
        step = form.step()
        try:
            manual_step_record(shipment=shipment, actor=request.user, step=step)
        except ValidationError as error:
            return self.refused(shipment, " ".join(error.messages))
        messages.success(request, _("Shipment %(code)s: %(status)s.") % {
            "code": shipment.tracking_code, "status": TrackingStatus(step.status).label})
        return self.back(shipment)


class ShipmentCancelView(ShipmentMixin, View):
    def post(self, request, vendor_slug, pk):
        shipment = self.shipment_get(pk)
        try:
            shipment_cancel(shipment=shipment, actor=request.user)
        except ValidationError as error:
            return self.refused(shipment, " ".join(error.messages))
        messages.success(request, _("Shipment %(code)s cancelled.")
                         % {"code": shipment.tracking_code})
        return self.back(shipment)


class ShipmentLinkRevokeView(ShipmentMixin, View):
    def post(self, request, vendor_slug, pk):
        shipment = self.shipment_get(pk)
        courier_link_revoke(shipment=shipment)
        messages.success(request, _("The courier links handed out for %(code)s no longer "
                                    "work; copy the new one.") % {"code": shipment.tracking_code})
        return self.back(shipment)


class ShipmentAttentionView(VendorDashboardMixin, View):
    """Shipments someone should chase, and returned parts waiting for a decision."""

    def get(self, request, vendor_slug):
        shipments = list(shipments_needing_attention(vendor=self.vendor)[:200])
        return self.render("shipment_list.html", {
            "shipments": [(shipment, carrier_label(shipment.carrier)) for shipment in shipments],
            "returned_parts": returned_paid_parts(vendor=self.vendor),
            "stale_days": settings.SHIPMENT_STALE_DAYS,
        })


def _dashboard_role(user) -> str:
    return ActorRole.STAFF if is_operator(user) else ActorRole.VENDOR


class VendorOrderRefundView(VendorDashboardMixin, View):
    """Give the buyer back (part of) what it paid for this vendor part. Operators use it
    too, as staff. The form's key makes a double submission refund once."""

    def post(self, request, vendor_slug, number):
        from payments.exceptions import PaymentError
        vendor_order = get_object_or_404(_vendor_order_queryset(self.vendor), number=number)
        form = RefundForm(request.POST)
        if not form.is_valid():
            context = _vendor_order_page(vendor_order, " ".join(
                message for messages_ in form.errors.values() for message in messages_))
            return self.render("vendor_order_detail.html", context, status=400)
        role = ActorRole.STAFF if is_operator(request.user) else ActorRole.VENDOR
        try:
            made = vendor_part_refund(vendor_order=vendor_order,
                                      amount=form.cleaned_data["amount"],
                                      key=form.cleaned_data["key"], actor=request.user,
                                      actor_role=role, reason=form.cleaned_data["reason"])
        except (RefundRefused, PaymentError) as refused:
            return self.render("vendor_order_detail.html",
                               _vendor_order_page(vendor_order, refused.message), status=400)
        except ValidationError as refused:
            return self.render("vendor_order_detail.html",
                               _vendor_order_page(vendor_order, " ".join(refused.messages)),
                               status=400)
        if made:
            messages.success(request, _("%(amount)s refunded to the buyer.") % {
                "amount": money_format(form.cleaned_data["amount"],
                                       vendor_order.order.currency)})
        return redirect("vendor_dashboard:order-detail", vendor_slug=self.vendor.slug,
                        number=number)


class DeliveryZoneListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render("delivery_zone_list.html",
                           {"zones": vendor_delivery_zones(vendor=self.vendor)})


class PickupPointListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render("pickup_point_list.html",
                           {"points": vendor_pickup_points(vendor=self.vendor)})


class DeliveryPlaceMixin(VendorDashboardMixin):
    """What the pages of one delivery zone or pickup point share; a subclass for each
    kind says how to find, fill and save one."""

    list_url: str
    form_class: type
    new_title: str
    saved_message: str

    def place_get(self, pk: int):
        raise NotImplementedError

    def place_initial(self, place) -> dict:
        raise NotImplementedError

    def place_save(self, form, place):
        raise NotImplementedError

    def to_list(self):
        return redirect(self.list_url, vendor_slug=self.vendor.slug)


class DeliveryPlaceFormView(DeliveryPlaceMixin, View):
    """A new zone or pickup point (no pk), or one to edit."""

    def context(self, form, place) -> dict:
        return {"form": form, "place": place, "new_title": self.new_title,
                "list_url": reverse(self.list_url, args=[self.vendor.slug])}

    def get(self, request, vendor_slug, pk=None):
        place = self.place_get(pk) if pk else None
        form = self.form_class(initial=self.place_initial(place))
        return self.render("delivery_place_form.html", self.context(form, place))

    def post(self, request, vendor_slug, pk=None):
        place = self.place_get(pk) if pk else None
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.render("delivery_place_form.html", self.context(form, place), status=400)
        self.place_save(form, place)
        messages.success(request, self.saved_message)
        return self.to_list()


class DeliveryPlaceActivateView(DeliveryPlaceMixin, View):
    def post(self, request, vendor_slug, pk):
        place = self.place_get(pk)
        is_active = request.POST.get("is_active") == "1"
        delivery_place_activate(place=place, is_active=is_active)
        message = (_("%(name)s is offered to buyers again.") if is_active
                   else _("%(name)s is no longer offered to buyers."))
        messages.success(request, message % {"name": place.name})
        return self.to_list()


class DeliveryPlaceDeleteView(DeliveryPlaceMixin, View):
    def get(self, request, vendor_slug, pk):
        return self.render("delivery_place_delete.html", {
            "place": self.place_get(pk), "list_url": reverse(self.list_url,
                                                             args=[self.vendor.slug])})

    def post(self, request, vendor_slug, pk):
        place = self.place_get(pk)
        try:
            delivery_place_delete(place=place)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s deleted.") % {"name": place.name})
        return self.to_list()


class DeliveryZonePages(DeliveryPlaceMixin):
    list_url = "vendor_dashboard:delivery-zone-list"
    form_class = DeliveryZoneForm
    new_title = gettext_lazy("New delivery zone")
    saved_message = gettext_lazy("Delivery zone saved.")

    def place_get(self, pk):
        return vendor_delivery_zone_get(vendor=self.vendor, pk=pk)

    def place_initial(self, place) -> dict:
        return DeliveryZoneForm.initial_from(place) if place else {}

    def place_save(self, form, place):
        return delivery_zone_save(vendor=self.vendor, data=form.zone_data(), zone=place)


class PickupPointPages(DeliveryPlaceMixin):
    list_url = "vendor_dashboard:pickup-point-list"
    form_class = PickupPointForm
    new_title = gettext_lazy("New pickup point")
    saved_message = gettext_lazy("Pickup point saved.")

    def place_get(self, pk):
        return vendor_pickup_point_get(vendor=self.vendor, pk=pk)

    def place_initial(self, place) -> dict:
        if place is None:
            return PickupPointForm.initial_for(self.vendor)
        return PickupPointForm.initial_from(place)

    def place_save(self, form, place):
        return pickup_point_save(vendor=self.vendor, data=form.point_data(), point=place)


class DeliveryZoneFormView(DeliveryZonePages, DeliveryPlaceFormView):
    pass


class DeliveryZoneActivateView(DeliveryZonePages, DeliveryPlaceActivateView):
    pass


class DeliveryZoneDeleteView(DeliveryZonePages, DeliveryPlaceDeleteView):
    pass


class PickupPointFormView(PickupPointPages, DeliveryPlaceFormView):
    pass


class PickupPointActivateView(PickupPointPages, DeliveryPlaceActivateView):
    pass


class PickupPointDeleteView(PickupPointPages, DeliveryPlaceDeleteView):
    pass
