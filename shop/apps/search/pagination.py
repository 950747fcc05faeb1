"""Pages of product lists whose whole-list work is done once per catalogue version."""

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from shop.apps.catalogue.versions import (
    CATEGORIES,
    LISTINGS,
    catalogue_cached,
    catalogue_version,
)


class CatalogueCountPaginator(Paginator):
    """Django's paginator, whose count (a COUNT over every matching product, the one
    whole-list query of a page) is kept until what the lists hold changes. `cache_key`
    names the list (selectors.product_list_key)."""

    def __init__(self, object_list, per_page, *, cache_key: str, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cache_key = cache_key

    @cached_property
    def count(self) -> int:
        return catalogue_cached("count", self.cache_key, self.object_list.count, scope=LISTINGS)


def listing_context(page: Page) -> dict:
    """The keys the product list templates cache their fragments under: the categories'
    version for the category menu and trail, and for the cards the catalogue's version and
    the list, page and page size."""
    version = catalogue_version()
    paginator = page.paginator
    return {
        "categories_version": catalogue_version(CATEGORIES),
        "product_grid_key": f"{version}-{paginator.cache_key}-{page.number}-{paginator.per_page}",
    }
