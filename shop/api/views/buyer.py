"""A buyer's own purchases, for the buyer's personal key."""

from drf_spectacular.utils import extend_schema
from oscar.core.loading import get_model
from rest_framework import generics

from shop.api.access import HasPersonalKey
from shop.api.serializers import PurchaseSerializer

Order = get_model("order", "Order")


def _own(user):
    return Order.objects.filter(user=user).prefetch_related("vendor_orders__vendor")


@extend_schema(tags=["buyer"])
class PurchaseList(generics.ListAPIView):
    permission_classes = [HasPersonalKey]
    serializer_class = PurchaseSerializer

    def get_queryset(self):
        return _own(self.request.user)


@extend_schema(tags=["buyer"])
class PurchaseDetail(generics.RetrieveAPIView):
    permission_classes = [HasPersonalKey]
    serializer_class = PurchaseSerializer
    lookup_field = "number"

    def get_queryset(self):
        return _own(self.request.user)
