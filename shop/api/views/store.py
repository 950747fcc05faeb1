"""A store's own things, for a key of that store: products and stock, orders and their
transitions, shipments and tracking steps, invoices, offers and their conversations.
Each write calls the service the dashboard calls, as the member who created the key."""

import uuid

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from logistics.models import Shipment
from logistics.selectors import vendor_shipments
from logistics.tracking import ManualStep, manual_step_record, shipment_create
from shop.api.access import StoreView
from shop.api.idempotency import idempotent
from shop.api.models import Scope
from shop.api.serializers import (
    InvoiceSerializer,
    OfferMessageCreateSerializer,
    OfferMessageSerializer,
    OfferSerializer,
    OfferTermsSerializer,
    ShipmentCreateSerializer,
    ShipmentSerializer,
    StockChangeSerializer,
    StockMovementSerializer,
    StoreProductSerializer,
    TrackingStepSerializer,
    TransitionSerializer,
    VendorOrderDetailSerializer,
    VendorOrderSerializer,
)
from shop.invoices.files import document_pdf_response
from shop.invoices.selectors import vendor_invoices
from shop.sourcing.conversations import offer_message_post
from shop.sourcing.models import Message, SourcingRequest
from shop.sourcing.selectors import vendor_may_offer, vendor_offers
from shop.sourcing.services import OfferTerms, offer_save
from vendors.catalogue.products import vendor_product_get, vendor_products
from vendors.inventory.stock import stock_adjust, stock_set
from vendors.models import StockMovement, StockMovementReason, VendorOrder
from vendors.orders.transitions import (
    ActorRole,
    vendor_order_allowed_targets,
    vendor_order_transition,
)

STORE = ["store"]


@extend_schema(tags=STORE)
class StoreProductList(StoreView, generics.ListAPIView):
    """The store's products with their stock: published or not."""

    required_scopes = {"GET": Scope.CATALOGUE_READ}
    serializer_class = StoreProductSerializer

    def get_queryset(self):
        return vendor_products(vendor=self.vendor)


@extend_schema(tags=STORE)
class StoreProductDetail(StoreView, generics.RetrieveAPIView):
    required_scopes = {"GET": Scope.CATALOGUE_READ}
    serializer_class = StoreProductSerializer

    def get_object(self):
        return vendor_product_get(vendor=self.vendor, pk=self.kwargs["product_id"])


@extend_schema(
    tags=STORE,
    request=StockChangeSerializer,
    responses={201: StockMovementSerializer, 200: OpenApiResponse(description="No change.")},
)
class StoreProductStock(StoreView, APIView):
    """Set the count (`level`) or move it (`delta`), with a note saying why: one stock
    movement, as the dashboard's stock page records."""

    required_scopes = {"POST": Scope.STOCK_WRITE}

    def post(self, request, vendor_slug, product_id):
        product = vendor_product_get(vendor=self.vendor, pk=product_id)
        change = StockChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        data = change.validated_data

        def answer():
            common = {
                "stockrecord_id": product.stockrecord_id,
                "vendor": self.vendor,
                "note": data["note"],
                "reason": StockMovementReason.ADJUSTMENT,
                "actor": self.actor,
            }
            if "level" in data:
                movement = stock_set(level=data["level"], **common)
            else:
                movement = stock_adjust(delta=data["delta"], **common)
            if movement is None:
                return Response({"changed": False}, status=status.HTTP_200_OK)
            return Response(StockMovementSerializer(movement).data, status=201)

        return idempotent(request, answer)


@extend_schema(tags=STORE)
class StoreStockMovementList(StoreView, generics.ListAPIView):
    """Every change of the store's stock: by hand, by import, by orders."""

    required_scopes = {"GET": Scope.CATALOGUE_READ}
    serializer_class = StockMovementSerializer

    def get_queryset(self):
        return StockMovement.objects.filter(vendor=self.vendor).select_related("stockrecord")


def _store_orders(vendor):
    return VendorOrder.objects.filter(vendor=vendor).select_related("order", "vendor")


@extend_schema(tags=STORE)
class StoreOrderList(StoreView, generics.ListAPIView):
    """The store's own parts of purchases (never another store's lines)."""

    required_scopes = {"GET": Scope.ORDERS_READ}
    serializer_class = VendorOrderSerializer

    def get_queryset(self):
        orders = _store_orders(self.vendor)
        if wanted := self.request.query_params.get("status", "")[:20]:
            orders = orders.filter(status=wanted)
        return orders


class _StoreOrderMixin(StoreView):
    def vendor_order(self) -> VendorOrder:
        found = _store_orders(self.vendor).filter(number=self.kwargs["number"]).first()
        if found is None:
            raise Http404
        return found

    def detail(self, vendor_order) -> dict:
        vendor_order.allowed_transitions = vendor_order_allowed_targets(
            status=vendor_order.status, actor_role=ActorRole.VENDOR
        )
        return VendorOrderDetailSerializer(vendor_order).data


@extend_schema(tags=STORE, responses=VendorOrderDetailSerializer)
class StoreOrderDetail(_StoreOrderMixin, APIView):
    required_scopes = {"GET": Scope.ORDERS_READ}

    def get(self, request, vendor_slug, number):
        return Response(self.detail(self.vendor_order()))


@extend_schema(tags=STORE, request=TransitionSerializer, responses=VendorOrderDetailSerializer)
class StoreOrderTransition(_StoreOrderMixin, APIView):
    """Accept, reject (with a reason), mark ready, cancel (with a reason), deliver: the
    store's moves of `vendors.orders.transitions`, checked there."""

    required_scopes = {"POST": Scope.ORDERS_WRITE}

    def post(self, request, vendor_slug, number):
        vendor_order = self.vendor_order()
        move = TransitionSerializer(data=request.data)
        move.is_valid(raise_exception=True)
        moved = vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=move.validated_data["to_status"],
            actor=self.actor,
            actor_role=ActorRole.VENDOR,
            reason=move.validated_data["reason"],
        )
        return Response(self.detail(_store_orders(self.vendor).get(pk=moved.pk)))


@extend_schema(tags=STORE)
class StoreOrderShipments(_StoreOrderMixin, generics.GenericAPIView):
    """The order's shipments; POST hands it to a carrier (marking it shipped)."""

    required_scopes = {"GET": Scope.ORDERS_READ, "POST": Scope.SHIPMENTS_WRITE}
    serializer_class = ShipmentSerializer
    pagination_class = None

    def get(self, request, vendor_slug, number):
        shipments = vendor_shipments(vendor_order=self.vendor_order())
        return Response(ShipmentSerializer(shipments, many=True).data)

    @extend_schema(request=ShipmentCreateSerializer, responses={201: ShipmentSerializer})
    def post(self, request, vendor_slug, number):
        vendor_order = self.vendor_order()
        given = ShipmentCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)

        def answer():
            shipment = shipment_create(
                vendor_order=vendor_order,
                actor=self.actor,
                **given.validated_data,
            )
            return Response(ShipmentSerializer(shipment).data, status=201)

        return idempotent(request, answer)


def _store_shipment(vendor, pk) -> Shipment:
    found = (
        Shipment.objects.filter(vendor_order__vendor=vendor, pk=pk)
        .select_related("vendor_order__order")
        .first()
    )
    if found is None:
        raise Http404
    return found


@extend_schema(tags=STORE, request=TrackingStepSerializer, responses={201: ShipmentSerializer})
class StoreShipmentStep(StoreView, APIView):
    """Record a step of a shipment the store carries itself (picked up, out for
    delivery, failed attempt, delivered with the cash collected)."""

    required_scopes = {"POST": Scope.SHIPMENTS_WRITE}

    def post(self, request, vendor_slug, shipment_id):
        shipment = _store_shipment(self.vendor, shipment_id)
        step = TrackingStepSerializer(data=request.data)
        step.is_valid(raise_exception=True)
        # The Idempotency-Key doubles as the step's key, so a retry records it once.
        key = request.headers.get("Idempotency-Key", "").strip()[:64] or uuid.uuid4().hex

        def answer():
            manual_step_record(
                shipment=shipment,
                step=ManualStep(key=key, **step.validated_data),
                actor=self.actor,
            )
            return Response(
                ShipmentSerializer(_store_shipment(self.vendor, shipment_id)).data, status=201
            )

        return idempotent(request, answer)


@extend_schema(tags=STORE)
class StoreInvoiceList(StoreView, generics.ListAPIView):
    required_scopes = {"GET": Scope.INVOICES_READ}
    serializer_class = InvoiceSerializer

    def get_queryset(self):
        return vendor_invoices(vendor=self.vendor)


@extend_schema(tags=STORE)
class StoreInvoiceDetail(StoreView, generics.RetrieveAPIView):
    required_scopes = {"GET": Scope.INVOICES_READ}
    serializer_class = InvoiceSerializer
    lookup_url_kwarg = "invoice_id"

    def get_queryset(self):
        return vendor_invoices(vendor=self.vendor)


@extend_schema(
    tags=STORE,
    responses={(200, "application/pdf"): OpenApiResponse(description="The invoice's PDF.")},
)
class StoreInvoicePdf(StoreView, APIView):
    required_scopes = {"GET": Scope.INVOICES_READ}

    def get(self, request, vendor_slug, invoice_id):
        invoice = vendor_invoices(vendor=self.vendor).filter(pk=invoice_id).first()
        if invoice is None:
            raise Http404
        return document_pdf_response(invoice)


@extend_schema(tags=STORE)
class StoreOfferList(StoreView, generics.ListAPIView):
    required_scopes = {"GET": Scope.OFFERS_READ}
    serializer_class = OfferSerializer

    def get_queryset(self):
        return vendor_offers(vendor=self.vendor)


@extend_schema(tags=STORE, request=OfferTermsSerializer, responses={201: OfferSerializer})
class StoreRequestOffer(StoreView, APIView):
    """Send (or change, until accepted) the store's offer on an open request."""

    required_scopes = {"POST": Scope.OFFERS_WRITE}

    def post(self, request, vendor_slug, request_id):
        found = SourcingRequest.objects.filter(pk=request_id).first()
        if found is None or not vendor_may_offer(request=found, vendor=self.vendor):
            raise Http404
        terms = OfferTermsSerializer(data=request.data)
        terms.is_valid(raise_exception=True)

        def answer():
            offer = offer_save(
                request_id=found.pk, vendor=self.vendor, terms=OfferTerms(**terms.validated_data)
            )
            return Response(OfferSerializer(offer).data, status=201)

        return idempotent(request, answer)


@extend_schema(tags=STORE)
class StoreOfferMessages(StoreView, generics.GenericAPIView):
    """The conversation on one of the store's offers; POST answers the buyer."""

    required_scopes = {"GET": Scope.OFFERS_READ, "POST": Scope.OFFERS_WRITE}
    serializer_class = OfferMessageSerializer
    pagination_class = None

    def offer(self):
        found = vendor_offers(vendor=self.vendor).filter(pk=self.kwargs["offer_id"]).first()
        if found is None:
            raise Http404
        return found

    def get(self, request, vendor_slug, offer_id):
        messages = Message.objects.filter(conversation__offer=self.offer()).order_by("pk")
        return Response(OfferMessageSerializer(messages, many=True).data)

    @extend_schema(request=OfferMessageCreateSerializer, responses={201: OfferMessageSerializer})
    def post(self, request, vendor_slug, offer_id):
        offer = self.offer()
        given = OfferMessageCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)

        def answer():
            message = offer_message_post(
                offer=offer, author=self.actor, from_store=True, body=given.validated_data["body"]
            )
            return Response(OfferMessageSerializer(message).data, status=201)

        return idempotent(request, answer)
