"""Form fields for a place in Cuba: a province and one of its municipalities.

The municipality select groups its options by province (<optgroup>), so it is
usable with no JavaScript at all; logistics/territory.js narrows it to the
chosen province when scripts run. The server always checks the pair.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from logistics.models import Municipality, Province
from logistics.territory import territory


class MunicipalityChoiceIterator(forms.models.ModelChoiceIterator):
    """Yields one <optgroup> per province, lazily (at render or validation time)."""

    def municipalities(self):
        return self.queryset

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        grouped: dict[str, list] = {}
        for municipality in self.municipalities():
            grouped.setdefault(municipality.province.name, []).append(self.choice(municipality))
        yield from grouped.items()


class TerritoryMunicipalityIterator(MunicipalityChoiceIterator):
    def municipalities(self):
        return territory().municipalities

    def __len__(self):
        return len(territory().municipalities) + (self.field.empty_label is not None)


class TerritoryProvinceIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for province in territory().provinces:
            yield self.choice(province)

    def __len__(self):
        return len(territory().provinces) + (self.field.empty_label is not None)


class TerritoryChoiceField(forms.ModelChoiceField):
    """One of all the provinces or municipalities, listed and checked from the territory
    in the cache (logistics/territory.py) instead of a query each."""

    def territory_get(self, pk: int):
        raise NotImplementedError

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            found = self.territory_get(int(str(value)))
        except (TypeError, ValueError):
            found = None
        if found is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found


class MunicipalityChoiceField(TerritoryChoiceField):
    iterator = TerritoryMunicipalityIterator

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Municipality.objects.select_related("province"))
        kwargs.setdefault("label", _("Municipality"))
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Choose a municipality from the list.")},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("data-territory", "municipality")

    def territory_get(self, pk: int):
        return territory().municipality(pk)

    def label_from_instance(self, obj) -> str:
        return obj.name


class MunicipalityMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Municipalities of any provinces, grouped by province like MunicipalityChoiceField.
    Not narrowed by territory.js: there is no single province to narrow it to."""

    iterator = MunicipalityChoiceIterator

    def __init__(self, **kwargs):
        message = _("Choose municipalities from the list.")
        kwargs.setdefault("queryset", Municipality.objects.select_related("province"))
        kwargs.setdefault("label", _("Municipalities"))
        kwargs.setdefault("widget", forms.SelectMultiple(attrs={"size": 12}))
        kwargs.setdefault(
            "error_messages", {"invalid_choice": message, "invalid_pk_value": message}
        )
        super().__init__(**kwargs)

    def label_from_instance(self, obj) -> str:
        return obj.name


class ProvinceMultipleChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        message = _("Choose provinces from the list.")
        kwargs.setdefault("queryset", Province.objects.all())
        kwargs.setdefault("label", _("Whole provinces"))
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault(
            "error_messages", {"invalid_choice": message, "invalid_pk_value": message}
        )
        super().__init__(**kwargs)


class ProvinceChoiceField(TerritoryChoiceField):
    iterator = TerritoryProvinceIterator

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Province.objects.all())
        kwargs.setdefault("label", _("Province"))
        kwargs.setdefault(
            "error_messages", {"invalid_choice": _("Choose a province from the list.")}
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("data-territory", "province")

    def territory_get(self, pk: int):
        return territory().province(pk)


def province_municipality_clean(
    cleaned_data: dict,
    *,
    province_field: str = "province",
    municipality_field: str = "municipality",
) -> None:
    """Raise a form error when the municipality does not belong to the province."""
    province = cleaned_data.get(province_field)
    municipality = cleaned_data.get(municipality_field)
    if province and municipality and municipality.province_id != province.pk:
        raise ValidationError(
            {
                municipality_field: _("%(municipality)s is not in %(province)s.")
                % {"municipality": municipality.name, "province": province.name}
            }
        )


class ShipmentForm(forms.Form):
    """A vendor hands (part of) an order to a carrier."""

    carrier = forms.ChoiceField(label=_("Carrier"))
    tracking_code = forms.CharField(
        label=_("Tracking code"),
        required=False,
        max_length=64,
        help_text=_("The carrier's code, if it gave you one; leave it empty for ours."),
    )
    parcels = forms.IntegerField(label=_("Parcels"), min_value=1, max_value=99, initial=1)
    weight_kg = forms.DecimalField(
        label=_("Weight (kg)"),
        required=False,
        min_value=0,
        max_value=10_000,
        max_digits=8,
        decimal_places=3,
    )
    estimated_delivery = forms.DateField(
        label=_("Estimated delivery"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_estimated_delivery(self):
        from django.utils import timezone

        value = self.cleaned_data["estimated_delivery"]
        if value and value < timezone.localdate():
            raise ValidationError(_("The estimated delivery cannot be in the past."))
        return value

    def __init__(self, *args, carriers: list, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
        self.fields["carrier"].choices = [(carrier.name, carrier.label) for carrier in carriers]
        self.fields["carrier"].error_messages["invalid_choice"] = _(
            "Choose one of the carriers offered."
        )


class TrackingStepForm(forms.Form):
    """One step of a shipment recorded by hand: the button pressed names the status;
    `key` (a fresh token per page) makes a double submission record it once."""

    status = forms.ChoiceField(choices=[])
    key = forms.CharField(max_length=64, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note for the buyer"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    municipality = MunicipalityChoiceField(required=False, label=_("Where"))
    cash_collected = forms.DecimalField(
        label=_("Cash collected"), required=False, min_value=0, max_digits=12, decimal_places=2
    )

    def __init__(self, *args, steps: tuple, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(step.value, step.label) for step in steps]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
        self.fields["status"].error_messages["invalid_choice"] = _(
            "That step does not apply to this shipment now."
        )

    def step(self):
        from logistics.tracking import ManualStep

        data = self.cleaned_data
        return ManualStep(
            status=data["status"],
            key=data["key"],
            note=data["note"],
            municipality=data["municipality"],
            cash_collected=data["cash_collected"],
        )
