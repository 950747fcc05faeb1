import oscar.apps.offer.apps as apps


class OfferConfig(apps.OfferConfig):
    """Oscar's offer app, forked for its applicator: a request reads the site's offers
    once, however many times the basket's offers are applied again. Models and
    migrations stay Oscar's (MIGRATION_MODULES in settings)."""

    name = "shop.apps.offer"
