"""What every vendor dashboard page shares: each sees one vendor, named in its URL, and
only if the user is one of its members (or an operator). Anything else is a 404."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from shop.core.roles import is_operator
from shop.sourcing.conversations import store_unread_total
from vendors.models import MembershipRole, Vendor, VendorOrder
from vendors.orders.transitions import ActorRole

PAGE_SIZE = 50


class VendorDashboardMixin(LoginRequiredMixin):
    owner_only = False
    # A page about the store's catalogue: none for an actor listed without a store.
    store_only = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.vendor = get_object_or_404(
            Vendor.objects.select_related("partner"), slug=kwargs["vendor_slug"]
        )
        membership = self.vendor.memberships.filter(user=request.user).first()
        self.membership = membership  # None: an operator looking at the store's pages
        if membership is None and not is_operator(request.user):
            raise Http404
        if self.owner_only and membership is not None and membership.role != MembershipRole.OWNER:
            raise PermissionDenied
        if self.store_only and not self.vendor.has_store:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def render(self, template, context, status=200):
        return render(
            self.request,
            f"vendors/dashboard/{template}",
            {
                "vendor": self.vendor,
                "inbox_unread": store_unread_total(vendor=self.vendor),
                **context,
            },
            status=status,
        )


def vendor_order_queryset(vendor):
    return VendorOrder.objects.filter(vendor=vendor).select_related(
        "order__shipping_address", "order__user"
    )


def dashboard_role(user) -> str:
    return ActorRole.STAFF if is_operator(user) else ActorRole.VENDOR
