import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    """Oscar's shipping app, forked for its repository: each vendor delivers its own
    part of the basket. Models and migrations stay Oscar's (MIGRATION_MODULES)."""

    name = "shop.apps.shipping"
