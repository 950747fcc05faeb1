"""What the API shows of each thing, and what it accepts. Accepting checks only the
shape; every rule is the service's."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from logistics.models import Shipment, TrackingEvent, TrackingStatus
from shop.apps.search.models import ProductSearchDocument
from shop.invoices.models import Invoice
from shop.sourcing.models import Message, SourcingOffer, SourcingRequest
from vendors.models import (
    StockMovement,
    StockMovementReason,
    Vendor,
    VendorOrder,
    VendorOrderEvent,
    VendorOrderStatus,
)

# --- public ----------------------------------------------------------------------------


class CatalogueProductSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="product_id")
    store = serializers.CharField(source="vendor_slug")
    store_name = serializers.CharField(source="vendor_name")
    province = serializers.CharField(source="province_slug")
    category = serializers.CharField(source="category_name")

    class Meta:
        model = ProductSearchDocument
        fields = [
            "id",
            "title",
            "price",
            "in_stock",
            "store",
            "store_name",
            "actor_type",
            "province",
            "category",
            "date_created",
        ]


class StoreOffersSerializer(serializers.ModelSerializer):
    """What an actor sells ("qué ofrecemos"): sectors' and categories' slugs, its words."""

    sectors = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    categories = serializers.SlugRelatedField(
        source="offer_categories", many=True, read_only=True, slug_field="slug"
    )
    text = serializers.CharField(source="offer_text")

    class Meta:
        model = Vendor
        fields = ["sectors", "categories", "text"]


class StoreNeedsSerializer(StoreOffersSerializer):
    """What an actor looks for ("qué necesitamos"), in the same shape."""

    sectors = serializers.SlugRelatedField(
        source="need_sectors", many=True, read_only=True, slug_field="slug"
    )
    categories = serializers.SlugRelatedField(
        source="need_categories", many=True, read_only=True, slug_field="slug"
    )
    text = serializers.CharField(source="need_text")


class StoreSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.slug", default="")
    municipality = serializers.CharField(source="municipality.name", default="")
    sectors = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    offers = StoreOffersSerializer(source="*", read_only=True)
    needs = StoreNeedsSerializer(source="*", read_only=True)

    class Meta:
        model = Vendor
        fields = [
            "slug",
            "trade_name",
            "actor_type",
            "province",
            "municipality",
            "sectors",
            "offers",
            "needs",
            "capacity",
            "certifications",
            "description",
            "phone",
            "email",
        ]


class BoardRequestSerializer(serializers.ModelSerializer):
    sector = serializers.CharField(source="sector.slug", default="")
    category = serializers.CharField(source="category.name", default="")
    municipality = serializers.CharField(source="municipality.name", default="")
    province = serializers.CharField(source="municipality.province.slug", default="")
    offer_count = serializers.IntegerField(default=0)

    class Meta:
        model = SourcingRequest
        fields = [
            "id",
            "title",
            "description",
            "quantity",
            "unit",
            "target_price",
            "currency",
            "needed_by",
            "sector",
            "category",
            "municipality",
            "province",
            "recurring",
            "status",
            "offer_count",
            "created_at",
        ]


# --- a store's own ---------------------------------------------------------------------


class StoreProductSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    is_public = serializers.BooleanField()
    sku = serializers.CharField(allow_null=True)
    price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    num_in_stock = serializers.IntegerField(allow_null=True)
    num_allocated = serializers.IntegerField(allow_null=True)
    low_stock_threshold = serializers.IntegerField(allow_null=True)
    stockrecord_id = serializers.IntegerField()


class StockChangeSerializer(serializers.Serializer):
    """Either `level` (the count now) or `delta` (units in or out); with why."""

    level = serializers.IntegerField(required=False, min_value=0, max_value=1_000_000)
    delta = serializers.IntegerField(required=False, min_value=-1_000_000, max_value=1_000_000)
    note = serializers.CharField(max_length=255, allow_blank=True, default="")

    def validate(self, data):
        if ("level" in data) == ("delta" in data):
            raise serializers.ValidationError(_("Send either level or delta."))
        return data


class StockMovementSerializer(serializers.ModelSerializer):
    product_id = serializers.IntegerField(source="stockrecord.product_id")
    sku = serializers.CharField(source="stockrecord.partner_sku")
    reason = serializers.ChoiceField(choices=StockMovementReason.choices)

    class Meta:
        model = StockMovement
        fields = [
            "id",
            "product_id",
            "sku",
            "reason",
            "note",
            "delta",
            "level_after",
            "allocated_after",
            "order_number",
            "created_at",
        ]


class VendorOrderEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = VendorOrderEvent
        fields = ["from_status", "to_status", "actor_role", "reason", "created_at"]


class VendorOrderLineSerializer(serializers.Serializer):
    sku = serializers.CharField(source="partner_sku")
    title = serializers.CharField()
    quantity = serializers.IntegerField()
    unit_price = serializers.DecimalField(
        source="unit_price_incl_tax", max_digits=12, decimal_places=2
    )
    total = serializers.DecimalField(source="line_price_incl_tax", max_digits=12, decimal_places=2)


class VendorOrderSerializer(serializers.ModelSerializer):
    purchase = serializers.CharField(source="order.number")
    currency = serializers.CharField(source="order.currency")

    class Meta:
        model = VendorOrder
        fields = [
            "number",
            "purchase",
            "status",
            "currency",
            "delivery_code",
            "delivery_name",
            "delivery_charge",
            "created_at",
            "updated_at",
        ]


class VendorOrderDetailSerializer(VendorOrderSerializer):
    lines = VendorOrderLineSerializer(many=True)
    events = VendorOrderEventSerializer(many=True, source="events.all")
    allowed_transitions = serializers.ListField(child=serializers.CharField())

    class Meta(VendorOrderSerializer.Meta):
        fields = [*VendorOrderSerializer.Meta.fields, "lines", "events", "allowed_transitions"]


class TransitionSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(choices=VendorOrderStatus.choices)
    reason = serializers.CharField(max_length=2000, allow_blank=True, default="")


class TrackingEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrackingEvent
        fields = ["status", "occurred_at", "note", "source"]


class ShipmentSerializer(serializers.ModelSerializer):
    vendor_order = serializers.CharField(source="vendor_order.number")
    events = TrackingEventSerializer(many=True, source="events.all", read_only=True)

    class Meta:
        model = Shipment
        fields = [
            "id",
            "vendor_order",
            "carrier",
            "tracking_code",
            "parcels",
            "weight_kg",
            "estimated_delivery",
            "status",
            "status_at",
            "events",
        ]


class ShipmentCreateSerializer(serializers.Serializer):
    carrier = serializers.CharField(max_length=40)
    parcels = serializers.IntegerField(min_value=1, max_value=99, default=1)
    weight_kg = serializers.DecimalField(
        max_digits=8, decimal_places=3, min_value=0, allow_null=True, default=None
    )
    estimated_delivery = serializers.DateField(allow_null=True, default=None)
    tracking_code = serializers.CharField(max_length=64, allow_blank=True, default="")


class TrackingStepSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=TrackingStatus.choices)
    note = serializers.CharField(max_length=500, allow_blank=True, default="")
    cash_collected = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True
    )


class InvoiceSerializer(serializers.ModelSerializer):
    number = serializers.CharField(source="display_number")
    vendor_order = serializers.CharField(source="vendor_order.number")
    total = serializers.SerializerMethodField()
    currency = serializers.SerializerMethodField()

    class Meta:
        model = Invoice
        fields = [
            "id",
            "number",
            "vendor_order",
            "issued_at",
            "verification_code",
            "language",
            "render_state",
            "total",
            "currency",
        ]

    def get_total(self, invoice) -> str:
        return str(invoice.snapshot.get("total", ""))

    def get_currency(self, invoice) -> str:
        return str(invoice.snapshot.get("currency", ""))


class OfferSerializer(serializers.ModelSerializer):
    request_title = serializers.CharField(source="request.title")

    class Meta:
        model = SourcingOffer
        fields = [
            "id",
            "request",
            "request_title",
            "price",
            "quantity",
            "lead_time_days",
            "delivery_price",
            "valid_until",
            "message",
            "status",
            "accepted_quantity",
            "created_at",
            "updated_at",
        ]


class OfferTermsSerializer(serializers.Serializer):
    price = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    quantity = serializers.IntegerField(min_value=1, max_value=100_000_000)
    lead_time_days = serializers.IntegerField(min_value=0, max_value=365)
    valid_until = serializers.DateField()
    delivery_price = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    message = serializers.CharField(max_length=1000, allow_blank=True, default="")


class OfferMessageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Message
        fields = ["id", "from_store", "body", "created_at", "read_at"]


class OfferMessageCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=2000)


# --- a buyer's own ---------------------------------------------------------------------


class PurchasePartSerializer(serializers.ModelSerializer):
    store = serializers.CharField(source="vendor.slug")
    store_name = serializers.CharField(source="vendor.trade_name")

    class Meta:
        model = VendorOrder
        fields = ["number", "store", "store_name", "status", "delivery_name", "delivery_charge"]


class PurchaseSerializer(serializers.Serializer):
    number = serializers.CharField()
    status = serializers.CharField()
    currency = serializers.CharField()
    total = serializers.DecimalField(source="total_incl_tax", max_digits=12, decimal_places=2)
    date_placed = serializers.DateTimeField()
    parts = PurchasePartSerializer(many=True, source="vendor_orders.all")
