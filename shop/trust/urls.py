from django.urls import path

from shop.trust import views

app_name = "trust"

urlpatterns = [
    path(
        "opiniones/tienda/<str:number>/",
        views.StoreReviewCreateView.as_view(),
        name="store-review",
    ),
]
