from django.urls import path

from logistics.national.dashboard.stores import StoreCarrierListView
from shop.api.dashboard.views import StoreApiKeyRevokeView, StoreApiKeysView
from shop.invoices.dashboard.views import (
    VendorInvoiceCsvExportView,
    VendorInvoiceListView,
    VendorInvoiceSettingsView,
    VendorInvoiceZipExportView,
)
from shop.sourcing.dashboard.threads import VendorReportView, VendorThreadView
from shop.sourcing.dashboard.views import (
    VendorFollowingView,
    VendorInboxView,
    VendorOfferMessageView,
    VendorOfferView,
    VendorOfferWithdrawView,
    VendorSourcingListView,
)
from shop.trust.dashboard import reviews as trust_reviews
from shop.trust.dashboard.vendor import DocumentDownloadView, VerificationView
from shop.webhooks.dashboard.views import (
    StoreWebhookResendView,
    StoreWebhookResumeView,
    StoreWebhooksView,
)
from vendors.dashboard import (
    catalogue,
    delivery,
    home,
    merchant_accounts,
    money,
    orders,
    reviews,
    shipments,
    team,
    terms,
)

app_name = "vendor_dashboard"

urlpatterns = [
    path("", home.MyStoresView.as_view(), name="my-stores"),
    path("invitacion/<str:token>/", team.InvitationAcceptView.as_view(), name="invitation"),
    path("<slug:vendor_slug>/", home.HomeView.as_view(), name="home"),
    path("<slug:vendor_slug>/productos/", catalogue.ProductListView.as_view(), name="product-list"),
    path(
        "<slug:vendor_slug>/productos/nuevo/",
        catalogue.ProductCreateView.as_view(),
        name="product-create",
    ),
    path(
        "<slug:vendor_slug>/productos/exportar/",
        catalogue.ProductExportView.as_view(),
        name="product-export",
    ),
    path(
        "<slug:vendor_slug>/productos/importar/",
        catalogue.ProductImportView.as_view(),
        name="product-import",
    ),
    path(
        "<slug:vendor_slug>/productos/<int:pk>/",
        catalogue.ProductEditView.as_view(),
        name="product-edit",
    ),
    path(
        "<slug:vendor_slug>/productos/<int:pk>/mayorista/",
        terms.ProductTermsView.as_view(),
        name="product-terms",
    ),
    path(
        "<slug:vendor_slug>/condiciones/",
        terms.StoreTermsView.as_view(),
        name="store-terms",
    ),
    path(
        "<slug:vendor_slug>/productos/<int:pk>/publicar/",
        catalogue.ProductPublishView.as_view(),
        name="product-publish",
    ),
    path(
        "<slug:vendor_slug>/productos/<int:pk>/existencias/",
        catalogue.ProductStockView.as_view(),
        name="product-stock",
    ),
    path("<slug:vendor_slug>/pedidos/", orders.VendorOrderListView.as_view(), name="order-list"),
    path(
        "<slug:vendor_slug>/pedidos/acciones/",
        orders.VendorOrderBulkView.as_view(),
        name="order-bulk",
    ),
    path(
        "<slug:vendor_slug>/pedidos/<str:number>/",
        orders.VendorOrderDetailView.as_view(),
        name="order-detail",
    ),
    path(
        "<slug:vendor_slug>/pedidos/<str:number>/reembolso/",
        orders.VendorOrderRefundView.as_view(),
        name="order-refund",
    ),
    path(
        "<slug:vendor_slug>/pedidos/<str:number>/envios/",
        shipments.ShipmentCreateView.as_view(),
        name="order-ship",
    ),
    path(
        "<slug:vendor_slug>/envios/",
        shipments.ShipmentAttentionView.as_view(),
        name="shipment-list",
    ),
    path(
        "<slug:vendor_slug>/envios/<int:pk>/paso/",
        shipments.ShipmentStepView.as_view(),
        name="shipment-step",
    ),
    path(
        "<slug:vendor_slug>/envios/<int:pk>/anular/",
        shipments.ShipmentCancelView.as_view(),
        name="shipment-cancel",
    ),
    path(
        "<slug:vendor_slug>/envios/<int:pk>/enlace/",
        shipments.ShipmentLinkRevokeView.as_view(),
        name="shipment-link-revoke",
    ),
    path("<slug:vendor_slug>/facturas/", VendorInvoiceListView.as_view(), name="invoice-list"),
    path(
        "<slug:vendor_slug>/facturas/ajustes/",
        VendorInvoiceSettingsView.as_view(),
        name="invoice-settings",
    ),
    path(
        "<slug:vendor_slug>/facturas/exportar.csv",
        VendorInvoiceCsvExportView.as_view(),
        name="invoice-export",
    ),
    path(
        "<slug:vendor_slug>/facturas/exportar.zip",
        VendorInvoiceZipExportView.as_view(),
        name="invoice-export-pdfs",
    ),
    path(
        "<slug:vendor_slug>/opiniones/", reviews.VendorReviewListView.as_view(), name="review-list"
    ),
    path(
        "<slug:vendor_slug>/opiniones/<int:pk>/responder/",
        trust_reviews.ProductReviewReplyView.as_view(),
        name="product-review-reply",
    ),
    path(
        "<slug:vendor_slug>/opiniones/<int:pk>/denunciar/",
        trust_reviews.ProductReviewReportView.as_view(),
        name="product-review-report",
    ),
    path(
        "<slug:vendor_slug>/opiniones/tienda/",
        trust_reviews.StoreReviewListView.as_view(),
        name="store-review-list",
    ),
    path(
        "<slug:vendor_slug>/opiniones/tienda/<int:pk>/responder/",
        trust_reviews.StoreReviewReplyView.as_view(),
        name="store-review-reply",
    ),
    path(
        "<slug:vendor_slug>/opiniones/tienda/<int:pk>/denunciar/",
        trust_reviews.StoreReviewReportView.as_view(),
        name="store-review-report",
    ),
    path(
        "<slug:vendor_slug>/solicitudes/",
        VendorSourcingListView.as_view(),
        name="sourcing-list",
    ),
    path("<slug:vendor_slug>/mensajes/", VendorInboxView.as_view(), name="inbox"),
    path("<slug:vendor_slug>/mensajes/<int:pk>/", VendorThreadView.as_view(), name="thread"),
    path(
        "<slug:vendor_slug>/mensajes/<int:pk>/denunciar/",
        VendorReportView.as_view(),
        name="thread-report",
    ),
    path(
        "<slug:vendor_slug>/solicitudes/seguir/",
        VendorFollowingView.as_view(),
        name="sourcing-following",
    ),
    path(
        "<slug:vendor_slug>/solicitudes/<int:request_id>/",
        VendorOfferView.as_view(),
        name="sourcing-offer",
    ),
    path(
        "<slug:vendor_slug>/solicitudes/<int:request_id>/mensajes/",
        VendorOfferMessageView.as_view(),
        name="sourcing-offer-message",
    ),
    path(
        "<slug:vendor_slug>/solicitudes/<int:request_id>/retirar/",
        VendorOfferWithdrawView.as_view(),
        name="sourcing-offer-withdraw",
    ),
    path("<slug:vendor_slug>/cuenta/", money.AccountView.as_view(), name="account"),
    path(
        "<slug:vendor_slug>/cuenta/comercios/",
        merchant_accounts.MerchantAccountsView.as_view(),
        name="merchant-accounts",
    ),
    path("<slug:vendor_slug>/perfil/", home.ProfileView.as_view(), name="profile"),
    path("<slug:vendor_slug>/equipo/", team.TeamView.as_view(), name="team"),
    path("<slug:vendor_slug>/api/", StoreApiKeysView.as_view(), name="api-keys"),
    path(
        "<slug:vendor_slug>/api/<int:pk>/revocar/",
        StoreApiKeyRevokeView.as_view(),
        name="api-key-revoke",
    ),
    path("<slug:vendor_slug>/api/webhooks/", StoreWebhooksView.as_view(), name="webhooks"),
    path(
        "<slug:vendor_slug>/api/webhooks/<int:pk>/reanudar/",
        StoreWebhookResumeView.as_view(),
        name="webhook-resume",
    ),
    path(
        "<slug:vendor_slug>/api/webhooks/entregas/<int:pk>/reenviar/",
        StoreWebhookResendView.as_view(),
        name="webhook-resend",
    ),
    path("<slug:vendor_slug>/verificacion/", VerificationView.as_view(), name="verification"),
    path(
        "<slug:vendor_slug>/verificacion/<int:pk>/",
        DocumentDownloadView.as_view(),
        name="verification-document",
    ),
    path(
        "<slug:vendor_slug>/entregas/zonas/",
        delivery.DeliveryZoneListView.as_view(),
        name="delivery-zone-list",
    ),
    path(
        "<slug:vendor_slug>/entregas/zonas/nueva/",
        delivery.DeliveryZoneFormView.as_view(),
        name="delivery-zone-create",
    ),
    path(
        "<slug:vendor_slug>/entregas/zonas/<int:pk>/",
        delivery.DeliveryZoneFormView.as_view(),
        name="delivery-zone-edit",
    ),
    path(
        "<slug:vendor_slug>/entregas/zonas/<int:pk>/activar/",
        delivery.DeliveryZoneActivateView.as_view(),
        name="delivery-zone-activate",
    ),
    path(
        "<slug:vendor_slug>/entregas/zonas/<int:pk>/eliminar/",
        delivery.DeliveryZoneDeleteView.as_view(),
        name="delivery-zone-delete",
    ),
    path(
        "<slug:vendor_slug>/entregas/recogida/",
        delivery.PickupPointListView.as_view(),
        name="pickup-point-list",
    ),
    path(
        "<slug:vendor_slug>/entregas/recogida/nuevo/",
        delivery.PickupPointFormView.as_view(),
        name="pickup-point-create",
    ),
    path(
        "<slug:vendor_slug>/entregas/recogida/<int:pk>/",
        delivery.PickupPointFormView.as_view(),
        name="pickup-point-edit",
    ),
    path(
        "<slug:vendor_slug>/entregas/recogida/<int:pk>/activar/",
        delivery.PickupPointActivateView.as_view(),
        name="pickup-point-activate",
    ),
    path(
        "<slug:vendor_slug>/entregas/recogida/<int:pk>/eliminar/",
        delivery.PickupPointDeleteView.as_view(),
        name="pickup-point-delete",
    ),
    path(
        "<slug:vendor_slug>/entregas/nacional/",
        StoreCarrierListView.as_view(),
        name="national-carriers",
    ),
]
