from django import forms
from django.utils.translation import gettext_lazy as _

from vendors.catalogue.products import MAX_PRICE, MAX_STOCK
from vendors.dashboard.forms import amount_field
from vendors.pricing.exceptions import TermsInvalid
from vendors.pricing.rules import QuantityTerms
from vendors.pricing.selectors import quantity_terms_for
from vendors.pricing.services import sentence, terms_errors, tiers_parse, tiers_text


class ProductTermsForm(forms.Form):
    minimum = forms.IntegerField(
        label=_("Minimum order quantity"), min_value=1, max_value=MAX_STOCK, initial=1
    )
    multiple = forms.IntegerField(
        label=_("Sold in multiples of"), min_value=1, max_value=MAX_STOCK, initial=1
    )
    tiers = forms.CharField(
        label=_("Tier prices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line or separated by semicolons, as from quantity:price per unit, for "
            "example 24:95,00; 48:90,00. Each price must be lower than the one before."
        ),
    )

    def __init__(self, *args, base_price=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.base_price = base_price

    @classmethod
    def for_product(cls, product) -> "ProductTermsForm":
        """The form with the terms of `product` (annotated as vendor_products() does)."""
        terms = quantity_terms_for([product.stockrecord_id])[product.stockrecord_id]
        initial = {"minimum": terms.minimum, "multiple": terms.multiple}
        return cls(initial={**initial, "tiers": tiers_text(terms.tiers)}, base_price=product.price)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            tiers = tiers_parse(cleaned.get("tiers", ""))
        except TermsInvalid as error:
            raise forms.ValidationError(sentence(error.messages)) from error
        terms = QuantityTerms(minimum=cleaned["minimum"], multiple=cleaned["multiple"], tiers=tiers)
        errors = terms_errors(terms=terms, base_price=self.base_price)
        if errors:
            raise forms.ValidationError(sentence(errors))
        cleaned["terms"] = terms
        return cleaned


class StoreTermsForm(forms.Form):
    first_order_minimum = amount_field(
        label=_("Minimum amount for a buyer's first order"),
        required=False,
        max_value=MAX_PRICE,
        help_text=_("Empty: no minimum."),
    )
    reorder_minimum = amount_field(
        label=_("Minimum amount for each later order"),
        required=False,
        max_value=MAX_PRICE,
        help_text=_("Empty: no minimum."),
    )
