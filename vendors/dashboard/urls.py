from django.urls import path

from vendors.dashboard import views

app_name = "vendor_dashboard"

urlpatterns = [
    path("", views.MyStoresView.as_view(), name="my-stores"),
    path("invitacion/<str:token>/", views.InvitationAcceptView.as_view(), name="invitation"),
    path("<slug:vendor_slug>/", views.HomeView.as_view(), name="home"),
    path("<slug:vendor_slug>/productos/", views.ProductListView.as_view(), name="product-list"),
    path("<slug:vendor_slug>/productos/nuevo/", views.ProductCreateView.as_view(),
         name="product-create"),
    path("<slug:vendor_slug>/productos/exportar/", views.ProductExportView.as_view(),
         name="product-export"),
    path("<slug:vendor_slug>/productos/importar/", views.ProductImportView.as_view(),
         name="product-import"),
    path("<slug:vendor_slug>/productos/<int:pk>/", views.ProductEditView.as_view(),
         name="product-edit"),
    path("<slug:vendor_slug>/productos/<int:pk>/publicar/", views.ProductPublishView.as_view(),
         name="product-publish"),
    path("<slug:vendor_slug>/productos/<int:pk>/existencias/", views.ProductStockView.as_view(),
         name="product-stock"),
    path("<slug:vendor_slug>/pedidos/", views.VendorOrderListView.as_view(), name="order-list"),
    path("<slug:vendor_slug>/pedidos/acciones/", views.VendorOrderBulkView.as_view(),
         name="order-bulk"),
    path("<slug:vendor_slug>/pedidos/<str:number>/", views.VendorOrderDetailView.as_view(),
         name="order-detail"),
    path("<slug:vendor_slug>/perfil/", views.ProfileView.as_view(), name="profile"),
    path("<slug:vendor_slug>/equipo/", views.TeamView.as_view(), name="team"),
]
