from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.generic import TemplateView
from django.views.static import serve

from shop.storefront.page_cache import AnonymousPageCacheMixin
from shop.storefront.selectors import (
    category_top_level,
    product_list_newest,
    store_list_featured,
)


class HomeView(AnonymousPageCacheMixin, TemplateView):
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


# Thumbnails are named after a hash of their source and size (sorl-thumbnail), so a name never
# shows other pixels: a browser may keep them a year. Other uploads may be replaced in place.
THUMBNAIL_PREFIX = "cache/"
THUMBNAIL_MAX_AGE = 365 * 24 * 3600
UPLOAD_MAX_AGE = 3600


def media_file(request, path, document_root):
    """Uploaded files when no web server in front serves them (SERVE_MEDIA)."""
    response = serve(request, path, document_root=document_root)
    max_age = THUMBNAIL_MAX_AGE if path.startswith(THUMBNAIL_PREFIX) else UPLOAD_MAX_AGE
    patch_cache_control(response, public=True, max_age=max_age)
    return response
