from django import template

from shop.requisitions.selectors import lists_for

register = template.Library()


@register.simple_tag
def requisition_lists(user) -> list:
    """The lists a product page offers to add to (none, and no query, for a visitor)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(lists_for(user=user))
