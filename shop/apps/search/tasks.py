from celery import shared_task

from shop.apps.search.indexing import (
    category_product_ids,
    product_documents_refresh,
    vendor_documents_refresh,
    vendor_product_ids,
)


@shared_task(name="search.index_update")
def search_index_update(
    product_ids: list[int], vendor_ids: list[int], category_ids: list[int]
) -> int:
    """Sent on commit by updates.search_index_update_on_commit; safe to run twice."""
    products = set(product_ids)
    if vendor_ids:
        vendor_documents_refresh(vendor_ids=vendor_ids)
        products.update(vendor_product_ids(vendor_ids=vendor_ids))
    if category_ids:
        products.update(category_product_ids(category_ids=category_ids))
    return product_documents_refresh(product_ids=products)
