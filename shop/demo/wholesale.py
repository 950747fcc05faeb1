"""The demo's wholesale terms and a requisition list: stores that sell to businesses
price their goods by volume (tiers at 12 and 48 units), sell some by the box (a coffee
roaster in boxes of 24, cement by the pallet of 10 sacks) and ask a first order's
minimum; the demo shopper keeps a weekly list across three stores, and Café Serrano
grants the demo cafeteria its own price list for its coffee. Set after the demo's
purchases, like terms a store sets later; written again on each seeding."""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from shop.companies.models import Company, PriceList
from shop.companies.price_lists import price_list_save
from shop.demo import data
from shop.demo.companies import CAFETERIA
from shop.requisitions.models import RequisitionLine, RequisitionList
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.services import product_terms_set, store_terms_set

StockRecord = get_model("partner", "StockRecord")
User = get_user_model()

# Stores that sell to businesses: their goods get tier prices (share of the unit price).
TIERS = ((12, Decimal("0.92")), (48, Decimal("0.85")))
WHOLESALE_STORES = ("SERRANO", "CONSTRUHAB", "ESPERANZA", "GUAYABITA")
# (store, product title) -> (minimum, multiple): sold by the box or the pallet.
BOXES = {
    ("SERRANO", "Café molido tostado medio, 250 g"): (24, 24),
    ("SERRANO", "Café molido tostado medio, 500 g"): (12, 12),
    ("CONSTRUHAB", "Cemento gris P-35, saco de 42,5 kg"): (10, 10),
}
FIRST_ORDER_MINIMUMS = {"SERRANO": Decimal("10000.00"), "CONSTRUHAB": Decimal("20000.00")}
REORDER_MINIMUMS = {"SERRANO": Decimal("5000.00"), "CONSTRUHAB": Decimal("10000.00")}
WEEKLY_LIST = "Pedido semanal de la panadería"
WEEKLY_LINES = (
    ("SERRANO", "Café molido tostado medio, 250 g", 48),
    ("GUAYABITA", "Mermelada de guayaba, 500 g", 12),
    ("ESPERANZA", "Arroz consumo, saco de 25 kg", 2),
)


def demo_wholesale_seed(*, stores: dict) -> None:
    """`stores` = {store code: partner}."""
    for code in WHOLESALE_STORES:
        partner = stores[code]
        records = StockRecord.objects.filter(
            partner=partner, product__product_class__track_stock=True
        ).select_related("product")
        for record in records:
            minimum, multiple = BOXES.get((code, record.product.title), (1, 1))
            product_terms_set(
                stockrecord=record,
                terms=QuantityTerms(
                    minimum=minimum,
                    multiple=multiple,
                    tiers=tuple(
                        Tier(quantity, (record.price * share).quantize(Decimal("1"), ROUND_HALF_UP))
                        for quantity, share in TIERS
                        if quantity > minimum
                    ),
                ),
            )
        store_terms_set(
            vendor=partner.vendor,
            first_order_minimum=FIRST_ORDER_MINIMUMS.get(code),
            reorder_minimum=REORDER_MINIMUMS.get(code),
        )
    _weekly_list(stores)
    _cafeteria_price_list(stores)


# Café Serrano's list for the cafeteria: its coffee at these shares of the unit price,
# from 1 unit and from 48 units on (below the public tiers of 0.92 and 0.85).
CAFETERIA_LIST = "Cafeterías con contrato"
CAFETERIA_LIST_SHARES = ((1, Decimal("0.88")), (48, Decimal("0.80")))


def _cafeteria_price_list(stores: dict) -> None:
    company = Company.objects.filter(nit=CAFETERIA.nit).first()
    if company is None:
        return
    vendor = stores["SERRANO"].vendor
    records = StockRecord.objects.filter(
        partner=stores["SERRANO"], product__title__startswith="Café"
    ).order_by("partner_sku")
    prices = "\n".join(
        f"{record.partner_sku} "
        + "; ".join(
            f"{quantity}:{(record.price * share).quantize(Decimal('1'), ROUND_HALF_UP)}"
            for quantity, share in CAFETERIA_LIST_SHARES
        )
        for record in records
    )
    price_list_save(
        vendor=vendor,
        name=CAFETERIA_LIST,
        nits=company.nit,
        prices=prices,
        price_list=PriceList.objects.filter(vendor=vendor, name=CAFETERIA_LIST).first(),
    )


def _weekly_list(stores: dict) -> None:
    shopper = User.objects.get(email=data.ACCOUNTS[1].email)
    weekly, _created = RequisitionList.objects.get_or_create(user=shopper, name=WEEKLY_LIST)
    for code, title, quantity in WEEKLY_LINES:
        record = StockRecord.objects.get(partner=stores[code], product__title=title)
        RequisitionLine.objects.update_or_create(
            requisition_list=weekly,
            product_id=record.product_id,
            defaults={"stockrecord": record, "quantity": quantity},
        )
