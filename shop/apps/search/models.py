"""The search index: one denormalised row per browsable product and per approved vendor.

A search reads one table through its own indexes instead of joining products, stock,
stores, categories and places on every request. The rows are derived data: rebuilt from
the catalogue by `shop.apps.search.indexing` (after each change, in a task, and by
`manage.py search_rebuild`), never edited by hand.

On PostgreSQL `search_vector` holds the weighted `es_unaccent` vector (title A,
categories and store B, description C, places D) under a GIN index (migration 0002) and
`text_folded` stays empty. On SQLite `text_folded`, the whole text lower case without
accents, is searched with LIKE. Misspellings are looked up in `SearchWord`.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductSearchDocument(models.Model):
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    # The store that sells it (the first approved stock record), with what its facets show.
    # Indexed by search_doc_vendor_price, whose first column it is.
    vendor = models.ForeignKey(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    vendor_name = models.CharField(max_length=120)
    vendor_slug = models.CharField(max_length=80)
    actor_type = models.CharField(max_length=20)
    province = models.ForeignKey(
        "logistics.Province", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    province_name = models.CharField(max_length=80, blank=True)
    province_slug = models.CharField(max_length=80, blank=True)
    # The product's first top-level category (the category facet), and every category path
    # it is filed under, space-separated and space-delimited, so " <path>" finds a category
    # and its descendants without a join.
    category = models.ForeignKey(
        "catalogue.Category", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    category_name = models.CharField(max_length=255, blank=True)
    category_paths = models.TextField(blank=True)

    title = models.CharField(max_length=255)
    title_folded = models.CharField(max_length=255)
    text_folded = models.TextField()
    search_vector = SearchVectorField(null=True)

    price = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    in_stock = models.BooleanField(default=False)
    date_created = models.DateTimeField()

    class Meta:
        verbose_name = _("product search document")
        verbose_name_plural = _("product search documents")
        indexes = [
            models.Index(fields=["vendor", "price"], name="search_doc_vendor_price"),
            models.Index(fields=["-date_created", "-product"], name="search_doc_newest"),
            models.Index(fields=["price"], name="search_doc_price"),
        ]

    def __str__(self):
        return self.title


class VendorSearchDocument(models.Model):
    """An approved vendor's searchable text for the directory of economic actors."""

    vendor = models.OneToOneField(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    name_folded = models.CharField(max_length=400)
    text_folded = models.TextField()
    search_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("vendor search document")
        verbose_name_plural = _("vendor search documents")

    def __str__(self):
        return self.name_folded


class SearchWord(models.Model):
    """A folded word of the catalogue's and the directory's text: the vocabulary that
    "Did you mean …?" picks from when a query finds nothing."""

    word = models.CharField(max_length=40, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
