"""The demo's deals between actors: a few purchases in which one store buys from another
as itself (its NIT at checkout), placed and delivered through the same path as any
purchase, and deals closed at fairs and by phone over the last year, declared by one
store and confirmed by the other; one declared with the demo vendor's store waits for its
answer; and a past fair, its exhibitors and the deals declared there. Created once; the
published figures are rebuilt at the end. Every seed also says what some stores need
(so the directory and the stores' summaries suggest complementary actors) and lists a
cooperative that only buys: a profile without a store, which declared a deal."""

import random
from datetime import timedelta

from django.utils import timezone
from oscar.core.loading import get_class, get_model

from logistics.delivery import basket_vendor_parts
from logistics.models import Municipality
from payments.interface import Capability
from payments.selectors import gateway_names_with
from shop.apps.checkout.placement import purchase_place
from shop.linkages.figures import linkage_figures_refresh
from shop.linkages.models import AmountBand, Deal, DealChannel, DealSource, Event
from shop.linkages.services import (
    deal_confirm,
    deal_declare,
    initiative_approve,
    initiative_member_confirm,
    initiative_member_invite,
    initiative_register,
)
from vendors.models import ActorType, Sector, Vendor, VendorStatus
from vendors.orders.transitions import ActorRole, vendor_order_transition

Basket = get_model("basket", "Basket")
Partner = get_model("partner", "Partner")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

SEED = 18
DECLARED_DEALS = 48
STORE_PURCHASES = 8
# Bands as they fall at fairs: many small deals, a few large ones.
BANDS = (
    [AmountBand.UP_TO_10K] * 5
    + [AmountBand.UP_TO_50K] * 3
    + [AmountBand.UP_TO_250K] * 2
    + [AmountBand.UP_TO_1M]
)
CHANNELS = [DealChannel.FAIR] * 3 + [DealChannel.PHONE] * 2 + [DealChannel.OTHER]
DELIVERED = ("accepted", "ready", "shipped", "delivered")


def demo_linkages_seed(*, cuba, vendor_store_code: str) -> int:
    """Returns how many deals count."""
    buyer = _profile_only_actor()
    _actor_needs()
    # Once: the purchases placed earlier in the seed (a company's) may have made deals.
    if not Deal.objects.filter(source=DealSource.DECLARED).exists():
        vendors = list(
            Vendor.objects.filter(status=VendorStatus.APPROVED, has_store=True)
            .select_related("partner", "province")
            .order_by("pk")
        )
        rng = random.Random(SEED)
        _store_purchases(vendors=vendors, cuba=cuba, rng=rng)
        _declared_deals(vendors=vendors, rng=rng, vendor_store_code=vendor_store_code)
        _past_fair(vendors=vendors, rng=rng)
        _initiatives(vendors=vendors, rng=rng)
        _profile_only_deal(buyer=buyer, vendors=vendors)
    linkage_figures_refresh()
    return Deal.objects.filter(counts=True).count()


def _store_purchases(*, vendors, cuba, rng) -> None:
    pay_on_delivery = gateway_names_with(Capability.PAY_ON_DELIVERY)[0]
    for _ in range(STORE_PURCHASES):
        seller, buyer = rng.sample(vendors, 2)
        record = (
            StockRecord.objects.filter(partner=seller.partner, num_in_stock__gte=5)
            .select_related("product")
            .order_by("pk")
            .first()
        )
        if record is None:
            continue
        municipality = Municipality.objects.filter(pk=buyer.municipality_id).get()
        basket = Basket.objects.create()
        basket.strategy = Selector().strategy()
        basket.add_product(record.product, quantity=3)
        parts = basket_vendor_parts(basket=basket, municipality=municipality)
        if not parts or not parts[0].options:
            continue
        order = purchase_place(
            basket=basket,
            email=buyer.email,
            choices={part.key: part.options[0].code for part in parts},
            notify=False,
            shipping_address=ShippingAddress(
                country=cuba,
                first_name="Compras",
                last_name=buyer.trade_name[:255],
                line1=buyer.address,
                line4=municipality.name,
                state=buyer.province.name,
                phone_number=buyer.phone,
            ),
            payment_method=pay_on_delivery,
            company_name=buyer.legal_name,
            company_nit=buyer.nit,
        ).order
        for vendor_order in order.vendor_orders.all():
            for step in DELIVERED:
                vendor_order_transition(
                    vendor_order_id=vendor_order.pk,
                    to_status=step,
                    actor=None,
                    actor_role=ActorRole.VENDOR,
                )


def _declared_deals(*, vendors, rng, vendor_store_code: str) -> None:
    today = timezone.localdate()
    for index in range(DECLARED_DEALS):
        declarer, counterpart = rng.sample(vendors, 2)
        deal = deal_declare(
            vendor=declarer,
            user=None,
            counterpart=counterpart,
            we_sold=rng.random() < 0.6,
            band=rng.choice(BANDS),
            deal_date=today - timedelta(days=rng.randint(0, 330)),
            sector=declarer.sectors.order_by("name").first(),
            channel=rng.choice(CHANNELS),
            note="",
        )
        if index % 8 != 7:  # most are confirmed; a few still wait for the other side
            deal_confirm(deal_id=deal.pk, vendor=counterpart, user=None)
    vendor = Vendor.objects.filter(partner__code=vendor_store_code.lower()).first() or vendors[0]
    other = next(candidate for candidate in vendors if candidate.pk != vendor.pk)
    deal_declare(
        vendor=other,
        user=None,
        counterpart=vendor,
        we_sold=False,
        band=AmountBand.UP_TO_50K,
        deal_date=today - timedelta(days=3),
        sector=other.sectors.order_by("name").first(),
        channel=DealChannel.FAIR,
        note="Cajas de dulce de guayaba",
    )


FAIR_DEALS = 14


def _past_fair(*, vendors, rng) -> None:
    """A fair six weeks ago in La Habana: most demo stores exhibited, and some of the
    deals they closed there were declared with it and confirmed."""
    starts_on = timezone.localdate() - timedelta(days=45)
    fair = Event.objects.create(
        name="Feria de negocios de los actores económicos",
        slug="feria-de-negocios",
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=3),
        municipality=Municipality.objects.get(province__name="La Habana", name="Playa"),
        place="Recinto ferial Pabexpo",
        description=(
            "Cuatro días de encuentro entre mipymes, cooperativas, trabajadores por cuenta "
            "propia, proyectos de desarrollo local y empresas estatales de todas las provincias."
        ),
    )
    exhibitors = rng.sample(vendors, min(len(vendors), 14))
    fair.exhibitors.add(*exhibitors)
    for _ in range(FAIR_DEALS):
        declarer, counterpart = rng.sample(exhibitors, 2)
        deal = deal_declare(
            vendor=declarer,
            user=None,
            counterpart=counterpart,
            we_sold=rng.random() < 0.5,
            band=rng.choice(BANDS),
            deal_date=starts_on + timedelta(days=rng.randint(0, 3)),
            sector=declarer.sectors.order_by("name").first(),
            channel=DealChannel.FAIR,
            event=fair,
        )
        deal_confirm(deal_id=deal.pk, vendor=counterpart, user=None)


INITIATIVES = (
    (
        "cadena",
        "Cadena de frutas del occidente",
        "Productores, transformadores y comercializadores de frutas de Pinar del Río, Artemisa "
        "y La Habana: cosechas planificadas juntos, envases comunes y ventas a hoteles.",
    ),
    (
        "pdl",
        "Proyecto de desarrollo local Oriente Emprende",
        "Un proyecto de desarrollo local que busca socios para producir y vender alimentos y "
        "artesanías de las provincias orientales.",
    ),
)


def _initiatives(*, vendors, rng) -> None:
    """Two approved initiatives, each with members that confirmed and one still invited."""
    for (kind, name, description), coordinator in zip(
        INITIATIVES, rng.sample(vendors, len(INITIATIVES)), strict=True
    ):
        initiative = initiative_register(
            coordinator=coordinator,
            user=None,
            kind=kind,
            name=name,
            description=description,
            province=coordinator.province,
        )
        initiative_approve(initiative_id=initiative.pk)
        others = [vendor for vendor in vendors if vendor.pk != coordinator.pk]
        invited = rng.sample(others, 5)
        for member in invited:
            initiative_member_invite(initiative=initiative, coordinator=coordinator, member=member)
        for member in invited[:4]:
            initiative_member_confirm(initiative=initiative, vendor=member)


# What stores need, by the sector they sell in: (sectors needed, in their words).
NEEDS = {
    "alimentos-y-bebidas": (
        ("agricultura-y-ganaderia", "industria"),
        "Fruta fresca todo el año, y envases de vidrio y cartón.",
    ),
    "agricultura-y-ganaderia": (
        ("transporte-y-logistica", "industria"),
        "Transporte refrigerado y sacos para la cosecha.",
    ),
    "servicios-profesionales": (
        ("alimentos-y-bebidas",),
        "Meriendas y café para eventos y talleres.",
    ),
    "higiene-y-belleza": (
        ("agricultura-y-ganaderia", "alimentos-y-bebidas"),
        "Aceites vegetales, miel y plantas aromáticas.",
    ),
    "artesania": (("textiles-y-confecciones",), "Tejidos y fibras naturales para cestería."),
    "construccion": (("transporte-y-logistica",), "Transporte de áridos entre provincias."),
    "muebles-y-hogar": (("construccion", "artesania"), "Madera, herrajes y tejidos para tapizar."),
}
PROFILE_ONLY = {
    "nit": "22900000001",
    "trade_name": "CCS Niceto Pérez",
    "legal_name": "Cooperativa de Créditos y Servicios Niceto Pérez",
    "municipality": ("Artemisa", "Güira de Melena"),
    "address": "Carretera a Alquízar km 3",
    "phone": "+53 5 290 1001",
    "email": "niceto-perez@tiendas.encadena.test",
    "slug": "ccs-niceto-perez",
    "description": "Una cooperativa de 120 campesinos que siembra papa, boniato y frijol.",
    "offer_text": "Papa, boniato y frijol por contrato, de noviembre a abril.",
    "need_text": "Semillas, fertilizantes orgánicos, envases y transporte refrigerado.",
    "capacity": "400 t de viandas por campaña",
    "certifications": "Agricultura de conservación (MINAG)",
}


def _profile_only_actor() -> Vendor:
    """A cooperative listed with its profile and no store: it buys and seeks partners."""
    fields = dict(PROFILE_ONLY)
    province_name, municipality_name = fields.pop("municipality")
    municipality = Municipality.objects.select_related("province").get(
        province__name=province_name, name=municipality_name
    )
    partner, _created = Partner.objects.update_or_create(
        code=fields["slug"], defaults={"name": fields["trade_name"]}
    )
    vendor, _created = Vendor.objects.update_or_create(
        nit=fields.pop("nit"),
        defaults={
            **fields,
            "partner": partner,
            "actor_type": ActorType.CCS,
            "province": municipality.province,
            "municipality": municipality,
            "status": VendorStatus.APPROVED,
            "has_store": False,
        },
    )
    vendor.sectors.set(Sector.objects.filter(slug="agricultura-y-ganaderia"))
    vendor.need_sectors.set(Sector.objects.filter(slug__in=("industria", "transporte-y-logistica")))
    return vendor


def _actor_needs() -> None:
    """Stores say what they need by what they sell, so each finds those who sell it
    (food shops need farms, farms need transport, services need food, ...)."""
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    stores = (
        Vendor.objects.filter(status=VendorStatus.APPROVED, has_store=True)
        .select_related("partner")
        .prefetch_related("sectors")
    )
    for vendor in stores.order_by("pk"):
        own = sorted(sector.slug for sector in vendor.sectors.all())
        need = next((NEEDS[slug] for slug in own if slug in NEEDS), None)
        if need is None:
            continue
        slugs, text = need
        vendor.need_sectors.set([sectors[slug] for slug in slugs if slug in sectors])
        Vendor.objects.filter(pk=vendor.pk).update(need_text=text)


def _profile_only_deal(*, buyer: Vendor, vendors) -> None:
    """The cooperative bought packaging from a store, by phone, and the store confirmed."""
    seller = next((vendor for vendor in vendors if vendor.province_id == buyer.province_id), None)
    deal = deal_declare(
        vendor=buyer,
        user=None,
        counterpart=seller or vendors[0],
        we_sold=False,
        band=AmountBand.UP_TO_50K,
        deal_date=timezone.localdate() - timedelta(days=20),
        sector=Sector.objects.filter(slug="industria").first(),
        channel=DealChannel.PHONE,
        note="Sacos y cajas para la cosecha de papa",
    )
    deal_confirm(deal_id=deal.pk, vendor=seller or vendors[0], user=None)
