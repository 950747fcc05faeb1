import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked for a basket that spans vendors: an address with its
    province and municipality, a delivery choice per vendor part, a payment method,
    and a review that must still match the basket when the order is placed."""

    name = "shop.apps.checkout"
