from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.generic import TemplateView

from shop.storefront.selectors import (
    category_top_level,
    product_list_newest,
    store_list_featured,
)


class HomeView(TemplateView):
    template_name = "storefront/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = category_top_level()
        context["stores"] = store_list_featured()
        context["products"] = product_list_newest()
        return context


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (Django's admin). The
    static URL is resolved per request: production's hashed names need the manifest."""
    return HttpResponsePermanentRedirect(static("storefront/favicon.svg"))
