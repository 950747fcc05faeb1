from django import forms
from django.utils.translation import gettext_lazy as _

from shop.requisitions.services import NAME_MAX
from vendors.catalogue.products import MAX_STOCK


class ListNameForm(forms.Form):
    name = forms.CharField(
        label=_("List name"),
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"placeholder": _("Weekly order for the bakery")}),
    )


class AddToListForm(forms.Form):
    """From a product page: the quantity, and an existing list or the name of a new one."""

    stockrecord = forms.IntegerField(widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=MAX_STOCK)
    requisition_list = forms.TypedChoiceField(
        label=_("List"), coerce=int, required=False, empty_value=None
    )
    new_list = forms.CharField(label=_("Or a new list"), max_length=NAME_MAX, required=False)

    def __init__(self, *args, lists=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requisition_list"].choices = [("", _("New list"))] + [
            (item.pk, item.name) for item in lists
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("requisition_list") and not (cleaned.get("new_list") or "").strip():
            raise forms.ValidationError(_("Choose a list or give a name for a new one."))
        return cleaned


class ListLinesForm(forms.Form):
    """The list's page: a quantity per line (0 removes it)."""

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(lines)
        for line in self.lines:
            self.fields[f"line-{line.pk}"] = forms.IntegerField(
                label=line.product.get_title(),
                min_value=0,
                max_value=MAX_STOCK,
                initial=line.quantity,
            )

    def rows(self):
        """(line, its quantity field) pairs, for the page."""
        return [(line, self[f"line-{line.pk}"]) for line in self.lines]

    def quantities(self):
        return [(line, self.cleaned_data[f"line-{line.pk}"]) for line in self.lines]
