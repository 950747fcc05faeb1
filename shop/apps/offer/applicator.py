import functools

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from oscar.apps.offer import applicator
from oscar.apps.offer.applicator import *  # noqa: F403  (Oscar's fork pattern)
from oscar.core.loading import get_model

ConditionalOffer = get_model("offer", "ConditionalOffer")

SITE_OFFERS_KEY = "offer:site-offers"
SITE_OFFERS_SECONDS = 3600


class Applicator(applicator.Applicator):
    def get_offers(self, basket, user=None, request=None):
        self.request = request
        return super().get_offers(basket, user, request)

    def get_site_offers(self):
        """Oscar's, read once per request: adding a product or showing the basket applies
        the offers again in the same request, and the site's offers have not changed.
        The open ones are kept in the cache until one changes (most shops have none; each
        page with a basket asked the database anyway); the dates are checked here, so an
        offer starts and ends on the minute."""
        request = getattr(self, "request", None)
        if request is not None and hasattr(request, "_site_offers"):
            return request._site_offers
        now = timezone.now()
        offers = [
            offer
            for offer in site_offers_open()
            if (offer.start_datetime is None or offer.start_datetime <= now)
            and (offer.end_datetime is None or offer.end_datetime >= now)
        ]
        if request is not None:
            request._site_offers = offers
        return offers


def site_offers_open() -> list:
    """The site's open offers, whatever their dates, with their condition and benefit."""
    offers = cache.get(SITE_OFFERS_KEY)
    if offers is None:
        offers = list(
            ConditionalOffer.objects.filter(
                offer_type=ConditionalOffer.SITE, status=ConditionalOffer.OPEN
            ).select_related("condition", "benefit")
        )
        cache.set(SITE_OFFERS_KEY, offers, SITE_OFFERS_SECONDS)
    return offers


def _site_offers_forget(sender, **kwargs) -> None:
    cache.delete(SITE_OFFERS_KEY)
    # A page read before the commit may have cached the offers as they were.
    transaction.on_commit(functools.partial(cache.delete, SITE_OFFERS_KEY))


def connect() -> None:
    for name in ("ConditionalOffer", "Condition", "Benefit"):
        model = get_model("offer", name)
        for signal in (post_save, post_delete):
            signal.connect(
                _site_offers_forget,
                sender=model,
                weak=False,
                dispatch_uid=f"offer.site-offers.{name}",
            )
