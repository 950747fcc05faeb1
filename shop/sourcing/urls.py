from django.urls import path

from shop.sourcing import views

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
    [path("", views.BuyerInboxView.as_view(), name="inbox")],
    "sourcing_account",
)
