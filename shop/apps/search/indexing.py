"""Writes of the search index: the documents of given products and vendors, made again
from the catalogue, and the whole index rebuilt. Idempotent: refreshing twice, or
refreshing a product that is gone or no longer for sale, leaves the right rows."""

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils.html import strip_tags
from oscar.core.loading import get_model

from shop.apps.search.backends import TEXT_SEARCH_CONFIG
from shop.apps.search.models import ProductSearchDocument, SearchWord, VendorSearchDocument
from shop.apps.search.text import fold, vocabulary_words
from vendors.models import Vendor, VendorStatus

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

CHUNK_SIZE = 500
INDEX_VERSION_KEY = "search:index-version"
PRODUCT_FIELDS = [
    "vendor",
    "vendor_name",
    "vendor_slug",
    "actor_type",
    "province",
    "province_name",
    "province_slug",
    "category",
    "category_name",
    "category_paths",
    "title",
    "title_folded",
    "text_folded",
    "price",
    "in_stock",
    "date_created",
]


@dataclass(frozen=True)
class _WeightedText:
    """The four parts of a document's text, by weight: A (name) to D (places)."""

    key: int
    a: str
    b: str
    c: str
    d: str


@dataclass(frozen=True)
class RebuildSummary:
    products: int
    vendors: int
    words: int


def product_documents_refresh(*, product_ids: Iterable[int]) -> int:
    """Make the documents of these products again; returns how many exist afterwards."""
    written = 0
    for chunk in _chunks(sorted(set(product_ids))):
        with transaction.atomic():
            written += _product_chunk_refresh(chunk)
    search_index_changed()
    return written


def search_index_version() -> str:
    """A token that changes whenever product documents do: what is cached from the index
    (facet counts) is cached under it."""
    version = cache.get(INDEX_VERSION_KEY)
    if version is None:
        version = search_index_changed()
    return version


def search_index_changed() -> str:
    version = uuid.uuid4().hex
    cache.set(INDEX_VERSION_KEY, version, timeout=None)
    return version


def vendor_documents_refresh(*, vendor_ids: Iterable[int]) -> int:
    """Make the directory documents of these vendors again (the approved ones)."""
    written = 0
    for chunk in _chunks(sorted(set(vendor_ids))):
        with transaction.atomic():
            written += _vendor_chunk_refresh(chunk)
    return written


def vendor_product_ids(*, vendor_ids: Iterable[int]) -> list[int]:
    """Products any of these vendors sells: a change of the store changes their documents."""
    return list(
        StockRecord.objects.filter(partner__vendor__in=list(vendor_ids))
        .values_list("product_id", flat=True)
        .distinct()
    )


def category_product_ids(*, category_ids: Iterable[int]) -> list[int]:
    """Products filed under these categories or their descendants."""
    paths = list(Category.objects.filter(pk__in=list(category_ids)).values_list("path", flat=True))
    if not paths:
        return []
    products = ProductCategory.objects.none()
    for path in paths:
        products |= ProductCategory.objects.filter(category__path__startswith=path)
    return list(products.values_list("product_id", flat=True).distinct())


def search_index_rebuild() -> RebuildSummary:
    """Every document and the vocabulary made again from the catalogue and the directory.
    Documents are replaced in place, so search keeps answering while it runs; only
    "Did you mean …?" waits for the vocabulary to be read again."""
    SearchWord.objects.all().delete()
    browsable = Product.objects.browsable()
    products = product_documents_refresh(product_ids=browsable.values_list("pk", flat=True))
    ProductSearchDocument.objects.exclude(product__in=browsable).delete()
    approved = Vendor.objects.filter(status=VendorStatus.APPROVED)
    vendors = vendor_documents_refresh(vendor_ids=approved.values_list("pk", flat=True))
    VendorSearchDocument.objects.exclude(vendor__in=approved).delete()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics, or the planner guesses from the empty tables it last saw; and
        # the space of the rows replaced made free, or every search reads twice the pages.
        with connection.cursor() as cursor:
            for model in (ProductSearchDocument, VendorSearchDocument, SearchWord):
                cursor.execute(f"VACUUM (ANALYZE) {model._meta.db_table}")
    return RebuildSummary(products=products, vendors=vendors, words=SearchWord.objects.count())


def _product_chunk_refresh(product_ids: list[int]) -> int:
    approved_stock = (
        StockRecord.objects.filter(partner__vendor__status=VendorStatus.APPROVED)
        .select_related("partner__vendor__municipality__province")
        .order_by("id")
    )
    products = (
        Product.objects.browsable()
        .filter(pk__in=product_ids)
        .prefetch_related(
            Prefetch("stockrecords", queryset=approved_stock),
            Prefetch("categories", queryset=Category.objects.order_by("path")),
        )
    )
    products = [product for product in products if product.stockrecords.all()]
    categories_by_path = _categories_with_ancestors(products)
    documents, texts, words = [], [], set()
    for product in products:
        document, text = _product_document(product, categories_by_path)
        documents.append(document)
        texts.append(text)
        words |= vocabulary_words(text.a, text.b, text.c, text.d)
    ProductSearchDocument.objects.filter(pk__in=product_ids).exclude(
        pk__in=[document.pk for document in documents]
    ).delete()
    ProductSearchDocument.objects.bulk_create(
        documents, update_conflicts=True, unique_fields=["product"], update_fields=PRODUCT_FIELDS
    )
    _search_vectors_write(ProductSearchDocument._meta.db_table, "product_id", texts)
    _words_add(words)
    return len(documents)


def _product_document(product, categories_by_path) -> tuple[ProductSearchDocument, _WeightedText]:
    stockrecords = list(product.stockrecords.all())
    vendor = stockrecords[0].partner.vendor
    municipality = vendor.municipality
    province = municipality.province if municipality else None
    prices = [record.price for record in stockrecords if record.price is not None]
    paths = [category.path for category in product.categories.all()]
    names = []
    for path in paths:
        for depth in range(1, len(path) // Category.steplen + 1):
            ancestor = categories_by_path.get(path[: depth * Category.steplen])
            if ancestor is not None and ancestor.name not in names:
                names.append(ancestor.name)
    root = categories_by_path.get(paths[0][: Category.steplen]) if paths else None
    places = " ".join(
        filter(None, [municipality.name if municipality else "", province.name if province else ""])
    )
    text = _WeightedText(
        key=product.pk,
        a=product.title,
        b=" ".join([*names, vendor.trade_name]),
        c=strip_tags(product.description or ""),
        d=places,
    )
    document = ProductSearchDocument(
        product=product,
        vendor=vendor,
        vendor_name=vendor.trade_name,
        vendor_slug=vendor.slug,
        actor_type=vendor.actor_type,
        province=province,
        province_name=province.name if province else "",
        province_slug=province.slug if province else "",
        category=root,
        category_name=root.name if root else "",
        category_paths="".join(f" {path}" for path in paths) + " ",
        title=product.title[:255],
        title_folded=fold(product.title)[:255],
        text_folded=_folded_text(text),
        price=min(prices) if prices else None,
        in_stock=any(
            (record.num_in_stock or 0) - (record.num_allocated or 0) > 0 for record in stockrecords
        ),
        date_created=product.date_created,
    )
    return document, text


def _categories_with_ancestors(products) -> dict[str, object]:
    paths = {category.path for product in products for category in product.categories.all()}
    prefixes = {
        path[: depth * Category.steplen]
        for path in paths
        for depth in range(1, len(path) // Category.steplen + 1)
    }
    return {category.path: category for category in Category.objects.filter(path__in=prefixes)}


def _vendor_chunk_refresh(vendor_ids: list[int]) -> int:
    vendors = list(
        Vendor.objects.filter(pk__in=vendor_ids, status=VendorStatus.APPROVED)
        .select_related("municipality__province")
        .prefetch_related("sectors")
    )
    documents, texts, words = [], [], set()
    for vendor in vendors:
        municipality = vendor.municipality
        text = _WeightedText(
            key=vendor.pk,
            a=f"{vendor.trade_name} {vendor.legal_name}",
            b=" ".join(sector.name for sector in vendor.sectors.all()),
            c=vendor.description,
            d=f"{municipality.name} {municipality.province.name}" if municipality else "",
        )
        documents.append(
            VendorSearchDocument(
                vendor=vendor,
                name_folded=fold(text.a)[:400],
                text_folded=_folded_text(text),
            )
        )
        texts.append(text)
        words |= vocabulary_words(text.a, text.b, text.d)
    VendorSearchDocument.objects.filter(pk__in=vendor_ids).exclude(
        pk__in=[vendor.pk for vendor in vendors]
    ).delete()
    VendorSearchDocument.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["vendor"],
        update_fields=["name_folded", "text_folded"],
    )
    _search_vectors_write(VendorSearchDocument._meta.db_table, "vendor_id", texts)
    _words_add(words)
    return len(documents)


def _folded_text(text: _WeightedText) -> str:
    """What LIKE searches on SQLite. PostgreSQL searches the vector: a narrower row there
    is fewer pages to read for a common word."""
    if connection.vendor == "postgresql":
        return ""
    return fold(" ".join([text.a, text.b, text.c, text.d]))


def _search_vectors_write(table: str, key: str, texts: list[_WeightedText]) -> None:
    """PostgreSQL: every row's weighted vector in one UPDATE, from the texts given."""
    if connection.vendor != "postgresql" or not texts:
        return
    rows = ", ".join(["(%s::bigint, %s, %s, %s, %s)"] * len(texts))
    vector = " || ".join(
        f"setweight(to_tsvector('{TEXT_SEARCH_CONFIG}', v.{weight}), '{weight.upper()}')"
        for weight in "abcd"
    )
    params = [value for text in texts for value in (text.key, text.a, text.b, text.c, text.d)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS doc SET search_vector = {vector} "  # noqa: S608 - names are ours
            f"FROM (VALUES {rows}) AS v(key, a, b, c, d) WHERE doc.{key} = v.key",
            params,
        )


def _words_add(words: set[str]) -> None:
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words)], ignore_conflicts=True, batch_size=1000
    )


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK_SIZE):
        yield ids[start : start + CHUNK_SIZE]
