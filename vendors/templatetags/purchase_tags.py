"""Oscar's account pages show a purchase by vendor part without forking its views: these
tags hand the templates the reads in vendors.orders.selectors."""

from django import template

from vendors.orders import selectors as purchases

register = template.Library()


@register.simple_tag
def purchase_parts(order):
    return purchases.purchase_parts(order=order)


@register.simple_tag
def purchases_with_parts(orders):
    return purchases.purchases_with_parts(orders=orders)


@register.filter
def purchase_status(status: str) -> str:
    return purchases.purchase_status_label(status)


@register.simple_tag
def purchase_confirmation(order):
    return purchases.purchase_confirmation(order=order)
