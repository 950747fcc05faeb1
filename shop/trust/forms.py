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


STARS = [(value, "★" * value) for value in range(5, 0, -1)]


class StoreReviewForm(forms.Form):
    as_described = forms.TypedChoiceField(
        label=_("The products were as described"),
        choices=STARS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    delivery = forms.TypedChoiceField(
        label=_("Delivery"), choices=STARS, coerce=int, widget=forms.RadioSelect
    )
    communication = forms.TypedChoiceField(
        label=_("Communication with the store"),
        choices=STARS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Public reply"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
