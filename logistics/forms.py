"""Form fields for a place in Cuba: a province and one of its municipalities.

The municipality select groups its options by province (<optgroup>), so it is
usable with no JavaScript at all; logistics/territory.js narrows it to the
chosen province when scripts run. The server always checks the pair.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from logistics.models import Municipality, Province


class MunicipalityChoiceIterator(forms.models.ModelChoiceIterator):
    """Yields one <optgroup> per province, lazily (at render or validation time)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        grouped: dict[str, list] = {}
        for municipality in self.queryset:
            grouped.setdefault(municipality.province.name, []).append(self.choice(municipality))
        yield from grouped.items()


class MunicipalityChoiceField(forms.ModelChoiceField):
    iterator = MunicipalityChoiceIterator

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Municipality.objects.select_related("province"))
        kwargs.setdefault("label", _("Municipality"))
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Choose a municipality from the list.")},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("data-territory", "municipality")

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
        kwargs.setdefault("error_messages", {"invalid_choice": message,
                                             "invalid_pk_value": message})
        super().__init__(**kwargs)

    def label_from_instance(self, obj) -> str:
        return obj.name


class ProvinceMultipleChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        message = _("Choose provinces from the list.")
        kwargs.setdefault("queryset", Province.objects.all())
        kwargs.setdefault("label", _("Whole provinces"))
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("error_messages", {"invalid_choice": message,
                                             "invalid_pk_value": message})
        super().__init__(**kwargs)


class ProvinceChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Province.objects.all())
        kwargs.setdefault("label", _("Province"))
        kwargs.setdefault(
            "error_messages", {"invalid_choice": _("Choose a province from the list.")}
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("data-territory", "province")


def province_municipality_clean(cleaned_data: dict, *, province_field: str = "province",
                                municipality_field: str = "municipality") -> None:
    """Raise a form error when the municipality does not belong to the province."""
    province = cleaned_data.get(province_field)
    municipality = cleaned_data.get(municipality_field)
    if province and municipality and municipality.province_id != province.pk:
        raise ValidationError(
            {municipality_field: _("%(municipality)s is not in %(province)s.")
             % {"municipality": municipality.name, "province": province.name}}
        )
