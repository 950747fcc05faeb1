from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.invoices.exports import Period

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
