"""The `currency` filter of every template, Oscar's included: the settings register this
module as the `currency_filters` library (TEMPLATES' "libraries"), so
`{% load currency_filters %}{{ amount|currency:order.currency }}` formats with
`shop.core.money.money_format` wherever it is written."""

from django import template

from shop.core.money import money_format

register = template.Library()


@register.filter(name="currency")
def currency(value, currency_code: str | None = None) -> str:
    """`value` as money; empty for no amount (a product without a price), as Oscar's."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):  # Oscar's filter took floats; keep their digits
        value = str(value)
    try:
        return money_format(value, currency_code or None)
    except (TypeError, ValueError):
        return ""
