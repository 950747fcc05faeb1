"""Combined shipments: the parts of a purchase the buyer chose to send together by one
national carrier become one consolidation under one code, when the purchase is placed."""

from collections import defaultdict

from logistics.carriers.interface import tracking_code_generate
from logistics.carriers.registry import carrier_get
from logistics.national.models import ConsolidatedPart, Consolidation, NationalCarrier


def consolidations_create(*, order, vendor_orders: list, parts: list) -> list[Consolidation]:
    """One consolidation per combined shipment chosen in `parts` (the delivery plan's
    parts, in the order `vendor_orders` were created from them), with its parts in it.
    Checkout has already refused a combined shipment chosen for only some of its parts."""
    groups = defaultdict(list)  # carrier id -> vendor orders travelling together
    for vendor_order, part in zip(vendor_orders, parts, strict=True):
        chosen = getattr(part, "chosen", None)
        if chosen is not None and chosen.group:
            groups[chosen.group].append(vendor_order)
    if not groups:
        return []
    carriers = NationalCarrier.objects.in_bulk({int(group.partition(".")[0]) for group in groups})
    created = []
    for group, members in groups.items():
        carrier = carriers[int(group.partition(".")[0])]
        prefix = carrier_get(carrier.code).options.get("PREFIX", "NC")
        consolidation = Consolidation.objects.create(
            carrier=carrier, order=order, code=tracking_code_generate(prefix=prefix)
        )
        ConsolidatedPart.objects.bulk_create(
            ConsolidatedPart(consolidation=consolidation, vendor_order=vendor_order)
            for vendor_order in members
        )
        created.append(consolidation)
    return created
