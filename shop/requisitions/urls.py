from django.urls import path

from shop.requisitions import views

app_name = "requisitions"

# Mounted at /accounts/listas/, among the buyer's account pages.
urlpatterns = [
    path("", views.ListIndexView.as_view(), name="index"),
    path("anadir/", views.AddToListView.as_view(), name="add"),
    path("desde-carrito/", views.ListFromBasketView.as_view(), name="from-basket"),
    path("<int:pk>/", views.ListDetailView.as_view(), name="detail"),
    path("<int:pk>/pedir/", views.ListReorderView.as_view(), name="reorder"),
    path("<int:pk>/borrar/", views.ListDeleteView.as_view(), name="delete"),
]
