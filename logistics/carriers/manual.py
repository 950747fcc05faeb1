"""The vendor delivers itself (or through its own courier): each step is recorded in
the vendor dashboard or on the courier's signed page, and the courier confirms the cash
collected on delivery."""

from django.utils.translation import gettext_lazy as _

from logistics.carriers.interface import Capabilities, Capability, Carrier
from logistics.models import TrackingStatus


class ManualCarrier(Carrier):
    capabilities = Capabilities(
        supported=frozenset(
            {Capability.MANUAL_STEPS, Capability.COURIER_LINK, Capability.CASH_COLLECTION}
        )
    )
    label = _("Own courier")


# The steps a courier (or the vendor) may record next, by the shipment's status.
NEXT_STEPS = {
    TrackingStatus.PENDING: (TrackingStatus.PICKED_UP, TrackingStatus.OUT_FOR_DELIVERY),
    TrackingStatus.INFO_RECEIVED: (TrackingStatus.PICKED_UP, TrackingStatus.OUT_FOR_DELIVERY),
    TrackingStatus.PICKED_UP: (
        TrackingStatus.OUT_FOR_DELIVERY,
        TrackingStatus.AVAILABLE_FOR_PICKUP,
        TrackingStatus.DELAYED,
    ),
    TrackingStatus.IN_TRANSIT: (
        TrackingStatus.OUT_FOR_DELIVERY,
        TrackingStatus.AVAILABLE_FOR_PICKUP,
        TrackingStatus.DELAYED,
    ),
    TrackingStatus.DELAYED: (TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.AVAILABLE_FOR_PICKUP),
    TrackingStatus.EXCEPTION: (TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.RETURNING),
    TrackingStatus.OUT_FOR_DELIVERY: (TrackingStatus.DELIVERED, TrackingStatus.ATTEMPT_FAILED),
    TrackingStatus.ATTEMPT_FAILED: (
        TrackingStatus.OUT_FOR_DELIVERY,
        TrackingStatus.AVAILABLE_FOR_PICKUP,
        TrackingStatus.RETURNING,
    ),
    TrackingStatus.AVAILABLE_FOR_PICKUP: (TrackingStatus.DELIVERED, TrackingStatus.RETURNING),
    TrackingStatus.RETURNING: (TrackingStatus.RETURNED,),
}
# Steps that need a few words for the buyer (why it failed, what went wrong).
NOTE_REQUIRED = frozenset(
    {TrackingStatus.ATTEMPT_FAILED, TrackingStatus.DELAYED, TrackingStatus.RETURNING}
)
