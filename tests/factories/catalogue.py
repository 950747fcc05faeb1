from decimal import Decimal

import factory
from oscar.core.loading import get_model

from tests.factories.base import IndexedModelFactory


class PartnerFactory(IndexedModelFactory):
    """A store; unless `vendor=False`, run by an approved vendor of the same name
    (pass `vendor__status=...` for another status)."""

    class Meta:
        model = get_model("partner", "Partner")
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Tienda {n}")
    code = factory.Sequence(lambda n: f"tienda-{n}")

    @factory.post_generation
    def vendor(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook signature
        from tests.factories.vendors import VendorFactory

        if create and extracted is not False and not hasattr(obj, "vendor"):
            kwargs.setdefault("trade_name", obj.name)
            kwargs.setdefault("slug", obj.code)
            VendorFactory(partner=obj, **kwargs)


class ProductClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_model("catalogue", "ProductClass")
        django_get_or_create = ("slug",)

    name = "Producto"
    slug = "producto"
    requires_shipping = True
    track_stock = True


class CategoryFactory(IndexedModelFactory):
    """A root category; pass `parent=` for a child."""

    class Meta:
        model = get_model("catalogue", "Category")

    name = factory.Sequence(lambda n: f"Categoría {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.objects.add_root(kwargs)
        return parent.add_child(**kwargs)


class ProductFactory(IndexedModelFactory):
    """A public standalone product, sold by one partner with stock."""

    class Meta:
        model = get_model("catalogue", "Product")
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Producto {n}")
    description = "Descripción de prueba."
    structure = "standalone"
    is_public = True
    product_class = factory.SubFactory(ProductClassFactory)
    upc = factory.Sequence(lambda n: f"TEST-{n:05d}")

    @factory.post_generation
    def categories(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook signature
        if create and extracted:
            for category in extracted:
                get_model("catalogue", "ProductCategory").objects.create(
                    product=obj, category=category
                )

    @factory.post_generation
    def stockrecord(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook signature
        if create and extracted is not False:
            StockRecordFactory(product=obj, **kwargs)


class StockRecordFactory(IndexedModelFactory):
    class Meta:
        model = get_model("partner", "StockRecord")

    product = factory.SubFactory(ProductFactory, stockrecord=False)
    partner = factory.SubFactory(PartnerFactory)
    partner_sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    price = Decimal("250.00")
    price_currency = "CUP"
    num_in_stock = 20
