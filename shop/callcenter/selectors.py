"""What the console reads: a customer's file and a purchase with everything about it
(parts, lines, payments, shipments with their timelines, invoices, notes), each in a
constant number of queries."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet
from oscar.core.loading import get_model

from logistics.models import Shipment, TrackingEvent
from payments.interface import Capability, PaymentState
from payments.models import Payment, PaymentEvent
from payments.selectors import gateway_can
from shop.callcenter.models import AuditEntry, CustomerContact, CustomerNote
from vendors.models import LINE_CANCELLED, VendorOrder, VendorOrderEvent
from vendors.models import VendorOrderStatus as S
from vendors.orders.transitions import NOT_SHIPPED_OR_UNPAID

User = get_user_model()
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")

PURCHASES_SHOWN = 50


def purchases_for_listing(orders: QuerySet) -> QuerySet:
    """Purchases with their buyer, address, origin and parts (with stores) preloaded."""
    return (
        orders.select_related("user", "shipping_address__country", "origin", "origin__agent")
        .prefetch_related(
            Prefetch(
                "vendor_orders",
                queryset=VendorOrder.objects.select_related("vendor").order_by("sequence"),
            )
        )
        .order_by("-date_placed", "-pk")
    )


@dataclass(frozen=True)
class PartFile:
    vendor_order: VendorOrder
    lines: list
    events: list
    shipments: list
    invoice: object

    @property
    def open_lines(self) -> list:
        return [line for line in self.lines if line.status != LINE_CANCELLED]

    @property
    def amount(self) -> Decimal:
        return (
            sum((line.line_price_incl_tax for line in self.open_lines), Decimal("0"))
            + self.vendor_order.delivery_charge
        )

    @property
    def not_shipped(self) -> bool:
        return self.vendor_order.status in NOT_SHIPPED_OR_UNPAID


@dataclass(frozen=True)
class PurchaseFile:
    order: object
    parts: list[PartFile]
    payments: list

    @property
    def payments_awaited(self) -> list:
        """The payments the customer still has to make online or by transfer: the
        agent can send the request to pay again (cash is paid at the door)."""
        return [
            payment
            for payment in self.payments
            if payment.state == PaymentState.PENDING
            and not gateway_can(payment.gateway, Capability.PAY_ON_DELIVERY)
        ]

    @property
    def amount_due(self) -> Decimal:
        return sum(
            (
                part.amount
                for part in self.parts
                if part.vendor_order.status not in (S.CANCELLED, S.REJECTED)
            ),
            Decimal("0"),
        )


def purchase_files(orders: list) -> list[PurchaseFile]:
    """Everything about `orders`, in one query per relation however many they are."""
    order_ids = [order.pk for order in orders]
    if not order_ids:
        return []
    parts = list(
        VendorOrder.objects.filter(order_id__in=order_ids)
        .select_related("vendor", "invoice")
        .order_by("sequence")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=VendorOrderEvent.objects.select_related("actor").order_by(
                    "created_at", "id"
                ),
            ),
            Prefetch(
                "shipments",
                queryset=Shipment.objects.order_by("created_at").prefetch_related(
                    Prefetch(
                        "events",
                        queryset=TrackingEvent.objects.select_related("municipality").order_by(
                            "occurred_at", "id"
                        ),
                    )
                ),
            ),
        )
    )
    lines = defaultdict(list)
    for line in (
        get_model("order", "Line")
        .objects.filter(order_id__in=order_ids)
        .select_related("cancellation")
        .order_by("pk")
    ):
        lines[(line.order_id, line.partner_id)].append(line)
    payments = defaultdict(list)
    for payment in Payment.objects.filter(order_id__in=order_ids).prefetch_related(
        Prefetch(
            "events",
            queryset=PaymentEvent.objects.exclude(phase="request").order_by("created_at", "id"),
        )
    ):
        payments[payment.order_id].append(payment)
    parts_by_order = defaultdict(list)
    for part in parts:
        parts_by_order[part.order_id].append(
            PartFile(
                vendor_order=part,
                lines=lines[(part.order_id, part.vendor.partner_id)],
                events=list(part.events.all()),
                shipments=list(part.shipments.all()),
                invoice=getattr(part, "invoice", None),
            )
        )  # reverse one-to-one: None if absent
    return [
        PurchaseFile(order=order, parts=parts_by_order[order.pk], payments=payments[order.pk])
        for order in orders
    ]


def purchase_file(*, number: str) -> PurchaseFile:
    order = purchases_for_listing(Order.objects.filter(number=number)).get()
    return purchase_files([order])[0]


@dataclass(frozen=True)
class CustomerFile:
    customer: object
    contact_phone: str
    addresses: list
    purchases: list[PurchaseFile]
    notes: list


def customer_file(*, customer_id: int) -> CustomerFile:
    customer = User.objects.get(pk=customer_id)
    contact = CustomerContact.objects.filter(user=customer).first()
    orders = list(purchases_for_listing(Order.objects.filter(user=customer))[:PURCHASES_SHOWN])
    addresses = list(UserAddress.objects.filter(user=customer).select_related("country"))
    # The phone they gave us, else the one on their addresses or their latest delivery.
    phones = (
        [contact.phone_number if contact else ""]
        + [str(address.phone_number or "") for address in addresses]
        + [
            str(order.shipping_address.phone_number or "")
            for order in orders
            if order.shipping_address_id
        ]
    )
    return CustomerFile(
        customer=customer,
        contact_phone=next((phone for phone in phones if phone), ""),
        addresses=addresses,
        purchases=purchase_files(orders),
        notes=list(
            CustomerNote.objects.filter(customer=customer).select_related("author", "order")[:50]
        ),
    )


def audit_entries(
    *, agent_id: int | None = None, customer_id: int | None = None, since=None, until=None
) -> QuerySet:
    entries = AuditEntry.objects.select_related("agent", "customer")
    if agent_id:
        entries = entries.filter(agent_id=agent_id)
    if customer_id:
        entries = entries.filter(customer_id=customer_id)
    if since:
        entries = entries.filter(created_at__date__gte=since)
    if until:
        entries = entries.filter(created_at__date__lte=until)
    return entries
