from django import shortcuts
from django.db.models import prefetch_related_objects
from oscar.apps.basket import views
from oscar.apps.basket.views import *  # noqa: F403  (Oscar's fork pattern)

from shop.apps.catalogue.selectors import product_purchase_queryset
from shop.core.transactions import AtomicWritesMixin


class BasketAddView(views.BasketAddView):
    def post(self, request, *args, **kwargs):
        # The product with its class, options and stock records read at once: the
        # form and the basket then ask nothing more of the database about it.
        self.product = shortcuts.get_object_or_404(product_purchase_queryset(), pk=kwargs["pk"])
        return super(views.BasketAddView, self).post(request, *args, **kwargs)


class BasketView(AtomicWritesMixin, views.BasketView):
    def get_queryset(self):
        return self.request.basket.lines_with_images()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "saved_formset" in context:
            # The lines saved for later show their pictures too.
            prefetch_related_objects(list(context["saved_formset"].queryset), "product__images")
        return context
