"""A purchase across vendors, built straight from Oscar's models (checkout comes later):
one Order, its lines, stock promised, one VendorOrder per vendor."""

import itertools
from decimal import Decimal

from django.contrib.sites.models import Site
from oscar.core.loading import get_model

from vendors.inventory.stock import StockRequest, stock_allocate
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.orders.transitions import ActorRole, vendor_order_transition

Order = get_model("order", "Order")
Line = get_model("order", "Line")

ORDER_NUMBERS = itertools.count(100001)


def purchase(parts: dict, *, status=VendorOrderStatus.PLACED, user=None) -> Order:
    """`parts`: {partner: [(product, quantity), ...]}, vendors in the given order."""
    number = str(next(ORDER_NUMBERS))
    total = sum(
        (
            product.stockrecords.get(partner=partner).price * quantity
            for partner, items in parts.items()
            for product, quantity in items
        ),
        Decimal("0"),
    )
    order = Order.objects.create(
        number=number,
        site=Site.objects.get_current(),
        currency="CUP",
        user=user,
        guest_email="" if user else "ana@example.test",
        total_incl_tax=total,
        total_excl_tax=total,
        shipping_incl_tax=0,
        shipping_excl_tax=0,
        status=status,
    )
    for sequence, (partner, items) in enumerate(parts.items(), start=1):
        requests = []
        for product, quantity in items:
            stockrecord = product.stockrecords.get(partner=partner)
            Line.objects.create(
                order=order,
                partner=partner,
                partner_name=partner.name,
                partner_sku=stockrecord.partner_sku,
                stockrecord=stockrecord,
                product=product,
                title=product.title,
                upc=product.upc or "",
                quantity=quantity,
                num_allocated=quantity,
                line_price_incl_tax=stockrecord.price * quantity,
                line_price_excl_tax=stockrecord.price * quantity,
                line_price_before_discounts_incl_tax=stockrecord.price * quantity,
                line_price_before_discounts_excl_tax=stockrecord.price * quantity,
                unit_price_incl_tax=stockrecord.price,
                unit_price_excl_tax=stockrecord.price,
            )
            requests.append(StockRequest(stockrecord.pk, quantity))
        vendor_order = VendorOrder.objects.create(
            order=order,
            vendor=partner.vendor,
            sequence=sequence,
            number=f"{number}-{sequence}",
            status=status,
        )
        stock_allocate(requests=requests, order_number=vendor_order.number)
    return order


def vendor_order_deliver(part: VendorOrder) -> None:
    """Take a placed part through the store's steps up to delivered."""
    for step in ("accepted", "ready", "shipped", "delivered"):
        vendor_order_transition(
            vendor_order_id=part.pk, to_status=step, actor=None, actor_role=ActorRole.VENDOR
        )
