"""Delivery methods for a basket that spans several vendors.

Oscar keeps one shipping method per checkout. Here that method is a plan: the
option the buyer chose for each vendor's part (kept in the checkout session),
checked again against the current basket and address every time it is read, so a
choice that stopped being possible (another vendor's option, a changed basket, a
zone switched off) is never charged.
"""

from oscar.apps.shipping import repository
from oscar.core.loading import get_class, get_classes

from logistics.delivery import address_municipality, delivery_plan

VendorDelivery, DeliveryToBeChosen = get_classes(
    "shipping.methods", ["VendorDelivery", "DeliveryToBeChosen"]
)


class Repository(repository.Repository):
    methods = ()

    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        request = kwargs.get("request")
        if request is None or shipping_addr is None:
            return []
        CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")
        plan = delivery_plan(
            basket=basket,
            municipality=address_municipality(shipping_addr, basket=basket),
            choices=CheckoutSessionData(request).delivery_choices(),
        )
        return [] if plan.errors else [VendorDelivery(plan)]

    def get_default_shipping_method(self, basket, shipping_addr=None, **kwargs):
        methods = self.get_shipping_methods(basket, shipping_addr=shipping_addr, **kwargs)
        return methods[0] if methods else DeliveryToBeChosen()
