"""`{% load quantities %}{{ request.quantity|quantity }}`: "2,5", "3" (shop.core.quantities)."""

from django import template

from shop.core.quantities import quantity_format

register = template.Library()


@register.filter(name="quantity")
def quantity(value) -> str:
    if value is None or value == "":
        return ""
    try:
        return quantity_format(value)
    except (TypeError, ValueError, ArithmeticError):
        return str(value)
