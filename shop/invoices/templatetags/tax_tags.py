from decimal import Decimal

from django import template

from shop.invoices.taxes import included_tax as _included_tax

register = template.Library()


@register.simple_tag
def included_tax(vendor, *amounts):
    """{% included_tax vendor amount [another amount...] as tax %}: the tax the store
    includes in the sum of the amounts (tax.percent, tax.amount), or None when it charges
    none. Amounts that are None (no delivery chosen yet) are left out."""
    if vendor is None:
        return None
    total = sum((Decimal(amount) for amount in amounts if amount not in (None, "")), Decimal("0"))
    return _included_tax(vendor=vendor, amount=total)
