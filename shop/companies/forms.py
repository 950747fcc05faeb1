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


class PriceListForm(forms.Form):
    name = forms.CharField(label=_("Name of the list"), max_length=80)
    nits = forms.CharField(
        label=_("Companies (NIT)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The NITs of the companies that pay these prices, separated by commas."),
    )
    prices = forms.CharField(
        label=_("Prices"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One product a line: its SKU, then quantity:unit price, for example "
            "CAF-01 1:95.00; 24:90.00 (from 1 unit 95.00, from 24 units 90.00)."
        ),
    )


def buy_as_field(companies, *, widget=forms.RadioSelect) -> forms.TypedChoiceField:
    """The "Buy as" choice: oneself (None) or one of `companies`, by id. The basket, the
    checkout, phone orders and offers ask alike."""
    return forms.TypedChoiceField(
        label=_("Buy as"),
        choices=[("", _("Myself"))] + [(company.pk, company.legal_name) for company in companies],
        coerce=int,
        empty_value=None,
        required=False,
        widget=widget,
        error_messages={"invalid_choice": _("Choose one of the companies you buy for.")},
    )


class BuyAsForm(forms.Form):
    """The basket's "Buy as": oneself, or one of the companies the member buys for."""

    def __init__(self, *args, companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.companies = {company.pk: company for company in companies}
        self.fields["company"] = buy_as_field(companies, widget=forms.Select)

    def chosen_company(self):
        return self.companies.get(self.cleaned_data.get("company"))
