"""Reads for the product page and for adding a product to the basket."""

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from oscar.core.loading import get_model

from shop.apps.catalogue.versions import catalogue_cached

Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductRecommendation = get_model("catalogue", "ProductRecommendation")
ProductReview = get_model("reviews", "ProductReview")
StockRecord = get_model("partner", "StockRecord")


def product_purchase_queryset() -> QuerySet:
    """Products with what buying one reads of them in a fixed number of queries: the class,
    whether options are asked, and every stock record with its store and the vendor behind
    it (place, invoice settings for the tax)."""
    return (
        Product.objects.select_related("product_class")
        .annotate(
            # Read by Product.has_options instead of a query of its own.
            has_product_class_options=Exists(
                Option.objects.filter(productclass=OuterRef("product_class"))
            ),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
        )
        .prefetch_related(
            Prefetch(
                "stockrecords",
                queryset=StockRecord.objects.select_related(
                    "partner__vendor__municipality__province",
                    "partner__vendor__invoice_settings",
                ).order_by("id"),
            ),
        )
    )


def product_page_queryset() -> QuerySet:
    """The same, with the images, attribute values, number of reviews and whether it
    recommends other products, as the product page shows them."""
    return (
        product_purchase_queryset()
        # Read by Product.num_approved_reviews instead of a count of its own.
        .annotate(
            num_approved_reviews=Count("reviews", filter=Q(reviews__status=ProductReview.APPROVED)),
            # Most products recommend none: the page then asks nothing more about them.
            has_recommendations=Exists(
                ProductRecommendation.objects.filter(primary=OuterRef("pk"))
            ),
        )
        .prefetch_related(
            "images",
            Prefetch(
                "attribute_values",
                queryset=ProductAttributeValue.objects.select_related("attribute"),
            ),
        )
    )


def product_for_page(*, pk: int):
    """The product page's product, with all product_page_queryset reads, kept until the
    catalogue changes: the page then asks the database nothing about it. Raises
    Product.DoesNotExist."""
    return catalogue_cached("product-page", str(pk), lambda: _product_for_page(pk))


def _product_for_page(pk: int):
    product = product_page_queryset().get(pk=pk)
    if not product.has_recommendations:
        # Oscar's template asks for them with a query of its own; an empty answer costs
        # none (.none() stays empty).
        prefetch_related_objects(
            [product],
            Prefetch("primary_recommendations", queryset=ProductRecommendation.objects.none()),
        )
    return product
