"""The store's delivery forms: its delivery zones and its pickup points."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from logistics.forms import (
    MunicipalityChoiceField,
    MunicipalityMultipleChoiceField,
    ProvinceChoiceField,
    ProvinceMultipleChoiceField,
    province_municipality_clean,
)
from logistics.services import DeliveryZoneData, PickupPointData
from vendors.dashboard.forms import amount_field


class DeliveryZoneForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the zone"),
        max_length=80,
        help_text=_("For you and your buyers, e.g. “Pinar del Río city”."),
    )
    provinces = ProvinceMultipleChoiceField(
        required=False, help_text=_("You deliver to every municipality of these provinces.")
    )
    municipalities = MunicipalityMultipleChoiceField(
        required=False,
        help_text=_("And to these single municipalities (hold Ctrl or ⌘ to choose several)."),
    )
    price = amount_field(label=_("Delivery price (CUP)"))
    price_per_kg = amount_field(
        label=_("Price per kg (CUP)"),
        required=False,
        initial=0,
        help_text=_("Added to the price for each kg of the order."),
    )
    minimum_order = amount_field(
        label=_("Minimum order (CUP)"),
        required=False,
        initial=0,
        help_text=_("Below this amount you do not deliver here."),
    )
    is_active = forms.BooleanField(
        label=_("Offer this zone to buyers"), required=False, initial=True
    )

    @classmethod
    def initial_from(cls, zone) -> dict:
        return {
            "name": zone.name,
            "provinces": list(zone.provinces.all()),
            "municipalities": list(zone.municipalities.all()),
            "price": zone.price,
            "price_per_kg": zone.price_per_kg,
            "minimum_order": zone.minimum_order,
            "is_active": zone.is_active,
        }

    def clean(self):
        cleaned_data = super().clean()
        if (
            "provinces" in cleaned_data
            and "municipalities" in cleaned_data
            and not cleaned_data["provinces"]
            and not cleaned_data["municipalities"]
        ):
            raise ValidationError(
                _("Choose at least one province or municipality you deliver to."),
                code="no_coverage",
            )
        return cleaned_data

    def zone_data(self) -> DeliveryZoneData:
        data = self.cleaned_data
        return DeliveryZoneData(
            name=data["name"],
            provinces=tuple(data["provinces"]),
            municipalities=tuple(data["municipalities"]),
            price=data["price"],
            price_per_kg=data["price_per_kg"] or Decimal("0"),
            minimum_order=data["minimum_order"] or Decimal("0"),
            is_active=data["is_active"],
        )


class PickupPointForm(forms.Form):
    name = forms.CharField(label=_("Name of the pickup point"), max_length=80)
    province = ProvinceChoiceField()
    municipality = MunicipalityChoiceField()
    address = forms.CharField(label=_("Address"), max_length=255)
    hours = forms.CharField(
        label=_("Opening hours"),
        max_length=160,
        help_text=_("E.g. “Monday to Saturday, 9:00 to 17:00”."),
    )
    is_active = forms.BooleanField(
        label=_("Offer this pickup point to buyers"), required=False, initial=True
    )

    @classmethod
    def initial_from(cls, point) -> dict:
        return {
            "name": point.name,
            "province": point.municipality.province,
            "municipality": point.municipality,
            "address": point.address,
            "hours": point.hours,
            "is_active": point.is_active,
        }

    @classmethod
    def initial_for(cls, vendor) -> dict:
        """A new pickup point starts at the store's own address."""
        return {
            "name": vendor.trade_name,
            "province": vendor.province,
            "municipality": vendor.municipality,
            "address": vendor.address,
            "is_active": True,
        }

    def clean(self):
        cleaned_data = super().clean()
        province_municipality_clean(cleaned_data)
        return cleaned_data

    def point_data(self) -> PickupPointData:
        data = self.cleaned_data
        return PickupPointData(
            name=data["name"],
            municipality=data["municipality"],
            address=data["address"],
            hours=data["hours"],
            is_active=data["is_active"],
        )
