"""The store's orders: the list, several moved at once, one order's page (with its
shipments), and refunds."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from logistics.carriers.interface import Capability
from logistics.carriers.registry import carrier_label, carriers_enabled
from logistics.courier import courier_link_path
from logistics.forms import ShipmentForm, TrackingStepForm
from logistics.models import TrackingStatus
from logistics.national.selectors import (
    drop_off_points_near,
    part_consolidation,
    part_national_carrier,
)
from logistics.selectors import vendor_shipments
from logistics.tracking import SHIPPABLE, shipment_create, shipment_next_steps, shipments_cash_due
from shop.core.money import money_format
from shop.core.roles import is_operator
from vendors.dashboard.base import PAGE_SIZE, VendorDashboardMixin, vendor_order_queryset
from vendors.dashboard.forms import RefundForm
from vendors.exceptions import RefundRefused
from vendors.models import VendorOrderStatus
from vendors.orders.actions import vendor_part_refund
from vendors.orders.transitions import (
    ActorRole,
    vendor_order_allowed_targets,
    vendor_order_transition,
)


class VendorOrderListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        orders = vendor_order_queryset(self.vendor)
        status = request.GET.get("status", "")
        if status in VendorOrderStatus.values:
            orders = orders.filter(status=status)
        query = request.GET.get("q", "").strip()[:64]
        if query:
            orders = orders.filter(number__icontains=query)
        page = Paginator(orders, PAGE_SIZE).get_page(request.GET.get("page"))
        return self.render(
            "vendor_order_list.html",
            {
                "page_obj": page,
                "vendor_orders": page.object_list,
                "status": status,
                "statuses": VendorOrderStatus.choices,
                "query": query,
                "bulk_targets": [(s, VendorOrderStatus(s).label) for s in BULK_TARGETS],
            },
        )


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
        own_courier = next(
            (
                carrier.name
                for carrier in carriers_enabled(needs=frozenset({Capability.MANUAL_STEPS}))
            ),
            "",
        )
        moved, refused = 0, []
        for vendor_order in vendor_order_queryset(self.vendor).filter(number__in=numbers):
            try:
                if to_status == VendorOrderStatus.SHIPPED:
                    shipment_create(
                        vendor_order=vendor_order, carrier=own_courier, actor=request.user
                    )
                else:
                    vendor_order_transition(
                        vendor_order_id=vendor_order.pk,
                        to_status=to_status,
                        actor=request.user,
                        actor_role=ActorRole.VENDOR,
                    )
                moved += 1
            except ValidationError as error:
                refused.append(" ".join(error.messages))
        if moved:
            messages.success(request, _("%(count)s orders updated.") % {"count": moved})
        for message in refused:
            messages.error(request, message)
        return redirect("vendor_dashboard:order-list", vendor_slug=self.vendor.slug)


def vendor_order_page(vendor_order, error=None, shipment_form=None) -> dict:
    shipments = vendor_shipments(vendor_order=vendor_order)
    cash_due = shipments_cash_due(vendor_order=vendor_order, shipments=shipments)
    targets = vendor_order_allowed_targets(status=vendor_order.status, actor_role=ActorRole.VENDOR)
    # Shipping goes through the shipment form; a part with shipments is delivered (or
    # returned) by its shipments' steps.
    hidden = {VendorOrderStatus.SHIPPED}
    if shipments:
        hidden |= {VendorOrderStatus.DELIVERED, VendorOrderStatus.RETURNED}
    # A part the buyer chose a national carrier for ships with it, from one of its points.
    national = part_national_carrier(vendor_order=vendor_order)
    initial = {"carrier": national.code} if national else {}
    return {
        "national_carrier": national,
        "consolidation": part_consolidation(vendor_order=vendor_order) if national else None,
        "national_drop_off": (
            drop_off_points_near(vendor=vendor_order.vendor, carrier_ids=[national.pk]).get(
                national.pk, []
            )
            if national
            else []
        ),
        "vendor_order": vendor_order,
        "lines": vendor_order.lines.select_related("product").prefetch_related("attributes"),
        "address": vendor_order.order.shipping_address,
        "events": vendor_order.events.select_related("actor"),
        "targets": [(s, ORDER_ACTIONS[s]) for s in targets if s not in hidden],
        "error": error,
        "refund_form": RefundForm(initial={"key": uuid.uuid4().hex}),
        "can_ship": vendor_order.status in SHIPPABLE,
        "shipment_form": shipment_form
        or ShipmentForm(carriers=carriers_enabled(), initial=initial),
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
        "step_form": TrackingStepForm(
            steps=steps, initial={"key": uuid.uuid4().hex}, auto_id=f"shipment-{shipment.pk}-%s"
        ),
        "courier_path": courier_link_path(shipment=shipment) if steps else "",
        "cash_due": cash_due if steps else None,
        "can_cancel": shipment.status in (TrackingStatus.PENDING, TrackingStatus.INFO_RECEIVED),
    }


class VendorOrderDetailView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug, number):
        vendor_order = get_object_or_404(vendor_order_queryset(self.vendor), number=number)
        return self.render("vendor_order_detail.html", vendor_order_page(vendor_order))

    def post(self, request, vendor_slug, number):
        vendor_order = get_object_or_404(vendor_order_queryset(self.vendor), number=number)
        try:
            vendor_order_transition(
                vendor_order_id=vendor_order.pk,
                to_status=request.POST.get("to_status", ""),
                actor=request.user,
                actor_role=ActorRole.VENDOR,
                reason=request.POST.get("reason", ""),
            )
        except ValidationError as error:
            vendor_order.refresh_from_db()
            return self.render(
                "vendor_order_detail.html",
                vendor_order_page(vendor_order, " ".join(error.messages)),
                status=400,
            )
        messages.success(request, _("Order %(number)s updated.") % {"number": number})
        return redirect(
            "vendor_dashboard:order-detail", vendor_slug=self.vendor.slug, number=number
        )


class VendorOrderRefundView(VendorDashboardMixin, View):
    """Give the buyer back (part of) what it paid for this vendor part. Operators use it
    too, as staff. The form's key makes a double submission refund once."""

    def post(self, request, vendor_slug, number):
        from payments.exceptions import PaymentError

        vendor_order = get_object_or_404(vendor_order_queryset(self.vendor), number=number)
        form = RefundForm(request.POST)
        if not form.is_valid():
            context = vendor_order_page(
                vendor_order,
                " ".join(message for messages_ in form.errors.values() for message in messages_),
            )
            return self.render("vendor_order_detail.html", context, status=400)
        role = ActorRole.STAFF if is_operator(request.user) else ActorRole.VENDOR
        try:
            made = vendor_part_refund(
                vendor_order=vendor_order,
                amount=form.cleaned_data["amount"],
                key=form.cleaned_data["key"],
                actor=request.user,
                actor_role=role,
                reason=form.cleaned_data["reason"],
            )
        except (RefundRefused, PaymentError) as refused:
            return self.render(
                "vendor_order_detail.html",
                vendor_order_page(vendor_order, refused.message),
                status=400,
            )
        except ValidationError as refused:
            return self.render(
                "vendor_order_detail.html",
                vendor_order_page(vendor_order, " ".join(refused.messages)),
                status=400,
            )
        if made:
            messages.success(
                request,
                _("%(amount)s refunded to the buyer.")
                % {
                    "amount": money_format(form.cleaned_data["amount"], vendor_order.order.currency)
                },
            )
        return redirect(
            "vendor_dashboard:order-detail", vendor_slug=self.vendor.slug, number=number
        )
