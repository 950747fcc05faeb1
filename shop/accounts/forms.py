from django import forms
from django.utils.translation import gettext_lazy as _


class SecondFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "autocapitalize": "none",
                "spellcheck": "false",
                "class": "second-factor-code",
            }
        ),
        error_messages={"required": _("Enter the code.")},
    )
    next = forms.CharField(widget=forms.HiddenInput, required=False)


class SetUpCodeForm(SecondFactorCodeForm):
    """The first code from the app: digits only, so phones open the number pad."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Six-digit code from the app")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class LockoutLiftForm(forms.Form):
    account = forms.CharField(required=False, max_length=255)
    address = forms.GenericIPAddressField(required=False)

    def clean(self):
        data = super().clean()
        if not data.get("account") and not data.get("address"):
            raise forms.ValidationError(_("Choose the account or the address to unlock."))
        return data
