from django.urls import path

from shop.callcenter.dashboard import conversations, views

app_name = "callcenter"

urlpatterns = [
    path("", views.SearchView.as_view(), name="search"),
    path("clientes/nuevo/", views.CustomerCreateView.as_view(), name="customer-create"),
    path("clientes/<int:pk>/", views.CustomerView.as_view(), name="customer"),
    path("clientes/<int:pk>/notas/", views.NoteCreateView.as_view(), name="note-create"),
    path("clientes/<int:pk>/pedido/", views.PhoneOrderView.as_view(), name="phone-order"),
    path("compras/<str:number>/", views.PurchaseView.as_view(), name="purchase"),
    path(
        "compras/<str:number>/direccion/", views.AddressChangeView.as_view(), name="address-change"
    ),
    path(
        "compras/<str:number>/confirmacion/",
        views.ConfirmationResendView.as_view(),
        name="confirmation-resend",
    ),
    path(
        "compras/<str:number>/enlace-de-pago/",
        views.PaymentLinkView.as_view(),
        name="payment-link-send",
    ),
    path(
        "pedidos/<str:number>/cancelar/",
        views.VendorOrderCancelView.as_view(),
        name="vendor-order-cancel",
    ),
    path(
        "pedidos/<str:number>/entrega/", views.DeliveryOptionView.as_view(), name="delivery-change"
    ),
    path("pedidos/<str:number>/reembolso/", views.RefundView.as_view(), name="refund"),
    path("lineas/<int:pk>/cancelar/", views.LineCancelView.as_view(), name="line-cancel"),
    path("facturas/<int:pk>/reenviar/", views.InvoiceResendView.as_view(), name="invoice-resend"),
    path("registro/", views.AuditLogView.as_view(), name="audit-log"),
    path(
        "conversaciones/",
        conversations.ReportedConversationListView.as_view(),
        name="conversations",
    ),
    path(
        "conversaciones/<int:pk>/",
        conversations.ConversationReadView.as_view(),
        name="conversation",
    ),
]
