"""The store's delivery places: the zones it delivers to and its pickup points."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from logistics.selectors import (
    vendor_delivery_zone_get,
    vendor_delivery_zones,
    vendor_pickup_point_get,
    vendor_pickup_points,
)
from logistics.services import (
    delivery_place_activate,
    delivery_place_delete,
    delivery_zone_save,
    pickup_point_save,
)
from vendors.dashboard.base import VendorDashboardMixin
from vendors.dashboard.delivery_forms import DeliveryZoneForm, PickupPointForm


class DeliveryZoneListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render(
            "delivery_zone_list.html", {"zones": vendor_delivery_zones(vendor=self.vendor)}
        )


class PickupPointListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render(
            "pickup_point_list.html", {"points": vendor_pickup_points(vendor=self.vendor)}
        )


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
        return {
            "form": form,
            "place": place,
            "new_title": self.new_title,
            "list_url": reverse(self.list_url, args=[self.vendor.slug]),
        }

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
        message = (
            _("%(name)s is offered to buyers again.")
            if is_active
            else _("%(name)s is no longer offered to buyers.")
        )
        messages.success(request, message % {"name": place.name})
        return self.to_list()


class DeliveryPlaceDeleteView(DeliveryPlaceMixin, View):
    def get(self, request, vendor_slug, pk):
        return self.render(
            "delivery_place_delete.html",
            {
                "place": self.place_get(pk),
                "list_url": reverse(self.list_url, args=[self.vendor.slug]),
            },
        )

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
