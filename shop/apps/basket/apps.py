import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    """Oscar's basket app, forked so that a request reads its basket's lines once, with
    what every page and the order need of them. Models and migrations stay Oscar's."""

    name = "shop.apps.basket"
