"""The basket's "Buy as" form, without forking the basket view."""

from django import template

from shop.companies.forms import BuyAsForm
from shop.companies.selectors import buyer_companies

register = template.Library()


@register.simple_tag
def buy_as_form(request) -> BuyAsForm | None:
    """The form for a member who buys for a company (None, and no query, for a visitor),
    on the company the basket is priced for now."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return None
    companies = buyer_companies(user=user)
    if not companies:
        return None
    chosen = getattr(getattr(request, "basket", None), "strategy", None)
    return BuyAsForm(companies=companies, initial={"company": getattr(chosen, "company_id", None)})
