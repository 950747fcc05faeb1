from urllib.parse import urlsplit

from django.contrib.sites.models import Site
from django.http import Http404
from django.urls import Resolver404, resolve
from oscar.apps.catalogue import views
from oscar.core.loading import get_class, get_model

from shop.apps.catalogue.selectors import product_for_page, product_page_queryset
from shop.apps.catalogue.versions import CATEGORIES, catalogue_version
from shop.core.transactions import AtomicWritesMixin
from shop.invoices.taxes import included_tax
from shop.storefront.page_cache import AnonymousPageCacheMixin
from vendors.catalogue.reviews import review_permitted

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")
Product = get_model("catalogue", "Product")


class ProductDetailView(AtomicWritesMixin, AnonymousPageCacheMixin, views.ProductDetailView):
    # Every view of the page sets the visitor's recently viewed products (Oscar's receiver
    # of product_viewed); a cached page sends the signal as the view does.
    page_cache_cookies = (CustomerHistoryManager.cookie_name,)

    @classmethod
    def page_cache_variant(cls, request) -> str:
        return search_results_referrer(request)

    @classmethod
    def page_cache_hit(cls, request, response, *, pk, **view_kwargs) -> None:
        cls.view_signal.send(
            sender=cls,
            product=Product(pk=int(pk)),
            user=request.user,
            request=request,
            response=response,
        )

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


def search_results_referrer(request) -> str:
    """The search results the visitor came from, which the page links back to (Oscar's
    get_back_button), or "". Its tests in another order: the one that reads the database,
    for a referrer on another of the site's domains, last."""
    referrer = request.META.get("HTTP_REFERER", "")
    if not referrer:
        return ""
    try:
        url = urlsplit(referrer)
        if resolve(url.path).view_name != "search:search":
            return ""
    except (ValueError, Resolver404):
        return ""
    if url.netloc != request.get_host() and not Site.objects.filter(domain=url.netloc).exists():
        return ""
    return referrer
