"""Synthetic catalogues for the benches: N products from M approved stores spread over every
province, in the demo's categories, written with bulk inserts. They belong in a database of
their own (`BENCH_DATABASE_URL`, see shop/settings/bench.py), never in the demo's.

Loading is idempotent: the bench's stores and products are numbered, and a second load
adds only the numbers still missing, so `load_bench_data --products 10000` after a load of
10,000 does nothing. Bulk inserts send no signal: the search index is made again from the
catalogue after a load that added anything (or when it is empty)."""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.sites.models import Site
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from logistics.models import Municipality
from shop.apps.search.indexing import search_index_rebuild
from shop.apps.search.models import ProductSearchDocument
from shop.demo import data
from vendors.models import ActorType, Vendor, VendorStatus

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

SEED = 15
BATCH = 5_000
STORE_CODE = "bench-{:04d}"
PRODUCT_PREFIX = "BENCH-"
PRODUCT_UPC = PRODUCT_PREFIX + "{:07d}"
# Words that vary the demo's product names, so titles differ and searches match a share.
QUALITIES = ("artesanal", "de la casa", "selecto", "orgánico", "tradicional", "premium", "")


@dataclass(frozen=True)
class BenchCatalogue:
    products: int
    stores: int
    products_added: int
    stores_added: int


def bench_catalogue_load(*, products: int, stores: int) -> BenchCatalogue:
    """Make the bench's first `stores` stores and first `products` products (each sold by
    one store, round robin), adding only what is missing."""
    Site.objects.update_or_create(pk=1, defaults={"domain": "127.0.0.1", "name": "Encadena"})
    with transaction.atomic():
        partner_ids, stores_added = _stores(stores)
    added = 0
    start = Product.objects.filter(upc__startswith=PRODUCT_PREFIX).count()
    for first in range(start + 1, products + 1, BATCH):
        last = min(first + BATCH - 1, products)
        with transaction.atomic():
            added += _products(range(first, last + 1), partner_ids=partner_ids)
    _statistics_refresh()
    if added or stores_added or not ProductSearchDocument.objects.exists():
        search_index_rebuild()
    return BenchCatalogue(
        products=start + added,
        stores=len(partner_ids),
        products_added=added,
        stores_added=stores_added,
    )


def _statistics_refresh() -> None:
    """PostgreSQL plans from statistics that autovacuum gathers in its own time: fresh ones
    at once, or the first pages are planned for the empty tables of before the load (a
    nested loop over 100,000 products that takes minutes)."""
    if connection.vendor != "postgresql":
        return
    tables = [
        model._meta.db_table for model in (Partner, Vendor, Product, ProductCategory, StockRecord)
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')


def _stores(count: int) -> tuple[list[int], int]:
    """The partner ids of the bench's first `count` stores, and how many were missing."""
    codes = [STORE_CODE.format(number) for number in range(1, count + 1)]
    existing = dict(Partner.objects.filter(code__in=codes).values_list("code", "pk"))
    missing = [code for code in codes if code not in existing]
    if missing:
        Partner.objects.bulk_create(
            [Partner(code=code, name=_store_name(code)) for code in missing]
        )
        existing = dict(Partner.objects.filter(code__in=codes).values_list("code", "pk"))
        municipalities = list(Municipality.objects.select_related("province").order_by("pk"))
        actor_types = list(ActorType.values)
        vendors = []
        for code in missing:
            number = int(code.rsplit("-", 1)[1])
            place = municipalities[(number * 7) % len(municipalities)]
            vendors.append(
                Vendor(
                    partner_id=existing[code],
                    actor_type=actor_types[number % len(actor_types)],
                    legal_name=f"{_store_name(code)} S.R.L.",
                    trade_name=_store_name(code),
                    nit=f"77{number:09d}",
                    province=place.province,
                    municipality=place,
                    address=f"Calle {number % 100} No. {number}",
                    description=f"Tienda de ensayo número {number}, en {place.name}.",
                    phone=f"+53 5{number % 1000:03d} {number % 10000:04d}",
                    email=f"{code}@bench.encadena.test",
                    slug=code,
                    status=VendorStatus.APPROVED,
                )
            )
        Vendor.objects.bulk_create(vendors)
    return [existing[code] for code in codes], len(missing)


def _store_name(code: str) -> str:
    return f"Tienda de ensayo {int(code.rsplit('-', 1)[1])}"


def _catalogue_names() -> list[tuple]:
    """[(Category, product name, presentation, (low, high))] for every demo product."""
    names = []
    for top_level, children in data.CATEGORIES.items():
        for subcategory, _colour in children:
            category = create_from_breadcrumbs(f"{top_level} > {subcategory}")
            for name, presentations, prices in data.PRODUCTS.get(subcategory, ()):
                names.extend(
                    (category, name, presentation, prices) for presentation in presentations
                )
    return names


def _products(numbers: range, *, partner_ids: list[int]) -> int:
    goods, _ = ProductClass.objects.get_or_create(
        slug="producto",
        defaults={"name": "Producto", "requires_shipping": True, "track_stock": True},
    )
    names = _catalogue_names()
    rng = random.Random(SEED * 1_000_003 + numbers.start)
    now = timezone.now()
    rows = []
    for number in numbers:
        category, name, presentation, (low, high) = names[number % len(names)]
        quality = QUALITIES[(number // len(names)) % len(QUALITIES)]
        title = " ".join(filter(None, (name, quality))) + f", {presentation}"
        rows.append(
            (
                Product(
                    upc=PRODUCT_UPC.format(number),
                    title=title,
                    slug=slugify(title)[:128],
                    description=f"{name} ({presentation}), {quality or 'de siempre'}. "
                    f"Hecho en Cuba, lote {number}.",
                    product_class=goods,
                    structure=Product.STANDALONE,
                    is_public=True,
                ),
                category,
                Decimal(rng.randrange(low, high + 1, 5)),
                partner_ids[number % len(partner_ids)],
                now - timedelta(minutes=number),
            )
        )
    Product.objects.bulk_create([row[0] for row in rows], batch_size=1000)
    for product, *_rest, created in rows:
        product.date_created = created
    # date_created is auto_now_add: spread it afterwards, so "newest" mixes stores.
    Product.objects.bulk_update([row[0] for row in rows], ["date_created"], batch_size=1000)
    ProductCategory.objects.bulk_create(
        [ProductCategory(product=row[0], category=row[1]) for row in rows], batch_size=1000
    )
    StockRecord.objects.bulk_create(
        [
            StockRecord(
                product=product,
                partner_id=partner_id,
                partner_sku=product.upc,
                price=price,
                price_currency="CUP",
                num_in_stock=None if index % 25 == 0 else 100 + index % 900,
            )
            for index, (product, _category, price, partner_id, _created) in enumerate(rows)
        ],
        batch_size=1000,
    )
    return len(rows)
