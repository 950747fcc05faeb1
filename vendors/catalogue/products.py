"""A vendor's own catalogue: reads and writes scoped to one vendor."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from logistics.delivery import WEIGHT_ATTRIBUTE
from vendors.catalogue.moderation import product_is_held, product_review_hold
from vendors.error_codes import VendorErrorCode
from vendors.exceptions import ProductModerationRefused, VendorUnavailable
from vendors.inventory.stock import stock_set
from vendors.models import StockMovementReason, Vendor

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
StockRecord = get_model("partner", "StockRecord")

GOODS_CLASS_SLUG = "producto"
# Sane bounds for what a vendor types or imports: beyond them it is a slip of the keyboard
# (or an attack on the database's integer and decimal limits), not a real product.
MAX_PRICE = Decimal("10000000.00")
MAX_STOCK = 1_000_000
# Delivery zones charge per kg of a part (logistics/delivery.py); a loaded truck is the most
# one product can weigh, and grams the finest step.
MAX_WEIGHT_KG = Decimal("30000")
WEIGHT_DECIMALS = 3


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
    weight_kg: Decimal | None = None


def product_weight_parse(raw: str) -> Decimal | None:
    """A weight in kg as a vendor types it ("0,25", "1.5", "12"), or None when empty.
    Raises ValueError unless it is a number above 0, at most MAX_WEIGHT_KG, in grams
    at the finest."""
    text = (raw or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        weight = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(raw) from error
    if (
        not weight.is_finite()
        or weight <= 0
        or weight > MAX_WEIGHT_KG
        or weight.as_tuple().exponent < -WEIGHT_DECIMALS
    ):
        raise ValueError(raw)
    return weight


def product_weight_text(weight: Decimal | None) -> str:
    """A weight as the CSV export writes it: "0.25", "12", "" for none."""
    if weight is None:
        return ""
    return format(weight.quantize(Decimal(1).scaleb(-WEIGHT_DECIMALS)).normalize(), "f")


def vendor_products(*, vendor: Vendor) -> QuerySet:
    """The vendor's products, each annotated with its own stock record's figures and what
    an operator decided of it (`moderation_status`, `moderation_reason`)."""
    return (
        Product.objects.filter(stockrecords__partner=vendor.partner_id)
        .annotate(
            stockrecord_id=F("stockrecords__id"),
            price=F("stockrecords__price"),
            num_in_stock=F("stockrecords__num_in_stock"),
            num_allocated=F("stockrecords__num_allocated"),
            low_stock_threshold=F("stockrecords__low_stock_threshold"),
            sku=F("stockrecords__partner_sku"),
            moderation_status=F("moderation__status"),
            moderation_reason=F("moderation__reason"),
            weight_kg=Subquery(
                ProductAttributeValue.objects.filter(
                    product=OuterRef("pk"), attribute__code=WEIGHT_ATTRIBUTE
                ).values("value_float")[:1]
            ),
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
    if not vendor.has_store:
        raise VendorUnavailable(
            _("An actor listed without a store sells no products."), code=VendorErrorCode.NO_STORE
        )
    product_class, _created = ProductClass.objects.get_or_create(
        slug=GOODS_CLASS_SLUG,
        defaults={"name": "Producto", "requires_shipping": True, "track_stock": True},
    )
    product = Product.objects.create(
        title=data.title,
        description=data.description,
        product_class=product_class,
        structure=Product.STANDALONE,
        is_public=data.is_public,
    )
    stockrecord = StockRecord.objects.create(
        product=product,
        partner_id=vendor.partner_id,
        partner_sku=data.sku or f"P{product.pk}",
        price=data.price,
        price_currency="CUP",
        num_in_stock=0,
        low_stock_threshold=data.low_stock_threshold,
    )
    product_review_hold(vendor=vendor, product=product)
    _product_category_set(product, data.category)
    _product_image_add(product, data.image)
    product_weight_set(product=product, weight_kg=data.weight_kg)
    stock_set(
        stockrecord_id=stockrecord.pk,
        vendor=vendor,
        level=stock,
        reason=StockMovementReason.INITIAL,
        actor=actor,
    )
    return product


@transaction.atomic
def vendor_product_update(*, vendor: Vendor, product, data: ProductData):
    product.title, product.description, product.is_public = (
        data.title,
        data.description,
        data.is_public and not product_is_held(product=product),
    )
    product.save(update_fields=["title", "description", "is_public", "date_updated"])
    StockRecord.objects.filter(product=product, partner_id=vendor.partner_id).update(
        price=data.price,
        partner_sku=data.sku or f"P{product.pk}",
        low_stock_threshold=data.low_stock_threshold,
    )
    _product_category_set(product, data.category)
    _product_image_add(product, data.image)
    product_weight_set(product=product, weight_kg=data.weight_kg)


def product_weight_set(*, product, weight_kg: Decimal | None) -> None:
    """Record how much one unit of `product` weighs, in kg (None: unknown), as the
    `weight` attribute of its product class that delivery prices read."""
    if weight_kg is None:
        ProductAttributeValue.objects.filter(
            product=product, attribute__code=WEIGHT_ATTRIBUTE
        ).delete()
        return
    attribute, _ = ProductAttribute.objects.get_or_create(
        product_class_id=product.product_class_id,
        code=WEIGHT_ATTRIBUTE,
        defaults={"name": "Peso (kg)", "type": ProductAttribute.FLOAT},
    )
    ProductAttributeValue.objects.update_or_create(
        product=product, attribute=attribute, defaults={"value_float": float(weight_kg)}
    )


def product_weight_of(product) -> Decimal | None:
    """The weight `product` carries from vendor_products() (a float column), as kg."""
    value = getattr(product, "weight_kg", None)
    return None if value is None else Decimal(str(value))


def vendor_product_publish(*, vendor: Vendor, product, is_public: bool) -> None:
    """Publish or hide the store's product; one under review or removed by an operator
    stays hidden (ProductModerationRefused). Saved, so the search index and the catalogue's
    caches follow."""
    if is_public and product_is_held(product=product):
        raise ProductModerationRefused(
            _("An operator reviews or removed this product: it cannot be published."),
            code=VendorErrorCode.PRODUCT_HELD,
        )
    product = Product.objects.get(pk=product.pk, stockrecords__partner=vendor.partner_id)
    product.is_public = is_public
    product.save(update_fields=["is_public", "date_updated"])


def category_prohibited(category) -> bool:
    """Whether `category`, or a category above it, is in settings.PROHIBITED_CATEGORY_SLUGS."""
    prohibited = set(settings.PROHIBITED_CATEGORY_SLUGS)
    return bool(prohibited) and any(
        each.slug in prohibited for each in category.get_ancestors_and_self()
    )


def categories_allowed() -> QuerySet:
    """The categories a store may sell in: all but the prohibited ones and those below."""
    categories = Category.objects.all()
    for slug in settings.PROHIBITED_CATEGORY_SLUGS:
        root = Category.objects.filter(slug=slug).first()
        if root is not None:
            categories = categories.exclude(path__startswith=root.path)
    return categories


def _product_category_set(product, category) -> None:
    if category is not None and category_prohibited(category):
        raise ValidationError(
            _("Products of this category cannot be sold on the platform."),
            code=VendorErrorCode.PROHIBITED_CATEGORY,
        )
    ProductCategory.objects.filter(product=product).delete()
    if category is not None:
        ProductCategory.objects.create(product=product, category=category)


def _product_image_add(product, image) -> None:
    if image is None:
        return
    picture = ProductImage(
        product=product, caption=product.title[:200], display_order=product.images.count()
    )
    picture.original.save(f"product-{product.pk}.png", image, save=False)
    picture.save()
