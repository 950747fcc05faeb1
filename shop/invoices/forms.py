from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.invoices.exports import Period
from shop.invoices.models import InvoiceSettings

MAX_DAYS = 366


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("To"), required=False)

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        start = cleaned.get("start") or today.replace(day=1)
        end = cleaned.get("end") or today
        if end < start:
            raise forms.ValidationError(_("The period ends before it starts."))
        if (end - start).days > MAX_DAYS:
            raise forms.ValidationError(_("Export at most one year at a time."))
        cleaned["period"] = Period(start=start, end=end)
        return cleaned


class InvoiceSettingsForm(forms.ModelForm):
    class Meta:
        model = InvoiceSettings
        fields = ["invoice_prefix", "credit_note_prefix", "tax_percent", "paper_size"]
        help_texts = {
            "invoice_prefix": _(
                "1 to 8 capital letters or digits. The year is added: F2026-"
                "000001. A new prefix starts a new series at number 1; "
                "invoices already issued keep theirs."
            ),
        }

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("invoice_prefix") and cleaned_data.get(
            "invoice_prefix"
        ) == cleaned_data.get("credit_note_prefix"):
            self.add_error("credit_note_prefix", _("Credit notes need a prefix of their own."))
        return cleaned_data
