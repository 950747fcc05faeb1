import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    """Oscar's order app, forked for its OrderCreator: a purchase is split into vendor
    orders and its stock promised with guarded updates. Models and migrations stay
    Oscar's (MIGRATION_MODULES in settings)."""

    name = "shop.apps.order"

    def ready(self):
        super().ready()
        from shop.apps.order.receivers import connect

        connect()
