from django import template

from shop.linkages.selectors import vendor_linkages_cached

register = template.Library()


@register.inclusion_tag("linkages/_actor_linkages.html")
def actor_linkages(vendor):
    """An actor's line of linkage figures, for its public page (cached: no query)."""
    return {"linkages": vendor_linkages_cached(vendor=vendor)}
