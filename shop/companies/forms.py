from django import forms
from django.utils.translation import gettext_lazy as _

from logistics.models import Municipality
from shop.companies.credit import TERM_DAYS
from shop.companies.models import CompanyAddress, CompanyRole
from vendors.models import ActorType
from vendors.validators import nit_validate


class CompanyForm(forms.Form):
    legal_name = forms.CharField(label=_("Legal name"), max_length=160)
    nit = forms.CharField(
        label=_("NIT"), max_length=11, validators=[nit_validate], help_text=_("11 digits")
    )
    actor_type = forms.ChoiceField(label=_("Type of actor"), choices=ActorType.choices)


class SpendingLimitField(forms.DecimalField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Spending limit"),
            max_digits=12,
            decimal_places=2,
            min_value=0,
            required=False,
            help_text=_("A purchase above it waits for an approver. Empty: no limit."),
            **kwargs,
        )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(
        label=_("Role"), choices=CompanyRole.choices, initial=CompanyRole.BUYER
    )
    spending_limit = SpendingLimitField()


class MemberForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=CompanyRole.choices)
    spending_limit = SpendingLimitField()


class AddressForm(forms.ModelForm):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.select_related("province").order_by("province__name", "name"),
    )

    class Meta:
        model = CompanyAddress
        fields = ["name", "line1", "municipality", "phone"]


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the buyer reads it)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TermsForm(forms.Form):
    nit = forms.CharField(
        label=_("Company NIT"), max_length=11, validators=[nit_validate], help_text=_("11 digits")
    )
    days = forms.TypedChoiceField(
        label=_("Days to pay after delivery"),
        choices=[(days, days) for days in TERM_DAYS],
        coerce=int,
    )
    credit_limit = forms.DecimalField(
        label=_("Credit limit"), max_digits=12, decimal_places=2, min_value=0
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
