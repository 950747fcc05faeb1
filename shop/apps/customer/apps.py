import oscar.apps.customer.apps as apps


class CustomerConfig(apps.CustomerConfig):
    """Oscar's customer app, forked for its login page: after the password each role lands
    where it works (shop/accounts). Models and migrations stay Oscar's."""

    name = "shop.apps.customer"
