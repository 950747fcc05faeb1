from oscar.apps.basket import forms as oscar_forms
from oscar.apps.basket.forms import *  # noqa: F403  (Oscar's fork pattern)

from vendors.pricing.rules import first_allowed_quantity


class AddToBasketForm(oscar_forms.AddToBasketForm):
    # The product page offers the first quantity the store sells (its minimum, up to
    # its multiple); the listing cards add one unit and read no terms.
    suggests_quantity = True

    def __init__(self, basket, product, *args, **kwargs):
        super().__init__(basket, product, *args, **kwargs)
        if self.suggests_quantity and not self.is_bound and not product.is_parent:
            terms = getattr(basket.strategy.fetch_for_product(product).availability, "terms", None)
            if terms is not None:
                self.fields["quantity"].initial = first_allowed_quantity(terms)

    def cleaned_options(self):
        # Most products ask for no option: Product.has_options, often annotated, knows it.
        if not self.parent_product.has_options:
            return []
        return super().cleaned_options()


class SimpleAddToBasketForm(oscar_forms.SimpleAddToBasketMixin, AddToBasketForm):
    suggests_quantity = False
