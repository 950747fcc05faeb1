from django.http import Http404
from oscar.apps.catalogue import views
from oscar.core.loading import get_model

from shop.apps.catalogue.selectors import product_for_page, product_page_queryset
from shop.apps.catalogue.versions import CATEGORIES, catalogue_version
from shop.core.transactions import AtomicWritesMixin
from shop.invoices.taxes import included_tax
from vendors.catalogue.reviews import review_permitted

Product = get_model("catalogue", "Product")


class ProductDetailView(AtomicWritesMixin, views.ProductDetailView):
    def get_queryset(self):
        return product_page_queryset()

    def get_object(self, queryset=None):
        if hasattr(self, "object"):
            return self.object
        try:
            return product_for_page(pk=self.kwargs["pk"])
        except Product.DoesNotExist:
            raise Http404 from None

    def is_viewable(self, product, request):
        if not super().is_viewable(product, request):
            return False
        if request.user.is_staff:
            return True
        sellers = {record.partner_id for record in product.stockrecords.all()}
        # The request's strategy (Oscar's basket middleware) has read them for this request.
        return bool(sellers & request.strategy.approved_partner_ids())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review_permitted"] = review_permitted(user=self.request.user, product=self.object)
        context["included_tax"] = self.included_tax()
        context["categories_version"] = catalogue_version(CATEGORIES)
        # The three the page shows, with their authors (each names its own).
        context["top_reviews"] = self.object.reviews.approved().select_related(
            "user", "store_reply"
        )[:3]
        return context

    def included_tax(self):
        """The tax the selling store includes in the price, or None when it charges none
        (read once here: the page names it twice)."""
        info = self.request.strategy.fetch_for_product(self.object)
        if info.stockrecord is None or not info.price.exists:
            return None
        vendor = getattr(info.stockrecord.partner, "vendor", None)
        return vendor and included_tax(vendor=vendor, amount=info.price.incl_tax)
