from django.urls import path

from shop.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.MyDataView.as_view(), name="mine"),
    path("<int:pk>/descargar/", views.MyDataDownloadView.as_view(), name="download"),
]
