from oscar.apps.basket import forms as oscar_forms
from oscar.apps.basket.forms import *  # noqa: F403  (Oscar's fork pattern)


class AddToBasketForm(oscar_forms.AddToBasketForm):
    def cleaned_options(self):
        # Most products ask for no option: Product.has_options, often annotated, knows it.
        if not self.parent_product.has_options:
            return []
        return super().cleaned_options()


class SimpleAddToBasketForm(oscar_forms.SimpleAddToBasketMixin, AddToBasketForm):
    pass
