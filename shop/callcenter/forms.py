from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_classes, get_model

from shop.callcenter.models import Channel
from shop.callcenter.phones import phone_normalise

ShippingAddressForm, CompanyBillingForm = get_classes(
    "checkout.forms", ["ShippingAddressForm", "CompanyBillingForm"]
)
ShippingAddress = get_model("order", "ShippingAddress")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Phone, e-mail, name, purchase, invoice or tracking code"),
        max_length=100,
        required=False,
    )


class CustomerCreateForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    phone = forms.CharField(label=_("Phone"), max_length=24)
    email = forms.EmailField(label=_("E-mail (optional)"), required=False)

    def clean_phone(self):
        if phone_normalise(self.cleaned_data["phone"]) is None:
            raise forms.ValidationError(_("Enter a Cuban phone number, e.g. +53 5 123 4567."))
        return self.cleaned_data["phone"]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    order = forms.CharField(required=False, widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class RefundForm(ReasonForm):
    amount = forms.DecimalField(label=_("Amount"), max_digits=12, decimal_places=2, min_value=0.01)
    key = forms.CharField(widget=forms.HiddenInput, max_length=64)


class DeliveryOptionForm(ReasonForm):
    option = forms.CharField(label=_("Delivery"), max_length=64)


class AddressForm(ShippingAddressForm):
    """The checkout's delivery address (province, municipality, phone), as a dict."""

    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("instance", ShippingAddress())
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control form-control-sm")
        self.fields["notes"].widget.attrs["rows"] = 2

    def address(self) -> dict:
        data = self.cleaned_data
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "line1": data["line1"],
            "line2": data.get("line2", ""),
            "line4": data["municipality"].name,
            "state": data["province"].name,
            "phone_number": str(data.get("phone_number") or ""),
            "notes": data.get("notes", ""),
        }


class PlaceForm(CompanyBillingForm):
    """How the customer contacted us, how they pay, and whom the invoices go to."""

    field_order = [
        "channel",
        "payment_method",
        "buy_as",
        "as_company",
        "company_name",
        "company_nit",
    ]
    channel = forms.ChoiceField(
        label=_("The customer contacted us by"),
        choices=[choice for choice in Channel.choices if choice[0] != Channel.WEB],
    )
    payment_method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)

    def __init__(self, *args, methods: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payment_method"].choices = [
            (code, label) for code, (label, _help) in methods.items()
        ]


class AuditFilterForm(forms.Form):
    agent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    customer = forms.IntegerField(required=False, widget=forms.HiddenInput)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
