"""Read-only, for anybody: the catalogue of approved stores, the stores (the directory
of economic actors) and the open requests board. The same selectors as the pages."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny

from logistics.models import Province
from shop.api.error_codes import ApiErrorCode
from shop.api.responses import error_body
from shop.api.serializers import (
    BoardRequestSerializer,
    CatalogueProductSerializer,
    StoreSerializer,
)
from shop.apps.search.engine import product_search_ids
from shop.apps.search.models import ProductSearchDocument
from shop.sourcing.models import Visibility
from shop.sourcing.selectors import BoardFilters, board_requests, request_for_viewer
from vendors.actors.selectors import DirectoryFilters, vendor_directory, vendor_for_store_page
from vendors.models import ActorType, Sector, VendorStatus

TEXT = OpenApiParameter("q", OpenApiTypes.STR, description="Words to find (accents ignored).")
PROVINCE = OpenApiParameter("province", OpenApiTypes.STR, description="A province's slug.")
# What a store's entry lists: what it sells and what it needs.
STORE_LISTS = ("sectors", "offer_categories", "need_sectors", "need_categories")


@csrf_exempt  # a key, never a session, authenticates the API: no CSRF to check
def not_found(request, *args, **kwargs):
    return JsonResponse(
        error_body(code=ApiErrorCode.NOT_FOUND, message=_("Not found.")), status=404
    )


def _text(request, name: str) -> str:
    return request.query_params.get(name, "").strip()[:100]


@extend_schema(
    tags=["catalogue"],
    parameters=[
        TEXT,
        PROVINCE,
        OpenApiParameter("store", OpenApiTypes.STR, description="A store's slug."),
    ],
)
class CatalogueProductList(generics.ListAPIView):
    """Products for sale in approved stores, newest first."""

    permission_classes = [AllowAny]
    serializer_class = CatalogueProductSerializer

    def get_queryset(self):
        documents = ProductSearchDocument.objects.filter(vendor__status=VendorStatus.APPROVED)
        if query := _text(self.request, "q"):
            documents = documents.filter(product_id__in=product_search_ids(query=query))
        if store := _text(self.request, "store"):
            documents = documents.filter(vendor_slug=store)
        if province := _text(self.request, "province"):
            documents = documents.filter(province_slug=province)
        return documents


@extend_schema(tags=["catalogue"])
class CatalogueProductDetail(generics.RetrieveAPIView):
    permission_classes = [AllowAny]
    serializer_class = CatalogueProductSerializer
    lookup_url_kwarg = "product_id"
    lookup_field = "product_id"

    def get_queryset(self):
        return ProductSearchDocument.objects.filter(vendor__status=VendorStatus.APPROVED)


@extend_schema(
    tags=["directory"],
    parameters=[
        TEXT,
        PROVINCE,
        OpenApiParameter("actor_type", OpenApiTypes.STR, enum=ActorType.values),
        OpenApiParameter(
            "sector", OpenApiTypes.STR, description="A sector's slug: actors that sell in it."
        ),
        OpenApiParameter(
            "need",
            OpenApiTypes.STR,
            description="A sector's slug: actors that need what it makes (as /actores/?need=).",
        ),
    ],
)
class StoreList(generics.ListAPIView):
    """The directory of economic actors: approved stores."""

    permission_classes = [AllowAny]
    serializer_class = StoreSerializer

    def get_queryset(self):
        actor_type = _text(self.request, "actor_type")
        province, sector, need = (
            _text(self.request, name) for name in ("province", "sector", "need")
        )
        sectors = {
            found.slug: found for found in Sector.objects.filter(slug__in={sector, need} - {""})
        }
        filters = DirectoryFilters(
            query=_text(self.request, "q"),
            actor_type=actor_type if actor_type in ActorType.values else "",
            province=Province.objects.filter(slug=province).first() if province else None,
            sector=sectors.get(sector),
            need=sectors.get(need),
        )
        if (
            (province and filters.province is None)
            or (sector and filters.sector is None)
            or (need and filters.need is None)
        ):
            return vendor_directory(filters=filters).none()
        return (
            vendor_directory(filters=filters)
            .select_related("province", "municipality")
            .prefetch_related(*STORE_LISTS)
        )


@extend_schema(tags=["directory"])
class StoreDetail(generics.RetrieveAPIView):
    permission_classes = [AllowAny]
    serializer_class = StoreSerializer

    def get_object(self):
        vendor = vendor_for_store_page(slug=self.kwargs["vendor_slug"], user=self.request.user)
        if vendor is None or not vendor.is_approved:
            raise Http404
        return vendor


def _whole(request, name: str) -> int | None:
    value = request.query_params.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


@extend_schema(
    tags=["requests"],
    parameters=[
        TEXT,
        OpenApiParameter("sector", OpenApiTypes.INT),
        OpenApiParameter("category", OpenApiTypes.INT),
        OpenApiParameter("province", OpenApiTypes.INT),
        OpenApiParameter("actor_type", OpenApiTypes.STR, enum=ActorType.values),
    ],
)
class BoardRequestList(generics.ListAPIView):
    """Open public requests ("Busco"); never the requester's contact."""

    permission_classes = [AllowAny]
    serializer_class = BoardRequestSerializer

    def get_queryset(self):
        actor_type = _text(self.request, "actor_type")
        return board_requests(
            filters=BoardFilters(
                query=_text(self.request, "q"),
                sector=_whole(self.request, "sector"),
                category=_whole(self.request, "category"),
                province=_whole(self.request, "province"),
                actor_type=actor_type if actor_type in ActorType.values else "",
            )
        )


@extend_schema(tags=["requests"])
class BoardRequestDetail(generics.RetrieveAPIView):
    permission_classes = [AllowAny]
    serializer_class = BoardRequestSerializer

    def get_object(self):
        # Public requests only: an invited-only one is not on the API's board.
        request = request_for_viewer(request_id=self.kwargs["request_id"], user=AnonymousUser())
        if request is None or request.visibility != Visibility.PUBLIC:
            raise Http404
        return request
