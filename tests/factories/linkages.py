"""Trades between actors: a store in Artemisa sells to a store in La Habana, which buys
as itself (its own NIT at checkout)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from logistics.models import Municipality
from payments.ledger import payment_outcome_record
from payments.models import Payment
from shop.invoices.models import BillingDetails
from shop.linkages.figures import linkage_figures_refresh
from shop.linkages.models import AmountBand, DealChannel
from shop.linkages.services import deal_confirm, deal_declare
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.callcenter import cuba
from tests.factories.orders import purchase
from vendors.ledger.entries import vendor_sale_record
from vendors.models import ActorType, Sector

ShippingAddress = get_model("order", "ShippingAddress")


def actors() -> dict:
    farm = PartnerFactory(
        name="Finca El Mango",
        code="finca-el-mango",
        vendor__actor_type=ActorType.CCS,
        vendor__municipality=Municipality.objects.get(name="Artemisa"),
    ).vendor
    farm.sectors.add(Sector.objects.get(slug="alimentos-y-bebidas"))
    bakery = PartnerFactory(
        name="Panadería La Habanera",
        code="panaderia-la-habanera",
        vendor__actor_type=ActorType.MIPYME_PRIVATE,
    ).vendor
    return {"farm": farm, "bakery": bakery}


def actor_purchase(*, seller, buyer_nit: str, price=Decimal("1200.00"), paid=True):
    """One unit bought from `seller` by whoever has `buyer_nit`, paid online (dummy)."""
    product = ProductFactory(
        stockrecord__partner=seller.partner,
        stockrecord__num_in_stock=10,
        stockrecord__price=price,
    )
    order = purchase({seller.partner: [(product, 1)]})
    order.shipping_address = ShippingAddress.objects.create(
        first_name="Rosa",
        last_name="Pérez",
        line1="Calle 23 No. 1155",
        line4="Santa Clara",
        state="Villa Clara",
        country=cuba(),
    )
    order.save(update_fields=["shipping_address"])
    BillingDetails.objects.create(order=order, company_name="Compradora", company_nit=buyer_nit)
    if paid:
        payment = Payment.objects.create(
            reference=order.number,
            order=order,
            gateway="dummy",
            amount=price,
            currency="CUP",
            gateway_reference=f"dummy_{order.number}_{int(price * 100)}",
        )
        payment_outcome_record(
            payment_id=payment.pk,
            kind="charge",
            phase="success",
            amount=price,
            gateway_reference=f"dummy_{order.number}_{int(price * 100)}",
        )
        vendor_sale_record(vendor_order=order.vendor_orders.get())
    return order.vendor_orders.get()


def declared_deal(*, declarer, counterpart, we_sold=True, days_ago=10, **overrides):
    fields = {
        "vendor": declarer,
        "user": None,
        "counterpart": counterpart,
        "we_sold": we_sold,
        "band": AmountBand.UP_TO_10K,
        "deal_date": timezone.localdate() - timedelta(days=days_ago),
        "sector": Sector.objects.get(slug="alimentos-y-bebidas"),
        "channel": DealChannel.FAIR,
        **overrides,
    }
    return deal_declare(**fields)


def confirmed_deals(world, count, *, seller=None, buyer=None):
    """`count` deals declared by the seller (the farm unless given), confirmed by the buyer
    (the bakery unless given), and the published figures rebuilt."""
    for index in range(count):
        deal = declared_deal(
            declarer=seller or world["farm"], counterpart=buyer or world["bakery"], days_ago=index
        )
        deal_confirm(deal_id=deal.pk, vendor=buyer or world["bakery"], user=None)
    linkage_figures_refresh()
