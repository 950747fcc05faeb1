from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from logistics.forms import (
    MunicipalityChoiceField,
    ProvinceChoiceField,
    province_municipality_clean,
)
from vendors.catalogue.images import LOGO_BOX, PRODUCT_BOX, uploaded_image_clean
from vendors.catalogue.products import (
    MAX_PRICE,
    MAX_STOCK,
    MAX_WEIGHT_KG,
    ProductData,
    categories_allowed,
    product_weight_parse,
)
from vendors.models import CUBA_BOUNDS, Sector
from vendors.validators import phone_validate

Category = get_model("catalogue", "Category")


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name


class VendorProductForm(forms.Form):
    title = forms.CharField(label=_("Name"), max_length=255)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    category = CategoryChoiceField(
        label=_("Category"), queryset=Category.objects.all(), required=False
    )
    price = forms.DecimalField(
        label=_("Price (CUP)"), max_digits=12, decimal_places=2, min_value=0, max_value=MAX_PRICE
    )
    sku = forms.CharField(label=_("Your product code (SKU)"), max_length=128, required=False)
    weight = forms.CharField(
        label=_("Weight of one unit (kg)"),
        max_length=20,
        required=False,
        help_text=_(
            "With its packaging, e.g. 0,25 for 250 g. Delivery zones with a price "
            "per kg charge by it."
        ),
    )
    stock = forms.IntegerField(
        label=_("Units in stock"), min_value=0, max_value=MAX_STOCK, initial=0
    )
    low_stock_threshold = forms.IntegerField(
        label=_("Warn me when stock falls to"), min_value=0, max_value=MAX_STOCK, required=False
    )
    is_public = forms.BooleanField(label=_("Published"), required=False, initial=True)
    image = forms.FileField(label=_("Add a picture"), required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # after creation, stock changes only through adjustments with a reason
            del self.fields["stock"]
        self.fields["category"].queryset = categories_allowed()

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return uploaded_image_clean(upload, box=PRODUCT_BOX) if upload else None

    def clean_weight(self):
        try:
            return product_weight_parse(self.cleaned_data.get("weight", ""))
        except ValueError:
            raise ValidationError(
                _(
                    "Enter the weight in kg: a number above 0 and at most %(max)s, with up to "
                    "3 decimals (e.g. 0,25)."
                ),
                code="weight",
                params={"max": number_format(MAX_WEIGHT_KG, 0, force_grouping=True)},
            ) from None

    def product_data(self) -> ProductData:
        data = self.cleaned_data
        return ProductData(
            title=data["title"].strip(),
            description=data["description"].strip(),
            category=data["category"],
            price=data["price"],
            sku=data["sku"].strip(),
            low_stock_threshold=data["low_stock_threshold"],
            is_public=data["is_public"],
            image=data["image"],
            weight_kg=data["weight"],
        )


class StockAdjustmentForm(forms.Form):
    level = forms.IntegerField(label=_("New stock level"), min_value=0, max_value=MAX_STOCK)
    note = forms.CharField(label=_("Why (for example: counted the warehouse)"), max_length=255)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the person to invite"))


class CatalogueImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


def _checkboxes(*, label, queryset) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


def _free_text(*, label, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
    )


class VendorProfileForm(forms.Form):
    """What an owner may change alone; NIT, legal name and actor type go through the operator."""

    trade_name = forms.CharField(label=_("Store name"), max_length=120)
    description = forms.CharField(
        label=_("What you produce or offer"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    province = ProvinceChoiceField()
    municipality = MunicipalityChoiceField()
    address = forms.CharField(label=_("Address"), max_length=255)
    phone = forms.CharField(label=_("Phone"), max_length=20, validators=[phone_validate])
    email = forms.EmailField(label=_("Store e-mail"))
    logo = forms.FileField(label=_("New logo (optional)"), required=False)
    offer_categories = _checkboxes(
        label=_("What we offer: categories"), queryset=Category.objects.filter(depth=1)
    )
    offer_text = _free_text(label=_("What we offer, in your words"))
    need_sectors = _checkboxes(label=_("What we need: sectors"), queryset=Sector.objects.all())
    need_categories = _checkboxes(
        label=_("What we need: categories"), queryset=Category.objects.filter(depth=1)
    )
    need_text = _free_text(
        label=_("What we need, in your words"),
        help_text=_("For example: packaging for 500 jars a month, a cold room in Artemisa."),
    )
    capacity = forms.CharField(
        label=_("Capacity"),
        required=False,
        max_length=200,
        help_text=_("For example: 2 t of flour a month, 300 meals a day."),
    )
    certifications = forms.CharField(label=_("Certifications"), required=False, max_length=300)
    latitude = forms.DecimalField(
        label=_("Latitude (optional)"),
        required=False,
        max_digits=8,
        decimal_places=5,
        help_text=_("Your precise place on the map, e.g. 22.41667; empty: your municipality."),
    )
    longitude = forms.DecimalField(
        label=_("Longitude (optional)"),
        required=False,
        max_digits=8,
        decimal_places=5,
        help_text=_("West of Greenwich, so negative, e.g. -83.69667."),
    )

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        return uploaded_image_clean(upload, box=LOGO_BOX) if upload else None

    def clean(self):
        cleaned_data = super().clean()
        province_municipality_clean(cleaned_data)
        coordinates_clean(self, cleaned_data)
        return cleaned_data


def coordinates_clean(form, cleaned_data: dict) -> None:
    """Both coordinates or neither, and inside Cuba."""
    latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
    if "latitude" in form.errors or "longitude" in form.errors:
        return
    if (latitude is None) != (longitude is None):
        form.add_error("longitude", _("Give both latitude and longitude, or leave both empty."))
        return
    south, north, west, east = CUBA_BOUNDS
    if latitude is not None and not (south <= latitude <= north and west <= longitude <= east):
        form.add_error(
            "latitude",
            _("These coordinates are not in Cuba: latitude 19.8 to 23.3, longitude -85 to -74.1."),
        )


def amount_field(*, label, **kwargs) -> forms.DecimalField:
    """An amount in CUP, 0 or more."""
    return forms.DecimalField(
        label=label,
        max_digits=10,
        decimal_places=2,
        min_value=0,
        error_messages={"min_value": _("Amounts cannot be negative: enter 0 or more.")},
        **kwargs,
    )


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount to refund"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={"min_value": _("Enter an amount greater than zero.")},
    )
    reason = forms.CharField(label=_("Reason (the buyer reads it)"), max_length=500)
    # A fresh key per page: submitting the same page twice refunds once.
    key = forms.CharField(widget=forms.HiddenInput, max_length=40)
