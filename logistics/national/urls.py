from django.urls import path

from logistics.national.dashboard import operators

app_name = "national_dashboard"

# The operators' pages, under /dashboard/envios/nacional/.
urlpatterns = [
    path("", operators.NationalCarrierListView.as_view(), name="carriers"),
    path("nuevo/", operators.NationalCarrierFormView.as_view(), name="carrier-create"),
    path("<int:pk>/", operators.NationalCarrierFormView.as_view(), name="carrier-edit"),
    path(
        "<int:pk>/<str:table>/importar/",
        operators.NationalTableImportView.as_view(),
        name="table-import",
    ),
    path(
        "<int:pk>/<str:table>.csv",
        operators.NationalTableExportView.as_view(),
        name="table-export",
    ),
]
