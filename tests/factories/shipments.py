"""A vendor part ready to ship, with the buyer's address and the purchase's payment;
and carrier events to feed it."""

import itertools
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from logistics.carriers.interface import CarrierEvent
from payments.ledger import payment_outcome_record
from payments.models import Payment
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import purchase
from vendors.ledger.entries import vendor_sale_record
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.orders.transitions import ActorRole, vendor_order_transition

ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")

EVENT_IDS = itertools.count(1)
# Carrier times a few days back from the clock, whatever day the suite runs.
T0 = (timezone.now() - timedelta(days=3)).replace(minute=0, second=0, microsecond=0)


def carrier_time(*, hour: int = 10) -> str:
    """A carrier's timestamp as its webhook writes it: T0's day at `hour`, Havana time."""
    day = timezone.localtime(T0).replace(hour=hour, minute=0, second=0)
    return day.isoformat()


def ready_part(
    *,
    gateway: str = "cash_on_delivery",
    user=None,
    partner=None,
    status: str = VendorOrderStatus.READY,
    quantity: int = 2,
    price: str = "100.00",
) -> VendorOrder:
    """One vendor's part of a purchase delivered to Plaza (La Habana), moved to `status`,
    paid by `gateway` (cash on delivery: nothing paid yet)."""
    partner = partner or PartnerFactory(name="Café Serrano")
    product = ProductFactory(
        stockrecord__partner=partner,
        stockrecord__num_in_stock=10,
        stockrecord__price=Decimal(price),
    )
    order = purchase({partner: [(product, quantity)]}, user=user)
    order.shipping_address = ShippingAddress.objects.create(
        first_name="Lucía",
        last_name="Fernández",
        line1="Calle 23 No. 1155",
        line4="Plaza de la Revolución",
        state="La Habana",
        phone_number="+5352345678",
        country=Country.objects.get_or_create(
            iso_3166_1_a2="CU", defaults={"name": "Cuba", "printable_name": "Cuba"}
        )[0],
    )
    order.save()
    vendor_order = order.vendor_orders.get()
    payment = Payment.objects.create(
        reference=order.number,
        order=order,
        gateway=gateway,
        amount=order.total_incl_tax,
        currency="CUP",
        gateway_reference=f"{gateway}_{order.number}",
    )
    if gateway != "cash_on_delivery":
        payment_outcome_record(
            payment_id=payment.pk,
            kind="charge",
            phase="success",
            amount=payment.amount,
            gateway_reference=payment.gateway_reference,
        )
        vendor_sale_record(vendor_order=vendor_order)
    for step in (VendorOrderStatus.ACCEPTED, VendorOrderStatus.READY):
        if vendor_order.status == status:
            break
        vendor_order = vendor_order_transition(
            vendor_order_id=vendor_order.pk, to_status=step, actor=None, actor_role=ActorRole.VENDOR
        )
    return vendor_order


def carrier_event(
    shipment,
    status: str,
    *,
    minutes: int = 0,
    event_id: str | None = None,
    municipality: str = "",
    note: str = "",
    cash: Decimal | None = None,
):
    return CarrierEvent(
        event_id=event_id or f"evt-{next(EVENT_IDS)}",
        tracking_code=shipment.tracking_code,
        status=status,
        occurred_at=T0 + timedelta(minutes=minutes),
        municipality_code=municipality,
        note=note,
        cash_collected=cash,
    )
