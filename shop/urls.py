from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from logistics.urls import tracking_pages
from payments.urls import payment_pages
from shop.api.urls import account_pages as api_account_pages
from shop.companies.dashboard.urls import operator_pages as companies_operator_pages
from shop.health import healthz
from shop.linkages.urls import event_pages as linkages_event_pages
from shop.linkages.urls import initiative_pages as linkages_initiative_pages
from shop.linkages.urls import map_pages as linkages_map_pages
from shop.sourcing.urls import account_pages as sourcing_account_pages
from shop.storefront import errors
from shop.storefront.views import HomeView, favicon, media_file

# Our own pages, in the site's layout and language, never Django's bare English ones.
handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon),
    path("i18n/", include("django.conf.urls.i18n")),
    # Gateways call these: no language prefix, no session, no CSRF (signed bodies instead).
    path("payments/", include("payments.urls")),
    path("logistics/", include("logistics.urls")),
    # Other software: a key in the Authorization header, no language prefix, no CSRF.
    path("api/v1/", include("shop.api.urls")),
]

# Spanish pages live at /, English ones under /en/.
urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("", include("vendors.urls")),
    path("vendedor/<slug:vendor_slug>/empresas/", include("shop.companies.dashboard.urls")),
    path("vendedor/", include("vendors.dashboard.urls")),
    path("dashboard/pagos/", include("payments.dashboard.urls")),
    path("dashboard/envios/nacional/", include("logistics.national.urls")),
    path("dashboard/envios/", include("logistics.dashboard.urls")),
    path("dashboard/accesos/", include("shop.accounts.dashboard.urls")),
    path("dashboard/solicitudes/", include("shop.sourcing.dashboard.urls")),
    path("dashboard/confianza/", include("shop.trust.dashboard.urls")),
    path("dashboard/webhooks/", include("shop.webhooks.dashboard.urls")),
    path("", include("shop.trust.urls")),
    path("comunidad/", include("shop.community.urls")),
    path("dashboard/comunidad/", include("shop.community.dashboard.urls")),
    path("aprende/", include("shop.classroom.urls")),
    path("dashboard/aula/", include("shop.classroom.dashboard.urls")),
    path("dashboard/empresas/", include(companies_operator_pages)),
    path("cuenta/empresa/", include("shop.companies.urls")),
    path("cuenta/", include("shop.accounts.urls")),
    path("pagar/enlace/", include("shop.callcenter.urls")),
    path("pagar/", include(payment_pages)),
    path("atencion/", include("shop.callcenter.dashboard.urls")),
    path("", include(tracking_pages)),
    path("", include("shop.customers.urls")),
    path("", include("shop.invoices.urls")),
    path("solicitudes/", include("shop.sourcing.urls")),
    path("accounts/mensajes/", include(sourcing_account_pages)),
    path("accounts/api/", include(api_account_pages)),
    path("accounts/mis-datos/", include("shop.privacy.urls")),
    path("accounts/listas/", include("shop.requisitions.urls")),
    path("encadenamientos/", include("shop.linkages.urls")),
    path("mapa/", include(linkages_map_pages)),
    path("eventos/", include(linkages_event_pages)),
    path("iniciativas/", include(linkages_initiative_pages)),
    path("vendedor/", include("shop.linkages.dashboard.urls")),
    path("", include(apps.get_app_config("oscar").urls[0])),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            media_file,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
