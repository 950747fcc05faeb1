from dataclasses import replace

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from oscar.apps.checkout.forms import *  # noqa: F403  (Oscar's fork pattern)

from logistics.delivery import combined_choice_errors
from logistics.forms import (
    MunicipalityChoiceField,
    ProvinceChoiceField,
    province_municipality_clean,
)
from payments.selectors import payment_method_default
from shop.companies.forms import buy_as_field
from shop.core.money import money_format
from vendors.validators import nit_validate


class GatewayForm(oscar_forms.GatewayForm):
    """Oscar's first checkout step (guest, new account or returning customer). Its
    script hides the password unless "returning customer" is chosen; without scripts the
    field shows beside every option, so it must not be `required` in the page or a guest
    could never go on. Only a returning customer is asked for it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].required = False

    def clean(self):
        if self.cleaned_data.get("options") == self.EXISTING and not self.cleaned_data.get(
            "password"
        ):
            self.add_error(
                "password",
                ValidationError(
                    _("Enter your password to sign in, or choose to buy as a guest."),
                    code="password_missing",
                ),
            )
            return self.cleaned_data
        return super().clean()


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    """A Cuban delivery address: street, province and one of its municipalities, and a
    phone the stores can call. The province and municipality are written to Oscar's
    `state` and `line4` (city), where every address display already shows them."""

    province = ProvinceChoiceField()
    municipality = MunicipalityChoiceField()

    class Meta(oscar_forms.ShippingAddressForm.Meta):
        fields = ["first_name", "last_name", "line1", "line2", "phone_number", "notes"]
        labels = {
            "line1": _("Street and number"),
            "line2": _("Between streets, building, apartment"),
            "notes": _("Directions for the delivery"),
        }

    field_order = [
        "first_name",
        "last_name",
        "line1",
        "line2",
        "province",
        "municipality",
        "phone_number",
        "notes",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone_number"].required = True
        self.fields["phone_number"].help_text = _("The stores call this number to deliver.")
        for name in ("first_name", "last_name", "line1"):
            self.fields[name].required = True

    def clean(self):
        cleaned_data = super().clean()
        province_municipality_clean(cleaned_data)
        if cleaned_data.get("province") and cleaned_data.get("municipality"):
            self.instance.state = cleaned_data["province"].name
            self.instance.line4 = cleaned_data["municipality"].name
        return cleaned_data


class DeliveryChoiceForm(forms.Form):
    """One required choice per vendor part, among that vendor's own options only."""

    def __init__(self, *args, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = parts
        for part in parts:
            if part.options:
                message = _("Choose how %(store)s gets your order to you.") % {
                    "store": part.vendor.trade_name
                }
            else:
                message = _(
                    "%(store)s has no way to get your order to this address: remove "
                    "its products or choose another address."
                ) % {"store": part.vendor.trade_name}
            self.fields[self.field_name(part)] = forms.ChoiceField(
                label=part.vendor.trade_name,
                widget=forms.RadioSelect,
                choices=[(option.code, self.option_label(option)) for option in part.options],
                error_messages={
                    "required": message,
                    "invalid_choice": _(
                        "That delivery option is not offered by %(store)s: choose one of its own."
                    )
                    % {"store": part.vendor.trade_name},
                },
            )

    @staticmethod
    def field_name(part) -> str:
        return f"vendor-{part.key}"

    @staticmethod
    def option_label(option) -> str:
        charge = money_format(option.charge) if option.charge else _("free")
        label = f"{option.name} ({charge})"
        if option.estimated_delivery:
            day = formats.date_format(option.estimated_delivery, r"l j \d\e F")
            label = f"{label} · {_('Estimated delivery: %(date)s') % {'date': day}}"
        return label

    def bound_parts(self):
        return [(part, self[self.field_name(part)]) for part in self.parts]

    def choices(self) -> dict[str, str]:
        return {part.key: self.cleaned_data[self.field_name(part)] for part in self.parts}

    def clean(self):
        cleaned = super().clean()
        chosen = [
            replace(part, chosen=part.option(cleaned.get(self.field_name(part), "")))
            for part in self.parts
        ]
        for error in combined_choice_errors(chosen):
            self.add_error(None, error)
        return cleaned


class CompanyBillingForm(forms.Form):
    """Whom the invoices are made out to: the buyer, or the buyer's company (its name
    and NIT print on every store's invoice). The checkout and phone orders ask alike."""

    as_company = forms.BooleanField(
        label=_("Buy as a company (invoices in its name)"), required=False
    )
    company_name = forms.CharField(label=_("Company name"), max_length=160, required=False)
    company_nit = forms.CharField(
        label=_("Company NIT"), max_length=11, required=False, help_text=_("11 digits")
    )

    def __init__(self, *args, companies=(), **kwargs):
        """`companies`: those the buyer belongs to and may buy for ("Buy as"; the
        purchase is then the company's)."""
        super().__init__(*args, **kwargs)
        if companies:
            self.fields["buy_as"] = buy_as_field(companies)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("buy_as"):
            cleaned_data["as_company"] = False
            for name in ("company_name", "company_nit"):
                self.errors.pop(name, None)
        if not cleaned_data.get("as_company"):
            cleaned_data["company_name"] = cleaned_data["company_nit"] = ""
            return cleaned_data
        if not cleaned_data.get("company_name", "").strip():
            self.add_error(
                "company_name", _("Write the company's name as it appears on its papers.")
            )
        try:
            nit_validate(cleaned_data.get("company_nit", "").strip())
        except ValidationError as error:
            self.add_error("company_nit", error)
        cleaned_data["company_name"] = cleaned_data.get("company_name", "").strip()
        cleaned_data["company_nit"] = cleaned_data.get("company_nit", "").strip()
        return cleaned_data


class PaymentMethodForm(CompanyBillingForm):
    """How the buyer pays, and whom the invoices are made out to."""

    method = forms.ChoiceField(
        label=_("How do you want to pay?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you want to pay."),
            "invalid_choice": _("Choose one of the payment methods offered."),
        },
    )
    parts_on_account = forms.BooleanField(
        label=_(
            "Put on the company's account the parts of the stores that grant it terms; "
            "the rest is paid with the method chosen"
        ),
        required=False,
    )
    field_order = [
        "method",
        "parts_on_account",
        "buy_as",
        "as_company",
        "company_name",
        "company_nit",
    ]

    def __init__(self, *args, methods: dict, some_terms: bool = False, **kwargs):
        """`methods`: payments.selectors.payment_methods_offered. `some_terms`: a company
        the buyer buys for has terms with some stores of the basket (not all of them)."""
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [(code, label) for code, (label, _help) in methods.items()]
        self.fields["method"].initial = payment_method_default(methods)
        if not some_terms:
            del self.fields["parts_on_account"]
