from django import template
from django.template.loader import get_template

from shop.trust.selectors import verified_vendor_ids

register = template.Library()


def _verified_ids(context) -> frozenset[int]:
    # Read once per request however many stores the page lists.
    request = context.get("request")
    ids = getattr(request, "_verified_vendor_ids", None)
    if ids is None:
        ids = verified_vendor_ids()
        if request is not None:
            request._verified_vendor_ids = ids
    return ids


@register.simple_tag(takes_context=True)
def verified_badge(context, vendor) -> str:
    """The "Verificado" badge beside a store's name, if an operator verified it."""
    if vendor is None or getattr(vendor, "pk", vendor) not in _verified_ids(context):
        return ""
    return get_template("trust/partials/badge.html").render({})
