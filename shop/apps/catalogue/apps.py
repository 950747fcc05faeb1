import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue app, forked for its product page: a product sold only by
    vendors that are not approved is not shown. Models and migrations stay Oscar's."""

    name = "shop.apps.catalogue"

    def ready(self):
        super().ready()
        from shop.apps.catalogue import versions

        versions.connect()
