"""A vendor's own catalogue: reads and writes scoped to one vendor."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import F, QuerySet
from django.http import Http404
from oscar.core.loading import get_model

from vendors.inventory import stock_set
from vendors.models import StockMovementReason, Vendor

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

GOODS_CLASS_SLUG = "producto"
# Sane bounds for what a vendor types or imports: beyond them it is a slip of the keyboard
# (or an attack on the database's integer and decimal limits), not a real product.
MAX_PRICE = Decimal("10000000.00")
MAX_STOCK = 1_000_000


@dataclass(frozen=True)
class ProductData:
    title: str
    description: str
    category: object
    price: Decimal
    sku: str
    low_stock_threshold: int | None
    is_public: bool
    image: object = None  # a cleaned ContentFile, or None


def vendor_products(*, vendor: Vendor) -> QuerySet:
    """The vendor's products, each annotated with its own stock record's figures."""
    return (
        Product.objects.filter(stockrecords__partner=vendor.partner_id)
        .annotate(
            stockrecord_id=F("stockrecords__id"),
            price=F("stockrecords__price"),
            num_in_stock=F("stockrecords__num_in_stock"),
            num_allocated=F("stockrecords__num_allocated"),
            low_stock_threshold=F("stockrecords__low_stock_threshold"),
            sku=F("stockrecords__partner_sku"),
        )
        .order_by("title", "id")
    )


def vendor_product_get(*, vendor: Vendor, pk: int):
    """The vendor's product `pk`, or 404: another vendor's product does not exist here."""
    product = vendor_products(vendor=vendor).filter(pk=pk).first()
    if product is None:
        raise Http404
    return product


def vendor_low_stock(*, vendor: Vendor) -> QuerySet:
    return vendor_products(vendor=vendor).filter(
        stockrecords__low_stock_threshold__isnull=False,
        stockrecords__num_in_stock__lte=F("stockrecords__low_stock_threshold"),
    )


@transaction.atomic
def vendor_product_create(*, vendor: Vendor, actor, data: ProductData, stock: int):
    product_class, _ = ProductClass.objects.get_or_create(
        slug=GOODS_CLASS_SLUG,
        defaults={"name": "Producto", "requires_shipping": True, "track_stock": True},
    )
    product = Product.objects.create(
        title=data.title, description=data.description, product_class=product_class,
        structure=Product.STANDALONE, is_public=data.is_public,
    )
    stockrecord = StockRecord.objects.create(
        product=product, partner_id=vendor.partner_id, partner_sku=data.sku or f"P{product.pk}",
        price=data.price, price_currency="CUP", num_in_stock=0,
        low_stock_threshold=data.low_stock_threshold,
    )
    _product_category_set(product, data.category)
    _product_image_add(product, data.image)
    stock_set(stockrecord_id=stockrecord.pk, vendor=vendor, level=stock,
              reason=StockMovementReason.INITIAL, actor=actor)
    return product


@transaction.atomic
def vendor_product_update(*, vendor: Vendor, product, data: ProductData):
    product.title, product.description, product.is_public = (
        data.title, data.description, data.is_public)
    product.save(update_fields=["title", "description", "is_public", "date_updated"])
    StockRecord.objects.filter(product=product, partner_id=vendor.partner_id).update(
        price=data.price, partner_sku=data.sku or f"P{product.pk}",
        low_stock_threshold=data.low_stock_threshold,
    )
    _product_category_set(product, data.category)
    _product_image_add(product, data.image)


def vendor_product_publish(*, vendor: Vendor, product, is_public: bool) -> None:
    Product.objects.filter(pk=product.pk, stockrecords__partner=vendor.partner_id).update(
        is_public=is_public
    )


def _product_category_set(product, category) -> None:
    ProductCategory.objects.filter(product=product).delete()
    if category is not None:
        ProductCategory.objects.create(product=product, category=category)


def _product_image_add(product, image) -> None:
    if image is None:
        return
    picture = ProductImage(product=product, caption=product.title[:200],
                           display_order=product.images.count())
    picture.original.save(f"product-{product.pk}.png", image, save=False)
    picture.save()
