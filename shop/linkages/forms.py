from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from logistics.models import Province
from shop.linkages.models import AmountBand, DealChannel, Event, InitiativeKind
from shop.linkages.services import DECLARE_WINDOW
from vendors.models import ActorType, Sector, Vendor, VendorStatus


class DealDeclareForm(forms.Form):
    counterpart = forms.CharField(
        label=_("The other actor"),
        max_length=120,
        help_text=_("Its NIT, or its store's address on Encadena (as in /tiendas/…)."),
    )
    we_sold = forms.TypedChoiceField(
        label=_("In this deal you"),
        choices=(("1", _("sold")), ("0", _("bought"))),
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    band = forms.ChoiceField(label=_("Amount (CUP)"), choices=AmountBand.choices)
    deal_date = forms.DateField(
        label=_("Closed on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False
    )
    channel = forms.ChoiceField(
        label=_("Where"), choices=DealChannel.choices, widget=forms.RadioSelect, initial="feria"
    )
    note = forms.CharField(label=_("What was traded"), max_length=200, required=False)
    event = forms.ModelChoiceField(
        label=_("At the event"),
        queryset=Event.objects.none(),
        required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["deal_date"].initial = today
        self.fields["event"].queryset = Event.objects.filter(
            starts_on__lte=today, ends_on__gte=today - DECLARE_WINDOW
        ).order_by("-starts_on")

    def clean_counterpart(self):
        value = self.cleaned_data["counterpart"].strip().rstrip("/").rsplit("/", 1)[-1]
        vendor = Vendor.objects.filter(
            Q(nit=value) | Q(slug=value), status=VendorStatus.APPROVED
        ).first()
        if vendor is None:
            raise forms.ValidationError(
                _("No active actor on Encadena has this NIT or store address.")
            )
        return vendor


class MapFilterForm(forms.Form):
    tipo = forms.ChoiceField(
        label=_("Actor type"), choices=[("", _("Any"))] + ActorType.choices, required=False
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Any"),
    )


class InitiativeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InitiativeKind.choices)
    name = forms.CharField(label=_("Name"), max_length=160)
    description = forms.CharField(
        label=_("What it does and whom it seeks"), max_length=3000, widget=forms.Textarea
    )
    province = forms.ModelChoiceField(label=_("Territory"), queryset=Province.objects.all())


class InitiativeInviteForm(forms.Form):
    counterpart = DealDeclareForm.base_fields["counterpart"]
    clean_counterpart = DealDeclareForm.clean_counterpart
