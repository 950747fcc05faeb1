"""What changes the search index: a product, its stock record (price, stock, store), its
categories, a category, a store. Each sends the ids concerned after commit (updates.py);
a rename of a province or a municipality waits for `manage.py search_rebuild`."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from oscar.core.loading import get_model

from shop.apps.search.updates import search_index_update_on_commit
from vendors.models import Vendor

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


@receiver(post_save, sender=Product)
@receiver(post_delete, sender=Product)
def product_changed(sender, instance, **kwargs):
    search_index_update_on_commit(product_ids=[instance.pk])


@receiver(post_save, sender=StockRecord)
@receiver(post_delete, sender=StockRecord)
@receiver(post_save, sender=ProductCategory)
@receiver(post_delete, sender=ProductCategory)
def product_part_changed(sender, instance, **kwargs):
    search_index_update_on_commit(product_ids=[instance.product_id])


@receiver(m2m_changed, sender=ProductCategory)
def product_categories_changed(sender, instance, action, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Product):
        search_index_update_on_commit(product_ids=[instance.pk])
    else:
        search_index_update_on_commit(product_ids=pk_set or [])


@receiver(post_save, sender=Category)
def category_changed(sender, instance, created, **kwargs):
    if not created:
        search_index_update_on_commit(category_ids=[instance.pk])


@receiver(post_save, sender=Vendor)
def vendor_changed(sender, instance, **kwargs):
    search_index_update_on_commit(vendor_ids=[instance.pk])


@receiver(m2m_changed, sender=Vendor.sectors.through)
def vendor_sectors_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Vendor):
        search_index_update_on_commit(vendor_ids=[instance.pk])
