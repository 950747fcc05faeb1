from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403  (Oscar's fork pattern)
from oscar.apps.shipping.methods import Base
from oscar.core import prices


class VendorDelivery(Base):
    """The basket's delivery as one Oscar shipping method: the sum of what each
    vendor charges for the option the buyer chose for its part."""

    code = "vendor-delivery"
    name = _("Delivery by each store")

    def __init__(self, plan):
        self.plan = plan

    def calculate(self, basket):
        charge = self.plan.charge
        return prices.Price(currency=basket.currency, excl_tax=charge, incl_tax=charge)


class DeliveryToBeChosen(Base):
    """Shown on the basket page before an address is known: nothing is charged yet."""

    code = "delivery-to-be-chosen"
    name = _("Delivery is chosen for each store at checkout")

    def calculate(self, basket):
        return prices.Price(
            currency=basket.currency, excl_tax=Decimal("0.00"), incl_tax=Decimal("0.00")
        )
