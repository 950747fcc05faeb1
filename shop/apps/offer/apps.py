import oscar.apps.offer.apps as apps


class OfferConfig(apps.OfferConfig):
    """Oscar's offer app, forked for its applicator: the site's offers are read from the
    cache, once per request, however many times the basket's offers are applied again.
    Models and migrations stay Oscar's (MIGRATION_MODULES in settings)."""

    name = "shop.apps.offer"

    def ready(self):
        super().ready()
        from shop.apps.offer import applicator

        applicator.connect()
