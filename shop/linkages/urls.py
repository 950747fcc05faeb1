from django.urls import path

from shop.linkages import views

app_name = "linkages"

urlpatterns = [
    path("", views.LinkagesView.as_view(), name="figures"),
    path("datos/", views.OpenDataSchemaView.as_view(), name="open-data"),
    path("datos.csv", views.OpenDataCsvView.as_view(), name="open-data-csv"),
    path("datos.json", views.OpenDataJsonView.as_view(), name="open-data-json"),
]

# The map of actors and deals (mounted at /mapa/).
map_pages = ([path("", views.MapView.as_view(), name="map")], "linkages_map")

# Fairs and events (mounted at /eventos/).
event_pages = (
    [
        path("", views.EventListView.as_view(), name="list"),
        path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    ],
    "linkages_events",
)

# Initiatives (mounted at /iniciativas/).
initiative_pages = (
    [
        path("", views.InitiativeListView.as_view(), name="list"),
        path("<slug:slug>/", views.InitiativeDetailView.as_view(), name="detail"),
    ],
    "linkages_initiatives",
)
