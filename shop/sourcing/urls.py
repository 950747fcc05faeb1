from django.urls import path

from shop.sourcing import conversation_views, views

app_name = "sourcing"

urlpatterns = [
    path("", views.BoardView.as_view(), name="board"),
    path("nueva/", views.RequestCreateView.as_view(), name="create"),
    path("mias/", views.MyRequestsView.as_view(), name="mine"),
    path("<int:pk>/", views.RequestDetailView.as_view(), name="detail"),
    path("<int:pk>/cerrar/", views.RequestCloseView.as_view(), name="close"),
    path(
        "<int:pk>/ofertas/<int:offer_id>/conversacion/",
        views.ConversationView.as_view(),
        name="conversation",
    ),
    path(
        "<int:pk>/ofertas/<int:offer_id>/aceptar/",
        views.OfferAcceptView.as_view(),
        name="accept",
    ),
]

# The buyer's inbox, among the account pages (mounted at /accounts/mensajes/).
account_pages = (
    [
        path("", conversation_views.BuyerInboxView.as_view(), name="inbox"),
        path("<int:pk>/", conversation_views.BuyerThreadView.as_view(), name="thread"),
        path("<int:pk>/denunciar/", conversation_views.BuyerReportView.as_view(), name="report"),
        path(
            "preguntar/<slug:vendor_slug>/",
            conversation_views.AskStoreView.as_view(),
            name="ask",
        ),
        path(
            "pedido/<str:number>/",
            conversation_views.WriteToOrderStoreView.as_view(),
            name="order-write",
        ),
    ],
    "sourcing_account",
)
