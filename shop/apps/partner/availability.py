from django.utils.translation import ngettext
from oscar.apps.partner import availability
from oscar.apps.partner.availability import *  # noqa: F403  (Oscar's fork pattern)


class StockRequired(availability.StockRequired):
    """Oscar's policy, with the number of units in Spanish agreement: "1 disponible",
    "23 disponibles" (Oscar's own message has one form for every number)."""

    @property
    def message(self):
        if self.num_available > 0:
            return ngettext(
                "In stock (%(count)d available)",
                "In stock (%(count)d available)",
                self.num_available,
            ) % {"count": self.num_available}
        return super().message
