from django import forms
from django.utils.translation import gettext_lazy as _

from logistics.national.models import NationalCarrier
from logistics.national.services import NationalCarrierData

MAX_TABLE_BYTES = 2 * 1024 * 1024


class NationalCarrierForm(forms.ModelForm):
    class Meta:
        model = NationalCarrier
        fields = [
            "code",
            "name",
            "minimum_charge",
            "handling_days",
            "allows_consolidation",
            "is_active",
        ]

    def data_object(self) -> NationalCarrierData:
        return NationalCarrierData(**{name: self.cleaned_data[name] for name in self.Meta.fields})


class TableImportForm(forms.Form):
    """A CSV file, UTF-8 (an export from a spreadsheet), commas or semicolons."""

    table = forms.FileField(label=_("CSV file"))

    def clean_table(self) -> str:
        upload = self.cleaned_data["table"]
        if upload.size > MAX_TABLE_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("Save the file as CSV in UTF-8 and upload it again.")
            ) from None
