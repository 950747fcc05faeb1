"""The one order in which every writer locks rows, one helper per lock:

    Payment → Order → VendorOrder (by id) → Line → StockRecord (by id) → Vendor → Shipment

A transaction may skip steps but never goes back up the list, so two writers never wait
for each other in a circle (an agent cancelling while the payment's webhook lands and an
operator confirms the transfer, see tests/integration/vendors/test_lock_order.py). Each
helper takes the locks above it that its writers need, so callers cannot get it wrong."""

from oscar.core.loading import get_model

from payments.locks import payment_lock, payment_of_order_lock
from vendors.models import Vendor, VendorOrder

Order = get_model("order", "Order")
Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")

__all__ = [
    "payment_lock",
    "payment_of_order_lock",
    "order_lock",
    "vendor_order_lock",
    "vendor_orders_lock",
    "line_lock",
    "stock_records_lock",
    "vendor_lock",
]


def order_lock(*, order_id: int):
    """The purchase's payment, then the purchase itself."""
    payment_of_order_lock(order_id=order_id)
    return (
        Order.objects.select_for_update(of=("self",))
        .select_related("shipping_address", "user")
        .get(pk=order_id)
    )


def vendor_order_lock(*, vendor_order_id: int) -> VendorOrder:
    """One vendor part, after its purchase's payment: what happens to a part may move
    money (a refund, cash collected), and the payment is locked first."""
    order_id = VendorOrder.objects.values_list("order_id", flat=True).get(pk=vendor_order_id)
    payment_of_order_lock(order_id=order_id)
    return (
        VendorOrder.objects.select_for_update(of=("self",))
        .select_related("order", "vendor")
        .get(pk=vendor_order_id)
    )


def vendor_orders_lock(*, order_id: int, **filters) -> list[VendorOrder]:
    """The parts of one purchase (those matching `filters`), after its payment, in id
    order."""
    payment_of_order_lock(order_id=order_id)
    return list(
        VendorOrder.objects.select_for_update(of=("self",))
        .filter(order_id=order_id, **filters)
        .select_related("order", "vendor")
        .order_by("pk")
    )


def line_lock(*, line_id: int):
    """A purchase line; lock its vendor part first (vendor_order_lock)."""
    return Line.objects.select_for_update(of=("self",)).select_related("order").get(pk=line_id)


def stock_records_lock(*, ids, **filters):
    """Stock rows in id order (the rows only: joined product and vendor are read)."""
    return (
        StockRecord.objects.select_for_update(of=("self",))
        .select_related("product", "partner__vendor")
        .filter(pk__in=ids, **filters)
        .order_by("pk")
    )


def vendor_lock(*, vendor_id: int) -> Vendor:
    return Vendor.objects.select_for_update().get(pk=vendor_id)
