from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"), widget=forms.PasswordInput, strip=False
    )
