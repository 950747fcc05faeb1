from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from logistics.forms import (
    MunicipalityChoiceField,
    ProvinceChoiceField,
    province_municipality_clean,
)
from logistics.models import Province
from vendors.actors.services import VendorApplication
from vendors.catalogue.images import LOGO_BOX, uploaded_image_clean
from vendors.models import ActorType, Sector, Vendor, VendorStatus
from vendors.validators import nit_validate, phone_validate

User = get_user_model()


class VendorApplicationForm(forms.Form):
    """ "Vende en Encadena": the actor's data and, for a visitor, the owner's account."""

    trade_name = forms.CharField(label=_("Store name"), max_length=120)
    legal_name = forms.CharField(label=_("Legal name"), max_length=200)
    actor_type = forms.ChoiceField(label=_("Type of economic actor"), choices=ActorType.choices)
    nit = forms.CharField(label=_("NIT (11 digits)"), max_length=11, validators=[nit_validate])
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    province = ProvinceChoiceField()
    municipality = MunicipalityChoiceField()
    address = forms.CharField(label=_("Address"), max_length=255)
    phone = forms.CharField(label=_("Phone"), max_length=20, validators=[phone_validate])
    email = forms.EmailField(label=_("Store e-mail"))
    description = forms.CharField(
        label=_("What you produce or offer"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )
    logo = forms.FileField(label=_("Logo (optional)"), required=False)
    profile_only = forms.BooleanField(
        label=_("Profile only, no store"),
        required=False,
        help_text=_(
            "For an actor that only buys or seeks partners (a cooperative, a local "
            "development project): listed in the directory with what it offers and needs, "
            "without products."
        ),
    )
    owner_first_name = forms.CharField(label=_("Your first name"), max_length=150)
    owner_last_name = forms.CharField(label=_("Your last name"), max_length=150)
    owner_email = forms.EmailField(label=_("Your e-mail (to sign in)"))
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput)

    OWNER_FIELDS = ("owner_first_name", "owner_last_name", "owner_email", "password1", "password2")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if user is not None and user.is_authenticated else None
        if self.user is not None:
            for name in self.OWNER_FIELDS:
                del self.fields[name]

    def clean_nit(self):
        nit = self.cleaned_data["nit"]
        if Vendor.objects.filter(nit=nit).exists():
            raise forms.ValidationError(_("A vendor with this NIT is already registered."))
        return nit

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        return uploaded_image_clean(upload, box=LOGO_BOX) if upload else None

    def clean_owner_email(self):
        email = self.cleaned_data["owner_email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail exists: sign in first, then apply.")
            )
        return email

    def clean(self):
        cleaned_data = super().clean()
        province_municipality_clean(cleaned_data)
        if self.user is None:
            password1, password2 = cleaned_data.get("password1"), cleaned_data.get("password2")
            if password1 and password2 and password1 != password2:
                self.add_error("password2", _("The two passwords are different."))
            elif password1:
                try:
                    password_validation.validate_password(password1)
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return cleaned_data

    def application(self) -> VendorApplication:
        data = self.cleaned_data
        return VendorApplication(
            actor_type=data["actor_type"],
            legal_name=data["legal_name"].strip(),
            trade_name=data["trade_name"].strip(),
            nit=data["nit"],
            sectors=tuple(data["sectors"]),
            province=data["province"],
            municipality=data["municipality"],
            address=data["address"].strip(),
            description=data["description"].strip(),
            phone=data["phone"].strip(),
            email=data["email"].strip().lower(),
            logo=data.get("logo"),
            has_store=not data.get("profile_only"),
        )


def _sector_filter(*, label) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All"),
    )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    actor_type = forms.ChoiceField(
        label=_("Type of economic actor"),
        choices=[("", _("All"))] + ActorType.choices,
        required=False,
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All"),
    )
    municipality = forms.SlugField(required=False)
    sector = _sector_filter(label=_("Sector"))
    need = _sector_filter(label=_("They need"))


class VendorDecisionForm(forms.Form):
    to_status = forms.ChoiceField(choices=VendorStatus.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason (the vendor will read it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PayoutForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount paid"), max_digits=12, decimal_places=2, min_value=Decimal("0.01")
    )
    reference = forms.CharField(
        label=_("Reference of the payment"),
        max_length=128,
        help_text=_("The bank transfer's or receipt's number, to find it later."),
    )
