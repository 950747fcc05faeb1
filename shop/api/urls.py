"""/api/v1/: no language prefix (Accept-Language picks the messages' language), no
session, no CSRF: a key in the Authorization header."""

from django.urls import path, re_path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from shop.api.dashboard.views import PersonalApiKeyRevokeView, PersonalApiKeysView
from shop.api.views import buyer, linkages, public, store


class IdConverter:
    """An id a database column holds: at most nine digits (never an overflow)."""

    regex = "[0-9]{1,9}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")

app_name = "api"

S = "stores/<slug:vendor_slug>/"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("catalogue/products/", public.CatalogueProductList.as_view(), name="catalogue"),
    path(
        "catalogue/products/<id:product_id>/",
        public.CatalogueProductDetail.as_view(),
        name="catalogue-product",
    ),
    path("stores/", public.StoreList.as_view(), name="stores"),
    path(S, public.StoreDetail.as_view(), name="store"),
    path("requests/", public.BoardRequestList.as_view(), name="requests"),
    path("requests/<id:request_id>/", public.BoardRequestDetail.as_view(), name="request"),
    path("encadenamientos/", linkages.LinkageStatistics.as_view(), name="linkages"),
    path(S + "products/", store.StoreProductList.as_view(), name="store-products"),
    path(
        S + "products/<id:product_id>/",
        store.StoreProductDetail.as_view(),
        name="store-product",
    ),
    path(
        S + "products/<id:product_id>/stock/",
        store.StoreProductStock.as_view(),
        name="store-product-stock",
    ),
    path(
        S + "stock-movements/",
        store.StoreStockMovementList.as_view(),
        name="store-stock-movements",
    ),
    path(S + "orders/", store.StoreOrderList.as_view(), name="store-orders"),
    path(S + "orders/<str:number>/", store.StoreOrderDetail.as_view(), name="store-order"),
    path(
        S + "orders/<str:number>/transitions/",
        store.StoreOrderTransition.as_view(),
        name="store-order-transition",
    ),
    path(
        S + "orders/<str:number>/shipments/",
        store.StoreOrderShipments.as_view(),
        name="store-order-shipments",
    ),
    path(
        S + "shipments/<id:shipment_id>/steps/",
        store.StoreShipmentStep.as_view(),
        name="store-shipment-step",
    ),
    path(S + "invoices/", store.StoreInvoiceList.as_view(), name="store-invoices"),
    path(S + "invoices/<id:invoice_id>/", store.StoreInvoiceDetail.as_view(), name="store-invoice"),
    path(
        S + "invoices/<id:invoice_id>/pdf/",
        store.StoreInvoicePdf.as_view(),
        name="store-invoice-pdf",
    ),
    path(S + "offers/", store.StoreOfferList.as_view(), name="store-offers"),
    path(
        S + "offers/<id:offer_id>/messages/",
        store.StoreOfferMessages.as_view(),
        name="store-offer-messages",
    ),
    path(
        S + "requests/<id:request_id>/offer/",
        store.StoreRequestOffer.as_view(),
        name="store-request-offer",
    ),
    path("me/purchases/", buyer.PurchaseList.as_view(), name="purchases"),
    path("me/purchases/<str:number>/", buyer.PurchaseDetail.as_view(), name="purchase"),
    # Anything else under /api/v1/ is refused in the API's shape, not with a page.
    re_path(r"^", public.not_found),
]

# A person's own keys, among the account pages (mounted at /accounts/api/).
account_pages = (
    [
        path("", PersonalApiKeysView.as_view(), name="keys"),
        path("<id:pk>/revocar/", PersonalApiKeyRevokeView.as_view(), name="key-revoke"),
    ],
    "api_account",
)
