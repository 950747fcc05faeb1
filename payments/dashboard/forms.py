from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The longest period the reconciliation page shows at once.
MAX_RECONCILIATION_DAYS = 62


class ReconciliationPeriodForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The first day must not be after the last."))
        if start and end and (end - start).days >= MAX_RECONCILIATION_DAYS:
            raise forms.ValidationError(
                _("Choose at most %(days)s days.") % {"days": MAX_RECONCILIATION_DAYS}
            )
        return data
