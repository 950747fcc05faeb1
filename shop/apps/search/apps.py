import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked so browse, category and search pages read the
    database instead of a Haystack index (see shop/apps/search/views.py), through a
    search index of our own (models.py) kept current by receivers.py."""

    name = "shop.apps.search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        super().ready()
        from shop.apps.search import receivers  # noqa: F401 - connects the signal receivers
