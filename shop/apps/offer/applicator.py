from oscar.apps.offer import applicator
from oscar.apps.offer.applicator import *  # noqa: F403  (Oscar's fork pattern)


class Applicator(applicator.Applicator):
    def get_offers(self, basket, user=None, request=None):
        self.request = request
        return super().get_offers(basket, user, request)

    def get_site_offers(self):
        """Oscar's, read once per request: adding a product or showing the basket applies
        the offers again in the same request, and the site's offers have not changed."""
        request = getattr(self, "request", None)
        if request is None:
            return super().get_site_offers()
        if not hasattr(request, "_site_offers"):
            request._site_offers = list(super().get_site_offers())
        return request._site_offers
