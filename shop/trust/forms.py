from django import forms
from django.utils.translation import gettext_lazy as _

from shop.trust.models import DocumentKind


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("A PDF or a clear photo (PNG, JPEG or WebP), at most 5 MB."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
