from django import forms
from django.utils.translation import gettext_lazy as _

from logistics.models import Province
from shop.community.models import BoardFollowing, PostKind
from vendors.models import Sector

MENTION_HELP = _(
    "To name a store write @ and the end of its page's address (for "
    "/tiendas/la-cosecha/ write @la-cosecha): it shows as a link and the store is told. "
    "Paste the address of a product, a request, a course or a lesson of this site and it "
    "shows as a link with its name."
)


class PostForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PostKind.choices)
    title = forms.CharField(label=_("Title"), max_length=140)
    body = forms.CharField(
        label=_("Text"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=MENTION_HELP,
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False
    )
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False
    )


class BoardFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All"))] + PostKind.choices, required=False
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False
    )
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=MENTION_HELP,
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000)


class FollowingForm(forms.ModelForm):
    class Meta:
        model = BoardFollowing
        fields = ["sectors", "provinces", "sms_phone"]
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "provinces": forms.CheckboxSelectMultiple,
        }
