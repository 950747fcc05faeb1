from django import forms
from django.utils.translation import gettext_lazy as _

from shop.api.models import Scope


class PersonalKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=80, help_text=_("Where you will use it, e.g. “Mi teléfono”.")
    )


class StoreKeyForm(PersonalKeyForm):
    scopes = forms.MultipleChoiceField(
        label=_("What it may do"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )
