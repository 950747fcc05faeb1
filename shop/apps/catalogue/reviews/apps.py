import oscar.apps.catalogue.reviews.apps as apps


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    """Oscar's product reviews, forked for who may write one: a buyer who received the
    product, once (vendors/catalogue/reviews.py). Models and migrations stay Oscar's."""

    name = "shop.apps.catalogue.reviews"
