"""Builds the demo marketplace. Safe to run again: it converges on the same data."""

import random
import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from logistics.carriers.interface import CarrierEvent
from logistics.delivery import address_municipality, basket_vendor_parts
from logistics.models import (
    DeliveryZone,
    Municipality,
    PickupPoint,
    Province,
    Shipment,
    TrackingSource,
)
from logistics.selectors import shipment_destination
from logistics.tracking import tracking_event_record
from payments.interface import Capability
from payments.selectors import payment_method_default, payment_methods_offered
from payments.services import bank_transfer_confirm
from shop.apps.partner.strategy import Selector
from shop.callcenter.models import CustomerContact, PurchaseOrigin
from shop.callcenter.phone_orders import PhoneOrder, phone_order_place
from shop.callcenter.services import customer_create, note_add
from shop.demo import data
from shop.demo.api import demo_api_seed
from shop.demo.classroom import demo_classroom_seed
from shop.demo.community import demo_community_seed
from shop.demo.companies import demo_companies_seed
from shop.demo.images import product_image_jpeg, store_logo_png
from shop.demo.linkages import demo_linkages_seed
from shop.demo.national_delivery import demo_national_delivery_seed
from shop.demo.purchases import demo_link_payments_seed, demo_parts_progress, demo_purchase_place
from shop.demo.sourcing import demo_requests_seed
from shop.demo.trust import demo_trust_seed
from shop.demo.wholesale import demo_wholesale_seed
from vendors.catalogue.products import product_weight_set
from vendors.models import (
    MembershipRole,
    Sector,
    StockMovement,
    StockMovementReason,
    Vendor,
    VendorMembership,
    VendorOrder,
    VendorOrderStatus,
    VendorStatus,
    VendorStatusChange,
)

Category = get_model("catalogue", "Category")
Country = get_model("address", "Country")
Partner = get_model("partner", "Partner")
PartnerAddress = get_model("partner", "PartnerAddress")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ProductReview = get_model("reviews", "ProductReview")
ShippingAddress = get_model("order", "ShippingAddress")
User = get_user_model()

SEED = 2026


@dataclass(frozen=True)
class SeedSummary:
    stores: int
    applications: int
    products: int
    categories: int
    accounts: int
    purchases: int = 0
    requests: int = 0
    # The demo store's API key, when this run made it (shown once, like the dashboard).
    api_key_secret: str | None = None


@transaction.atomic
def demo_marketplace_seed(*, site_domain: str = "127.0.0.1:8000") -> SeedSummary:
    """Create or update the demo stores, catalogue, stock and accounts."""
    rng = random.Random(SEED)
    Site.objects.update_or_create(pk=1, defaults={"domain": site_domain, "name": "Encadena"})
    cuba = _country_cuba()
    categories = _categories()
    product_classes = _product_classes()
    stores = {
        store.code: _store(store, cuba, index=index)
        for index, store in enumerate(data.STORES, start=1)
    }
    applicant_partner = _store(
        data.APPLICANT, cuba, index=len(data.STORES) + 1, status=VendorStatus.APPLIED
    )
    for index, store in enumerate(data.STORES):
        _store_delivery(store, stores[store.code].vendor, index=index)
    demo_national_delivery_seed(stores=stores)
    products = 0
    for store in data.STORES:
        products += _store_products(
            store=store,
            partner=stores[store.code],
            categories=categories,
            product_classes=product_classes,
            rng=rng,
        )
    # The applicant's products wait, hidden, until the operator approves it.
    _store_products(
        store=data.APPLICANT,
        partner=applicant_partner,
        categories=categories,
        product_classes=product_classes,
        rng=rng,
    )
    _accounts(vendor_partner=stores[data.VENDOR_ACCOUNT_STORE], applicant_partner=applicant_partner)
    _purchases(stores=stores, cuba=cuba)
    demo_link_payments_seed(
        buyer=User.objects.get(email=data.ACCOUNTS[1].email),
        partners=[stores[code] for code in data.LINK_PAYMENT_STORES],
        cuba=cuba,
    )
    _shipments()
    _reviews()
    _phone_orders(stores=stores)
    requests = demo_requests_seed(stores=stores)
    demo_trust_seed()
    demo_community_seed()
    demo_classroom_seed()
    demo_companies_seed(stores=stores, cuba=cuba)
    demo_linkages_seed(cuba=cuba, vendor_store_code=data.VENDOR_ACCOUNT_STORE)
    # Wholesale terms last: the demo's past purchases were made before the stores set them.
    demo_wholesale_seed(stores=stores)
    api_key_secret = demo_api_seed(vendor=stores[data.VENDOR_ACCOUNT_STORE].vendor)
    # the demo shopper's, the phone orders taken for them included
    purchases = Order.objects.filter(user__email=data.ACCOUNTS[1].email).count()
    return SeedSummary(
        stores=len(stores),
        applications=1,
        products=products,
        categories=Category.objects.count(),
        accounts=len(data.ACCOUNTS),
        purchases=purchases,
        requests=requests,
        api_key_secret=api_key_secret,
    )


def _country_cuba():
    cuba, _ = Country.objects.update_or_create(
        iso_3166_1_a2="CU",
        defaults={
            "iso_3166_1_a3": "CUB",
            "iso_3166_1_numeric": "192",
            "printable_name": "Cuba",
            "name": "Republic of Cuba",
            "display_order": 1,
            "is_shipping_country": True,
        },
    )
    return cuba


def _categories() -> dict[str, tuple]:
    """{subcategory name: (Category, colour, is_service)}"""
    categories = {}
    for top_level, children in data.CATEGORIES.items():
        for name, colour in children:
            category = create_from_breadcrumbs(f"{top_level} > {name}")
            categories[name] = (category, colour, top_level == data.SERVICE_TOP_LEVEL)
    return categories


def _product_classes() -> dict[bool, object]:
    goods, _ = ProductClass.objects.update_or_create(
        slug="producto",
        defaults={"name": "Producto", "requires_shipping": True, "track_stock": True},
    )
    services, _ = ProductClass.objects.update_or_create(
        slug="servicio",
        defaults={"name": "Servicio", "requires_shipping": False, "track_stock": False},
    )
    return {False: goods, True: services}


def _store(store: data.DemoStore, cuba, *, index: int, status: str = VendorStatus.APPROVED):
    partner, _ = Partner.objects.update_or_create(
        code=store.code.lower(), defaults={"name": store.name}
    )
    _vendor(store, partner, index=index, status=status)
    PartnerAddress.objects.update_or_create(
        partner=partner,
        defaults={
            "line1": store.address,
            "line4": store.municipality,
            "state": store.province,
            "country": cuba,
        },
    )
    return partner


def _vendor(store: data.DemoStore, partner, *, index: int, status: str) -> Vendor:
    municipality = Municipality.objects.select_related("province").get(
        province__name=store.province, name=store.municipality
    )
    latitude, longitude = data.STORE_PLACES.get(store.code, (None, None))
    vendor, created = Vendor.objects.update_or_create(
        partner=partner,
        defaults={
            "actor_type": data.ACTOR_TYPES[store.actor_type],
            "legal_name": f"{store.name} ({store.actor_type})",
            "trade_name": store.name,
            "nit": f"{municipality.province.code}{index:09d}",
            "province": municipality.province,
            "municipality": municipality,
            "address": store.address,
            "latitude": latitude,
            "longitude": longitude,
            "description": data.STORE_DESCRIPTION.format(
                store=store.name,
                actor=store.actor_type.lower(),
                municipality=store.municipality,
                province=store.province,
                offer=", ".join(name.lower() for name in store.subcategories),
            ),
            "phone": f"+53 5{index:03d} {1000 + index * 37:04d}",
            "email": f"{store.code.lower()}@tiendas.encadena.test",
            "slug": slugify(store.name),
            "status": status,
        },
    )
    top_levels = {
        top
        for top, children in data.CATEGORIES.items()
        for name, _colour in children
        if name in store.subcategories
    }
    vendor.sectors.set(
        Sector.objects.filter(slug__in={data.SECTOR_BY_CATEGORY[top] for top in top_levels})
    )
    if not vendor.logo:
        colour = _store_colour(store)
        vendor.logo.save("logo.png", ContentFile(store_logo_png(name=store.name, colour=colour)))
    if created:
        VendorStatusChange.objects.create(vendor=vendor, to_status=VendorStatus.APPLIED)
        if status != VendorStatus.APPLIED:
            VendorStatusChange.objects.create(
                vendor=vendor, from_status=VendorStatus.APPLIED, to_status=status
            )
    return vendor


def _store_delivery(store: data.DemoStore, vendor: Vendor, *, index: int) -> None:
    """Home delivery in the store's province (and maybe farther), pickup at its address."""
    zones = [data.DemoZone(store.province, data.DELIVERY_PRICES[store.code])]
    if store.code in data.FARTHER_ZONES:
        zones.append(data.FARTHER_ZONES[store.code])
    for zone in zones:
        delivery_zone, _ = DeliveryZone.objects.update_or_create(
            vendor=vendor,
            name=data.DELIVERY_ZONE_NAME.format(province=zone.province),
            defaults={
                "price": zone.price,
                "price_per_kg": zone.price_per_kg,
                "minimum_order": zone.minimum_order,
                "is_active": True,
            },
        )
        delivery_zone.provinces.set([Province.objects.get(name=zone.province)])
        delivery_zone.municipalities.clear()
    PickupPoint.objects.update_or_create(
        vendor=vendor,
        name=store.name,
        defaults={
            "municipality": vendor.municipality,
            "address": store.address,
            "hours": data.PICKUP_HOURS[index % len(data.PICKUP_HOURS)],
            "is_active": True,
        },
    )


def _store_colour(store: data.DemoStore) -> str:
    for children in data.CATEGORIES.values():
        for name, colour in children:
            if name == store.subcategories[0]:
                return colour
    return "#1b5e20"


def _store_products(*, store, partner, categories, product_classes, rng) -> int:
    count = 0
    for subcategory in store.subcategories:
        category, colour, is_service = categories[subcategory]
        for name, presentations, (low, high) in data.PRODUCTS[subcategory]:
            for presentation in presentations:
                price = Decimal(rng.randrange(low, high + 1, 5 if high < 1000 else 50))
                weight = None if is_service else _weight_kg(name, presentation)
                # Business buyers get the stores' tiers and multiples (shop/demo/wholesale.py).
                offers = [(f"{name}, {presentation}", presentation, price, weight)]
                for title, offer_presentation, offer_price, offer_weight in offers:
                    count += 1
                    _store_product(
                        upc=f"ENC-{store.code}-{count:03d}",
                        title=title,
                        description=_description(store, name, offer_presentation, rng),
                        price=offer_price,
                        stock=None if is_service else _stock(rng),
                        category=category,
                        colour=colour,
                        product_class=product_classes[is_service],
                        partner=partner,
                        listed_days_ago=rng.randint(0, 90),
                        weight_kg=offer_weight,
                    )
    return count


METRIC_PRESENTATION = re.compile(r"(\d+(?:,\d+)?)\s*(g|kg|ml|l)\b")
KG_PER_UNIT = {"g": Decimal("0.001"), "kg": Decimal("1"), "ml": Decimal("0.001"), "l": Decimal("1")}


def _weight_kg(name: str, presentation: str) -> Decimal:
    """What one unit weighs: listed in the data, or read from "250 g", "saco de 10 kg",
    "1 l" (a litre of these foods and liquids weighs about a kilo)."""
    if (name, presentation) in data.WEIGHTS_KG:
        return Decimal(data.WEIGHTS_KG[(name, presentation)])
    amount, unit = METRIC_PRESENTATION.search(presentation).groups()
    return Decimal(amount.replace(",", ".")) * KG_PER_UNIT[unit]


def _stock(rng) -> int:
    return 0 if rng.random() < 0.04 else rng.randint(3, 250)


def _description(store, name: str, presentation: str, rng) -> str:
    opening = rng.choice(data.DESCRIPTION_OPENINGS).format(
        store=store.name,
        municipality=store.municipality,
        province=store.province,
        actor=store.actor_type.lower(),
    )
    return f"{name} ({presentation}). {opening} {rng.choice(data.DESCRIPTION_CLOSINGS)}"


def _store_product(
    *,
    upc,
    title,
    description,
    price,
    stock,
    category,
    colour,
    product_class,
    partner,
    listed_days_ago,
    weight_kg,
) -> None:
    product, created = Product.objects.update_or_create(
        upc=upc,
        defaults={
            "title": title,
            "slug": slugify(title)[:128],
            "description": description,
            "product_class": product_class,
            "structure": Product.STANDALONE,
            "is_public": True,
        },
    )
    if created:
        # Spread listing dates back from the day of the first seed, so "newest" mixes
        # stores as a live marketplace would; a second run keeps them.
        Product.objects.filter(pk=product.pk).update(
            date_created=timezone.now() - timedelta(days=listed_days_ago, minutes=product.pk)
        )
    ProductCategory.objects.get_or_create(product=product, category=category)
    if weight_kg is not None:
        product_weight_set(product=product, weight_kg=weight_kg)
    stockrecord, created = StockRecord.objects.update_or_create(
        product=product,
        partner=partner,
        defaults={"partner_sku": upc, "price": price, "price_currency": "CUP"},
        # Stock is set once: later runs keep what sales and vendors made of it.
        create_defaults={
            "partner_sku": upc,
            "price": price,
            "price_currency": "CUP",
            "num_in_stock": stock,
        },
    )
    if created and stock:
        StockMovement.objects.create(
            stockrecord=stockrecord,
            vendor=partner.vendor,
            reason=StockMovementReason.INITIAL,
            delta=stock,
            level_after=stock,
            note="seed_demo",
        )
    if not product.images.exists():
        _product_image(product, subtitle=partner.name, colour=colour)


def _product_image(product, *, subtitle: str, colour: str) -> None:
    jpeg = product_image_jpeg(title=product.title, subtitle=subtitle, colour=colour)
    image = ProductImage(product=product, caption=product.title, display_order=0)
    image.original.save(f"{product.upc.lower()}.jpg", ContentFile(jpeg), save=False)
    image.save()


def _accounts(*, vendor_partner, applicant_partner) -> None:
    callcenter, _ = Group.objects.get_or_create(name=data.CALLCENTER_GROUP)
    owned = {"vendor": vendor_partner.vendor, "applicant": applicant_partner.vendor}
    for account in (*data.ACCOUNTS, data.APPLICANT_ACCOUNT):
        user = User.objects.filter(email__iexact=account.email).first() or User(
            username=account.email.split("@")[0], email=account.email
        )
        user.first_name = account.first_name
        user.last_name = account.last_name
        user.is_active = True
        user.is_staff = account.role in {"operator", "callcenter"}
        user.is_superuser = account.role == "operator"
        user.set_password(data.DEMO_PASSWORD)
        user.save()
        if account.role == "callcenter":
            user.groups.add(callcenter)
        if account.role in owned:
            VendorMembership.objects.get_or_create(
                vendor=owned[account.role], user=user, defaults={"role": MembershipRole.OWNER}
            )


def _purchases(*, stores: dict, cuba) -> int:
    """The demo shopper's past purchases, placed through the same path as the checkout
    and moved along their lifecycle. Created once: a shopper who already bought keeps
    the history they have."""
    buyer = User.objects.get(email=data.ACCOUNTS[1].email)
    if Order.objects.filter(user=buyer).exists():
        return Order.objects.filter(user=buyer).count()
    operator = User.objects.get(email=data.ACCOUNTS[0].email)
    for purchase in data.PURCHASES:
        order = demo_purchase_place(
            buyer=buyer,
            partners=[stores[code] for code in purchase.stores],
            cuba=cuba,
            payment_method=purchase.payment,
        ).order
        if purchase.pays == Capability.MANUAL_CONFIRMATION:
            # The operator saw the transfer arrive: the parts go to their stores.
            bank_transfer_confirm(payment_id=order.payments.get().pk, actor=operator)
        demo_parts_progress(order=order, progress=purchase.progress)
    return len(data.PURCHASES)


# The steps the demo's shipped and delivered parts went through, and how many days ago.
DEMO_TRACKING = {
    "shipped": (("picked_up", 2), ("in_transit", 1)),
    "delivered": (("picked_up", 4), ("out_for_delivery", 3), ("delivered", 3)),
}


def _shipments() -> None:
    """The demo shopper's shipped and delivered parts travel with the vendor's own courier,
    with a timeline. Parts that already have a shipment are left as they are."""

    buyer = User.objects.get(email=data.ACCOUNTS[1].email)
    parts = VendorOrder.objects.filter(
        order__user=buyer, status__in=DEMO_TRACKING, shipments__isnull=True
    ).select_related("order__shipping_address", "vendor__municipality")
    now = timezone.now()
    for part in parts:
        shipment = Shipment.objects.create(
            vendor_order=part, carrier="manual", tracking_code=f"DEMO-{part.number}"
        )
        destination = shipment_destination(vendor_order=part)
        for status, days_ago in DEMO_TRACKING[part.status]:
            place = part.vendor.municipality if status == "picked_up" else destination
            tracking_event_record(
                shipment_id=shipment.pk,
                source=TrackingSource.VENDOR,
                notify=False,
                event=CarrierEvent(
                    event_id=f"demo:{part.number}:{status}",
                    tracking_code=shipment.tracking_code,
                    status=status,
                    occurred_at=now - timedelta(days=days_ago, hours=2),
                    municipality_code=place.code if place else "",
                ),
            )


def _reviews() -> None:
    """The demo shopper reviews a product of each part it received (once each)."""
    buyer = User.objects.get(email=data.ACCOUNTS[1].email)
    parts = VendorOrder.objects.filter(
        order__user=buyer, status=VendorOrderStatus.DELIVERED
    ).order_by("pk")
    for part, (score, title, body) in zip(parts, data.REVIEWS, strict=False):
        product = part.lines.order_by("pk").first().product
        ProductReview.objects.get_or_create(
            product=product,
            user=buyer,
            defaults={
                "score": score,
                "title": title,
                "body": body,
                "status": ProductReview.APPROVED,
            },
        )


def _phone_orders(*, stores: dict) -> int:
    """The demo agent's calls: a caller created on the spot and the demo shopper, orders
    taken by phone and WhatsApp (cash on delivery), and call notes. Taken once."""
    agent = User.objects.get(
        email=next(account.email for account in data.ACCOUNTS if account.role == "callcenter")
    )
    if PurchaseOrigin.objects.filter(agent=agent).exists():
        return PurchaseOrigin.objects.filter(agent=agent).count()
    contact = CustomerContact.objects.filter(
        phone_number=data.PHONE_CUSTOMER_ADDRESS["phone_number"]
    ).first()
    caller = contact.user if contact else customer_create(agent=agent, **data.PHONE_CUSTOMER)
    customers = {
        "": caller,
        **{account.email: User.objects.get(email=account.email) for account in data.ACCOUNTS},
    }
    for demo_order in data.PHONE_ORDERS:
        customer = customers[demo_order.customer]
        address = data.PHONE_CUSTOMER_ADDRESS if not demo_order.customer else data.PURCHASE_ADDRESS
        basket = Basket.objects.create()
        basket.strategy = Selector().strategy(user=customer)
        for code in demo_order.stores:
            record = (
                StockRecord.objects.filter(partner=stores[code], num_in_stock__gte=5)
                .select_related("product")
                .order_by("-pk")
                .first()
            )
            basket.add_product(record.product, quantity=1)
        municipality = address_municipality(ShippingAddress(**address))
        choices = {
            part.key: part.options[0].code
            for part in basket_vendor_parts(basket=basket, municipality=municipality)
        }
        phone_order_place(
            agent=agent,
            customer=customer,
            basket=basket,
            order=PhoneOrder(
                address=address,
                choices=choices,
                payment_method=payment_method_default(
                    payment_methods_offered(currency=basket.currency)
                ),
                channel=demo_order.channel,
            ),
        )
    for email, text in data.CALL_NOTES:
        note_add(agent=agent, customer=customers[email], text=text)
    return len(data.PHONE_ORDERS)
