from django import shortcuts
from oscar.apps.basket import views
from oscar.apps.basket.views import *  # noqa: F403  (Oscar's fork pattern)

from shop.apps.catalogue.selectors import product_purchase_queryset


class BasketAddView(views.BasketAddView):
    def post(self, request, *args, **kwargs):
        # The product with its class, options and stock records read at once: the
        # form and the basket then ask nothing more of the database about it.
        self.product = shortcuts.get_object_or_404(product_purchase_queryset(), pk=kwargs["pk"])
        return super(views.BasketAddView, self).post(request, *args, **kwargs)
