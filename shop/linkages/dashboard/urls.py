from django.urls import path

from shop.linkages.dashboard import views

app_name = "linkages_dashboard"

urlpatterns = [
    path("<slug:vendor_slug>/negocios/", views.VendorDealsView.as_view(), name="deals"),
    path(
        "<slug:vendor_slug>/negocios/<int:pk>/respuesta/",
        views.VendorDealAnswerView.as_view(),
        name="deal-answer",
    ),
    path(
        "<slug:vendor_slug>/iniciativas/",
        views.VendorInitiativesView.as_view(),
        name="initiatives",
    ),
]
