from datetime import timedelta
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from logistics.delivery import HOME, PICKUP
from logistics.forms import (
    MunicipalityChoiceField,
    ProvinceChoiceField,
    province_municipality_clean,
)
from logistics.models import PickupPoint, Province
from shop.companies.forms import buy_as_field
from shop.core.money import money_format
from shop.core.quantities import QuantityField, quantity_format
from shop.sourcing.models import NoticeTiming, SourcingRequest, StoreFollowing, Visibility
from vendors.catalogue.images import PRODUCT_BOX, uploaded_image_clean
from vendors.models import ActorType, Sector, Vendor, VendorStatus

Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")

MAX_INVITED = 20


class StyledFieldsMixin:
    """Inputs that fill a phone's width (Bootstrap's form-control); checkboxes and radio
    buttons stay as they are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(
                field.widget, (forms.CheckboxInput, forms.RadioSelect, forms.FileInput)
            ):
                field.widget.attrs.setdefault("class", "form-control")


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return ("— " * (obj.depth - 1)) + obj.name


def _category_field(**kwargs):
    return CategoryChoiceField(
        queryset=Category.objects.filter(depth__lte=2).order_by("path"),
        required=False,
        label=_("Category"),
        empty_label=_("Any category"),
        error_messages={"invalid_choice": _("Choose a category from the list.")},
        **kwargs,
    )


def _sector_field(**kwargs):
    return forms.ModelChoiceField(
        queryset=Sector.objects.order_by("name"),
        required=False,
        label=_("Sector"),
        empty_label=_("Any sector"),
        error_messages={"invalid_choice": _("Choose a sector from the list.")},
        **kwargs,
    )


class SourcingRequestForm(StyledFieldsMixin, forms.ModelForm):
    """What a registered buyer needs. Invited stores are named by the address of their
    store page, separated by commas."""

    category = _category_field()
    sector = _sector_field()
    picture = forms.FileField(
        label=_("Picture"),
        required=False,
        help_text=_("Optional: PNG, JPEG, WebP or GIF, at most 2 MB."),
    )
    province = ProvinceChoiceField(
        label=_("Delivery province"),
        error_messages={
            "required": _("Choose the province it goes to."),
            "invalid_choice": _("Choose a province from the list."),
        },
    )
    municipality = MunicipalityChoiceField(
        label=_("Delivery municipality"),
        error_messages={
            "required": _("Choose the municipality it goes to."),
            "invalid_choice": _("Choose a municipality from the list."),
        },
    )
    invited = forms.CharField(
        label=_("Invited stores"),
        required=False,
        max_length=1000,
        help_text=_(
            "Only for requests to invited stores: the addresses of their store pages "
            "(the part after /tiendas/), separated by commas."
        ),
    )

    class Meta:
        model = SourcingRequest
        fields = [
            "title",
            "description",
            "category",
            "sector",
            "quantity",
            "unit",
            "target_price",
            "needed_by",
            "province",
            "municipality",
            "recurring",
            "picture",
            "visibility",
            "invited",
            "buyer_vendor",
        ]
        field_classes = {"quantity": QuantityField}
        widgets = {
            "needed_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "title": _("For example: wheat flour for bread, 50 kg sacks."),
            "target_price": _("Optional: what you expect to pay per unit."),
            "recurring": _("Tick it if you will need this again, regularly."),
        }
        error_messages = {
            "title": {"required": _("Say what you need.")},
            "quantity": {"required": _("Enter the quantity you need.")},
            "unit": {
                "required": _("Choose the unit of the quantity."),
                "invalid_choice": _("Choose a unit from the list."),
            },
            "target_price": {
                "invalid": _("Enter the price as a number, for example 120.50."),
                "min_value": _("The price cannot be negative."),
                "max_digits": _("The price is too large."),
                "max_decimal_places": _("Use at most two decimals for the price."),
            },
            "needed_by": {
                "required": _("Enter the date by which you need it."),
                "invalid": _("Enter the date as day/month/year."),
            },
            "visibility": {"invalid_choice": _("Choose who sees the request.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        stores = Vendor.objects.filter(memberships__user=user).order_by("trade_name")
        self.fields["buyer_vendor"].queryset = stores
        self.fields["buyer_vendor"].empty_label = _("Myself")
        self.fields["buyer_vendor"].error_messages["invalid_choice"] = _(
            "Choose one of your stores."
        )
        if not stores.exists():
            del self.fields["buyer_vendor"]
        self.fields["visibility"].choices = Visibility.choices
        self.fields["description"].required = False

    def clean_needed_by(self):
        needed_by = self.cleaned_data["needed_by"]
        today = timezone.localdate()
        if needed_by < today:
            raise forms.ValidationError(_("The date cannot be in the past."), code="past")
        if needed_by > today + timedelta(days=366):
            raise forms.ValidationError(
                _("Choose a date within the next twelve months."), code="too_far"
            )
        return needed_by

    def clean_picture(self):
        upload = self.cleaned_data.get("picture")
        return uploaded_image_clean(upload, box=PRODUCT_BOX) if upload else None

    def clean_invited(self):
        slugs = sorted({slug.strip().lower() for slug in self.cleaned_data["invited"].split(",")})
        slugs = [slug for slug in slugs if slug]
        if len(slugs) > MAX_INVITED:
            raise forms.ValidationError(
                _("Invite at most %(count)s stores.") % {"count": MAX_INVITED}, code="too_many"
            )
        found = list(Vendor.objects.filter(slug__in=slugs, status=VendorStatus.APPROVED))
        unknown = sorted(set(slugs) - {vendor.slug for vendor in found})
        if unknown:
            raise forms.ValidationError(
                _("No store has the address %(slugs)s.") % {"slugs": ", ".join(unknown)},
                code="unknown_store",
            )
        return found

    def clean(self):
        cleaned_data = super().clean()
        province_municipality_clean(cleaned_data)
        if cleaned_data.get("visibility") == Visibility.INVITED and not cleaned_data.get("invited"):
            self.add_error("invited", _("Name at least one store to invite."))
        return cleaned_data

    def request_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("province", "invited"):
            data.pop(name, None)
        return data


class BoardFilterForm(StyledFieldsMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    sector = _sector_field()
    category = _category_field()
    province = forms.ModelChoiceField(
        queryset=Province.objects.all(),
        required=False,
        label=_("Province"),
        empty_label=_("All provinces"),
    )
    actor_type = forms.ChoiceField(
        label=_("Type of economic actor"),
        required=False,
        choices=[("", _("Any type"))] + list(ActorType.choices),
    )


class OfferForm(StyledFieldsMixin, forms.Form):
    price = forms.DecimalField(
        label=_("Price per unit"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": _("Enter your price per unit."),
            "invalid": _("Enter the price as a number, for example 120.50."),
            "min_value": _("The price cannot be negative."),
            "max_decimal_places": _("Use at most two decimals for the price."),
            "max_digits": _("The price is too large."),
        },
    )
    quantity = QuantityField(
        label=_("Quantity you can supply"),
        error_messages={"required": _("Enter the quantity you can supply.")},
    )
    lead_time_days = forms.IntegerField(
        label=_("Lead time (days)"),
        min_value=0,
        max_value=365,
        error_messages={
            "required": _("Enter in how many days you can deliver."),
            "invalid": _("Enter the days as a whole number."),
            "min_value": _("The days cannot be negative."),
            "max_value": _("Enter at most 365 days."),
        },
    )
    delivery_price = forms.DecimalField(
        label=_("Delivery price for this offer"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_(
            "Home delivery to the request's municipality at this price. Empty: your "
            "delivery zones apply. Your pickup points always do."
        ),
        error_messages={
            "invalid": _("Enter the price as a number, for example 120.50."),
            "min_value": _("The price cannot be negative."),
        },
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter until when your offer is valid."),
            "invalid": _("Enter the date as day/month/year."),
        },
    )
    message = forms.CharField(
        label=_("Message to the buyer"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not write phone numbers or e-mails: they stay hidden until a purchase."),
    )
    stockrecord = forms.ModelChoiceField(
        queryset=StockRecord.objects.none(),
        required=False,
        label=_("One of your products"),
        empty_label=_("None: made for this request"),
        error_messages={"invalid_choice": _("Choose one of your products.")},
    )

    def __init__(self, *args, vendor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stockrecord"].queryset = (
            StockRecord.objects.filter(partner_id=vendor.partner_id)
            .exclude(partner_sku__startswith="SOL-")
            .select_related("product")
            .order_by("product__title")
        )
        self.fields["stockrecord"].label_from_instance = lambda record: record.product.title

    def clean_valid_until(self):
        valid_until = self.cleaned_data["valid_until"]
        if valid_until < timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the past."), code="past")
        return valid_until


class FollowingForm(forms.ModelForm):
    class Meta:
        model = StoreFollowing
        fields = ["sectors", "provinces", "notice_timing", "sms_notices"]
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "provinces": forms.CheckboxSelectMultiple,
            "notice_timing": forms.RadioSelect,
        }
        help_texts = {
            "sectors": _("You are told of every public request in these sectors."),
            "provinces": _("You are told of every public request delivered in these provinces."),
            "sms_notices": _("A short text message to the store's phone with each notice."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notice_timing"].required = False  # not chosen: the daily digest

    def clean_notice_timing(self):
        return self.cleaned_data["notice_timing"] or NoticeTiming.DAILY


class MessageForm(StyledFieldsMixin, forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write a message."),
            "max_length": _("Write at most 2000 characters."),
        },
    )


class ReportForm(StyledFieldsMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Say what is wrong."),
            "max_length": _("Write at most 1000 characters."),
        },
    )


class StaffReadingForm(StyledFieldsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why you need to read it"),
        max_length=500,
        error_messages={"required": _("Say why you need to read it.")},
    )


class AcceptForm(StyledFieldsMixin, forms.Form):
    """How the requester takes an offer: units, who receives them, delivery, payment."""

    quantity = QuantityField(
        label=_("Quantity to buy"),
        error_messages={"required": _("Enter the quantity you buy.")},
    )
    first_name = forms.CharField(label=_("First name"), max_length=255)
    last_name = forms.CharField(label=_("Last name"), max_length=255)
    line1 = forms.CharField(label=_("Address"), max_length=255)
    line2 = forms.CharField(label=_("Between streets or reference"), max_length=255, required=False)
    phone_number = forms.CharField(label=_("Phone for the delivery"), max_length=32)
    delivery = forms.ChoiceField(label=_("Delivery"), widget=forms.RadioSelect)
    payment_method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)

    def __init__(
        self,
        *args,
        offer,
        remaining: Decimal,
        payment_methods: dict,
        home_charge: Decimal | None = None,
        companies=(),
        **kwargs,
    ):
        """`home_charge`: what home delivery costs (offer_home_delivery), None if the
        store does not deliver to the request's municipality; `companies`: those the
        requester may buy for (the purchase is then the company's)."""
        super().__init__(*args, **kwargs)
        if companies:
            self.fields["buy_as"] = buy_as_field(companies)
        most = min(offer.quantity, remaining)
        self.fields["quantity"].validators.append(_max_quantity_validator(most))
        self.fields["quantity"].initial = most
        points = PickupPoint.objects.filter(vendor_id=offer.vendor_id, is_active=True).order_by(
            "name", "pk"
        )
        home = (
            _("Home delivery: %(price)s")
            % {"price": money_format(home_charge, offer.request.currency)}
            if home_charge is not None
            else _("Home delivery (the store does not deliver to this municipality)")
        )
        self.fields["delivery"].choices = [(HOME, home)] + [
            (f"{PICKUP}-{point.pk}", _("Pickup at %(point)s") % {"point": point.name})
            for point in points
        ]
        self.fields["delivery"].initial = HOME
        self.fields["payment_method"].choices = [
            (name, label) for name, (label, _description) in payment_methods.items()
        ]
        for name in ("first_name", "last_name", "line1", "phone_number"):
            self.fields[name].error_messages["required"] = _("This field is required.")

    def address(self) -> dict:
        return {
            name: self.cleaned_data.get(name, "")
            for name in ("first_name", "last_name", "line1", "line2", "phone_number")
        }


def _max_quantity_validator(most: Decimal):
    def validate(value):
        if value > most:
            raise forms.ValidationError(
                _("Enter a quantity of at most %(most)s.") % {"most": quantity_format(most)},
                code="max_value",
            )

    return validate
