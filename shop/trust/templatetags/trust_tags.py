from django import template
from django.template.loader import get_template

from shop.trust.selectors import store_ratings, store_reviews_published, verified_vendor_ids

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


def _ratings(context) -> dict:
    request = context.get("request")
    ratings = getattr(request, "_store_ratings", None)
    if ratings is None:
        ratings = store_ratings()
        if request is not None:
            request._store_ratings = ratings
    return ratings


@register.inclusion_tag("trust/partials/store_rating.html", takes_context=True)
def store_rating(context, vendor) -> dict:
    """The store's rating and review count beside its name (nothing before its first)."""
    overall, count = _ratings(context).get(getattr(vendor, "pk", vendor), (None, 0))
    return {"overall": overall, "count": count}


@register.inclusion_tag("trust/partials/store_reviews.html", takes_context=True)
def store_reviews(context, vendor, limit: int = 3) -> dict:
    """The store's newest published reviews with its replies: one query."""
    return {
        "reviews": list(store_reviews_published(vendor=vendor)[:limit]),
        "vendor": vendor,
        "request": context.get("request"),
    }
