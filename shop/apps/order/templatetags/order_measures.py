"""`{% load order_measures %}{{ line|line_quantity }}`: "2,5 t" for a line bought by
measure (shop/apps/order/measures.py), the count of items for any other. One query per
line unless its attributes are prefetched."""

from django import template

from shop.apps.order.measures import line_measure
from shop.core.quantities import quantity_format

register = template.Library()


@register.filter(name="line_quantity")
def line_quantity(line) -> str:
    measure = line_measure(line)
    if measure is None:
        return str(line.quantity)
    return f"{quantity_format(measure.quantity)} {measure.unit}"
