import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked so browse, category and search pages read the
    database instead of a Haystack index (see shop/apps/search/views.py)."""

    name = "shop.apps.search"
