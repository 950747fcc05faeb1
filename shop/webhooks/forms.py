from django import forms
from django.utils.translation import gettext_lazy as _

from shop.webhooks.models import EventType


class SubscriptionForm(forms.Form):
    url = forms.URLField(
        label=_("Address"), max_length=500, assume_scheme="https", help_text=_("https://…")
    )
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=EventType.choices, widget=forms.CheckboxSelectMultiple
    )
