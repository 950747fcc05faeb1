"""Placing a purchase without the checkout pages (demo data, and later orders taken
by phone): the same plan, checks, order creator and notices as the web checkout."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from oscar.core.loading import get_class, get_model

from logistics.delivery import address_municipality, delivery_plan, delivery_plan_validate

OrderCreator = get_class("order.utils", "OrderCreator")
OrderPlacementMixin = get_class("checkout.mixins", "OrderPlacementMixin")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
VendorDelivery = get_class("shipping.methods", "VendorDelivery")
Order = get_model("order", "Order")


@transaction.atomic
def purchase_place(*, basket, shipping_address, choices: dict[str, str], user=None,
                   email: str = "", status: str = "placed", notify: bool = True,
                   payment_gateway: str = "cash_on_delivery", channel: str = "",
                   agent=None) -> Order:
    """Place `basket` (with its strategy set) for delivery to the unsaved
    `shipping_address`, with `choices` = {vendor id: delivery option code}, paid with a
    gateway that takes no money online (cash on delivery by default). `channel` and
    `agent` say how it arrived (the web unless given) and who took it. A registered
    buyer finds the address in its address book afterwards, as after the web checkout. Raises
    ValidationError (delivery), OutOfStock or VendorUnavailable; nothing stays then."""
    from payments.services import payment_charge, payment_prepare

    if basket.is_empty:
        raise ValidationError("The basket is empty.", code="empty_basket")
    plan = delivery_plan(basket=basket, municipality=address_municipality(shipping_address),
                         choices=choices)
    delivery_plan_validate(plan)
    method = VendorDelivery(plan)
    charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, charge)
    # Saved as the web checkout saves it: into a registered buyer's address book too.
    OrderPlacementMixin().create_shipping_address(user or AnonymousUser(), shipping_address)
    order = OrderCreator().place_order(
        basket=basket, total=total, shipping_method=method, shipping_charge=charge,
        user=user, shipping_address=shipping_address,
        order_number=OrderNumberGenerator().order_number(basket), status=status,
        guest_email="" if user else email, channel=channel, agent=agent,
    )
    basket.submit()
    payment_charge(payment_id=payment_prepare(order=order, gateway_name=payment_gateway).pk)
    if notify:
        from vendors.notifications import purchase_placed_notify_on_commit

        purchase_placed_notify_on_commit(order_id=order.pk)
    return order
