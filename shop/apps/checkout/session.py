from django.core.cache import cache
from django.urls import reverse
from oscar.apps.checkout import session
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.checkout.session import *  # noqa: F403  (Oscar's fork pattern)
from oscar.core.loading import get_model

from vendors.pricing.selectors import basket_terms_problems

Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")

COUNTRY_CACHE_SECONDS = 3600


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    def check_basket_is_valid(self, request):
        """Oscar's checks, then the stores' wholesale terms: the basket page says what to
        change (the placement checks them again)."""
        super().check_basket_is_valid(request)
        problems = basket_terms_problems(basket=request.basket, buyer=request.user)
        if problems:
            raise FailedPreCondition(
                url=reverse("basket:summary"), messages=[problem.message for problem in problems]
            )

    def get_shipping_address(self, basket):
        """Oscar's, with its country: the review shows it and the order saves it, and the
        checkout's one country is read from the cache, not on every page."""
        address = super().get_shipping_address(basket)
        if (
            address is not None
            and address.country_id
            and not ShippingAddress.country.is_cached(address)
        ):
            address.country = _country(address.country_id)
        return address


def _country(code: str):
    key = f"checkout.country.{code}"
    country = cache.get(key)
    if country is None:
        country = Country.objects.get(pk=code)
        cache.set(key, country, COUNTRY_CACHE_SECONDS)
    return country
