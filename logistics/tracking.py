"""Shipments and their tracking events: the writes.

A vendor order travels as one or more shipments. Each step a carrier (or the vendor,
or its courier) reports becomes a `TrackingEvent`, stored once per fingerprint. The
shipment's status is the latest step by the carrier's clock, except that a terminal
status (delivered, returned, cancelled) is never left. Shipments drive their vendor
order (shipped, delivered, returned), are mirrored as Oscar shipping events, and tell
the buyer about the steps that matter, once each.

Locks are always taken vendor order first, then shipment, so two shipments of one
part finishing at the same moment cannot both miss that the part is complete."""

import hashlib
import uuid
from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from logistics.carriers.exceptions import ShipmentRefused, UnknownCarrier
from logistics.carriers.interface import Capability, CarrierEvent, ShipmentRequest
from logistics.carriers.manual import NEXT_STEPS, NOTE_REQUIRED
from logistics.carriers.registry import carrier_get
from logistics.error_codes import LogisticsErrorCode
from logistics.exceptions import ShipmentError, UnknownShipment
from logistics.models import (
    TERMINAL_STATUSES,
    Municipality,
    Shipment,
    ShipmentNotice,
    TrackingEvent,
    TrackingSource,
    TrackingStatus,
)
from logistics.national.selectors import (
    consolidated_parts_without_shipment,
    consolidated_shipment_ids,
    part_combined_code,
)
from logistics.selectors import shipment_destination
from payments.interface import Capability as PaymentCapability
from payments.models import Payment
from payments.selectors import gateway_names_with
from shop.core.money import money_format
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.orders.locks import vendor_order_lock
from vendors.orders.money import vendor_part_total
from vendors.orders.transitions import (
    ActorRole,
    vendor_order_allowed_targets,
    vendor_order_transition,
)

ShippingEventType = get_model("order", "ShippingEventType")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventQuantity = get_model("order", "ShippingEventQuantity")

# The steps the buyer hears about (by e-mail, and by SMS if it asked).
NOTIFY_STATUSES = frozenset(
    {
        TrackingStatus.PICKED_UP,
        TrackingStatus.OUT_FOR_DELIVERY,
        TrackingStatus.ATTEMPT_FAILED,
        TrackingStatus.DELIVERED,
    }
)
# Steps that happen at the buyer's door: their place is the delivery address's unless said.
AT_THE_DOOR = frozenset(
    {TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.ATTEMPT_FAILED, TrackingStatus.DELIVERED}
)
# A vendor order takes (more) shipments in these statuses.
SHIPPABLE = (VendorOrderStatus.ACCEPTED, VendorOrderStatus.READY, VendorOrderStatus.SHIPPED)


@dataclass(frozen=True)
class ManualStep:
    """A step recorded by hand, on the courier page or in the vendor dashboard. `key`
    comes from the form, so a double submission records the step once."""

    status: str
    key: str
    note: str = ""
    municipality: Municipality | None = None
    cash_collected: Decimal | None = None


@transaction.atomic
def shipment_create(
    *,
    vendor_order,
    carrier: str,
    parcels: int = 1,
    weight_kg: Decimal | None = None,
    estimated_delivery=None,
    tracking_code: str = "",
    actor=None,
    actor_role: str = ActorRole.VENDOR,
) -> Shipment:
    """Hand (part of) a vendor order to `carrier`. The first shipment marks the order
    shipped (an accepted one passes through ready). Raises ShipmentError and creates
    nothing if the order cannot ship, the carrier is unknown or refuses, or the
    tracking code is taken."""
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order.pk)
    if vendor_order.status not in SHIPPABLE:
        raise ShipmentError(
            _("Order %(number)s is %(status)s: it cannot be shipped.")
            % {
                "number": vendor_order.number,
                "status": VendorOrderStatus(vendor_order.status).label.lower(),
            },
            code=LogisticsErrorCode.NOT_SHIPPABLE,
        )
    # A part travelling in a combined shipment is registered under the combined code
    # (its own number after it: every part's shipment needs a code of its own).
    combined_code = part_combined_code(vendor_order=vendor_order, carrier=carrier)
    if combined_code:
        tracking_code = _combined_part_code(vendor_order=vendor_order, code=combined_code)
    try:
        adapter = carrier_get(carrier)
        registration = adapter.shipment_register(
            request=ShipmentRequest(
                vendor_order_number=vendor_order.number,
                parcels=parcels,
                weight_kg=weight_kg,
                estimated_delivery=estimated_delivery,
                tracking_code=tracking_code,
            )
        )
    except UnknownCarrier:
        raise ShipmentError(
            _("Choose one of the carriers offered."), code=LogisticsErrorCode.CARRIER
        ) from None
    except ShipmentRefused:
        raise ShipmentError(
            _("Tracking codes have letters, digits and dashes only."),
            code=LogisticsErrorCode.TRACKING_CODE,
        ) from None
    try:
        with transaction.atomic():
            shipment = Shipment.objects.create(
                vendor_order=vendor_order,
                carrier=carrier,
                tracking_code=registration.tracking_code,
                parcels=parcels,
                weight_kg=weight_kg,
                estimated_delivery=estimated_delivery or vendor_order.estimated_delivery,
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
    except IntegrityError:
        raise ShipmentError(
            _("The tracking code %(code)s is already in use.")
            % {"code": registration.tracking_code},
            code=LogisticsErrorCode.DUPLICATE,
        ) from None
    if vendor_order.status == VendorOrderStatus.ACCEPTED:
        vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=VendorOrderStatus.READY,
            actor=actor,
            actor_role=actor_role,
        )
    if vendor_order.status != VendorOrderStatus.SHIPPED:
        vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=VendorOrderStatus.SHIPPED,
            actor=actor,
            actor_role=actor_role,
        )
    if combined_code:
        _combined_steps_catch_up(shipment=shipment, code=combined_code)
    return shipment


def _combined_part_code(*, vendor_order: VendorOrder, code: str) -> str:
    base = f"{code}-{vendor_order.sequence}"
    earlier = vendor_order.shipments.filter(tracking_code__startswith=base).count()
    return f"{base}-{earlier + 1}" if earlier else base


def _combined_steps_catch_up(*, shipment: Shipment, code: str) -> None:
    """A part that joins its combined shipment late (its store shipped it after the
    carrier's first steps for the code) takes the steps the others already took, each
    stored under the same per-shipment id a later report of it would have."""
    steps = {}
    for event in (
        TrackingEvent.objects.filter(
            shipment__carrier=shipment.carrier,
            shipment__vendor_order__consolidated_part__consolidation__code=code,
            source=TrackingSource.CARRIER,
        )
        .exclude(shipment=shipment)
        .select_related("municipality")
        .order_by("occurred_at", "id")
    ):
        carrier_event_id, separator, shipment_id = event.carrier_event_id.rpartition("|")
        if separator and shipment_id == str(event.shipment_id):
            steps.setdefault(carrier_event_id, event)
    for carrier_event_id, event in steps.items():
        tracking_event_record(
            shipment_id=shipment.pk,
            event=CarrierEvent(
                event_id=f"{carrier_event_id}|{shipment.pk}",
                tracking_code=code,
                status=event.status,
                occurred_at=event.occurred_at,
                municipality_code=event.municipality.code if event.municipality else "",
                note=event.note,
            ),
        )


def tracking_fingerprint(*, shipment: Shipment, event: CarrierEvent) -> str:
    """Equal for the same step however often it is delivered: the carrier's event id
    when it gives one, else what the step says."""
    if event.event_id:
        basis = f"{shipment.carrier}|{event.event_id}"
    else:
        basis = "|".join(
            [
                str(shipment.pk),
                event.status,
                event.occurred_at.isoformat(),
                event.municipality_code,
                event.note,
            ]
        )
    return hashlib.sha256(basis.encode()).hexdigest()


def tracking_event_record(
    *,
    shipment_id: int,
    event: CarrierEvent,
    actor=None,
    source: str = TrackingSource.CARRIER,
    notify: bool = True,
) -> TrackingEvent | None:
    """Store one step of a shipment, once: None when it was stored before. Moves the
    shipment's status (latest by carrier time; terminal never left), its vendor order,
    mirrors an Oscar shipping event and queues the buyer's notice on commit."""
    with transaction.atomic():
        vendor_order_id = Shipment.objects.values_list("vendor_order_id", flat=True).get(
            pk=shipment_id
        )
        # The one lock order (vendors/orders/locks.py): payment, part, then shipment.
        vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
        shipment = Shipment.objects.select_for_update().get(pk=shipment_id)
        fingerprint = tracking_fingerprint(shipment=shipment, event=event)
        if TrackingEvent.objects.filter(fingerprint=fingerprint).exists():
            return None
        municipality = (
            Municipality.objects.filter(code=event.municipality_code).first()
            if event.municipality_code
            else None
        )
        tracking_event = TrackingEvent.objects.create(
            shipment=shipment,
            status=event.status,
            occurred_at=event.occurred_at,
            municipality=municipality,
            note=event.note[:500],
            fingerprint=fingerprint,
            carrier_event_id=event.event_id[:128],
            source=source,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
        )
        previous = shipment.status
        delivering = event.status == TrackingStatus.DELIVERED and previous not in TERMINAL_STATUSES
        if delivering:
            shipment.cash_due = shipment_cash_due(shipment=shipment)
            shipment.cash_collected = event.cash_collected
        shipment.status, shipment.status_at = _status_after(shipment, tracking_event)
        shipment.save(
            update_fields=["status", "status_at", "cash_collected", "cash_due", "updated_at"]
        )
        _shipping_event_mirror(
            shipment=shipment, vendor_order=vendor_order, tracking_event=tracking_event
        )
        if shipment.status != previous:
            _vendor_order_follow(vendor_order=vendor_order, actor=actor)
            if notify and shipment.status in NOTIFY_STATUSES:
                _notice_create(shipment=shipment, tracking_event=tracking_event)
    return tracking_event


def _status_after(shipment: Shipment, tracking_event: TrackingEvent) -> tuple:
    latest = shipment.events.order_by("-occurred_at", "-id").first()
    return tracking_status_after(
        current=(shipment.status, shipment.status_at),
        event=(tracking_event.status, tracking_event.occurred_at),
        latest=(latest.status, latest.occurred_at),
    )


def tracking_status_after(*, current: tuple, event: tuple, latest: tuple) -> tuple:
    """A shipment's (status, since when) once `event` arrived: a terminal status is never
    left, a terminal event ends the journey, and otherwise the latest step by the
    carrier's time (`latest`, among all its events so far) says where it is, whatever
    order the steps arrived in."""
    if current[0] in TERMINAL_STATUSES:
        return current
    if event[0] in TERMINAL_STATUSES:
        return event
    return latest


def _vendor_order_follow(*, vendor_order: VendorOrder, actor) -> None:
    """Delivered when every shipment still travelling-or-done is delivered; returned when
    every one came back. A mix (one delivered, one returned) waits for a person."""
    statuses = set(
        vendor_order.shipments.exclude(status=TrackingStatus.CANCELLED).values_list(
            "status", flat=True
        )
    )
    if statuses == {TrackingStatus.DELIVERED}:
        target = VendorOrderStatus.DELIVERED
    elif statuses == {TrackingStatus.RETURNED}:
        target = VendorOrderStatus.RETURNED
    else:
        return
    # A part marked delivered by hand before its carrier said so stays as it is.
    if target in vendor_order_allowed_targets(
        status=vendor_order.status, actor_role=ActorRole.SYSTEM
    ):
        vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=target,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            actor_role=ActorRole.SYSTEM,
        )


def _shipping_event_mirror(
    *, shipment: Shipment, vendor_order: VendorOrder, tracking_event: TrackingEvent
) -> None:
    """Oscar's order dashboard shows the purchase's shipping events: each step appears
    there too, with the lines of its vendor part."""
    with translation.override(settings.LANGUAGE_CODE):
        name = str(TrackingStatus(tracking_event.status).label)
    event_type, _created = ShippingEventType.objects.get_or_create(
        code=tracking_event.status, defaults={"name": name}
    )
    notes = f"{vendor_order.number} · {shipment.tracking_code}"
    if tracking_event.note:
        notes = f"{notes}: {tracking_event.note}"
    shipping_event = ShippingEvent.objects.create(
        order_id=vendor_order.order_id, event_type=event_type, notes=notes
    )
    for line in vendor_order.lines:
        # Oscar counts each event type once per unit: a second shipment of the same part
        # reaching the same step is recorded without lines.
        if line.is_shipping_event_permitted(event_type, line.quantity):
            ShippingEventQuantity.objects.create(
                event=shipping_event, line=line, quantity=line.quantity
            )


def _notice_create(*, shipment: Shipment, tracking_event: TrackingEvent) -> None:
    from logistics.tasks import shipment_notice_send_task

    delivery_round = shipment.events.filter(
        status=TrackingStatus.ATTEMPT_FAILED, occurred_at__lt=tracking_event.occurred_at
    ).count()
    try:
        with transaction.atomic():
            notice = ShipmentNotice.objects.create(
                shipment=shipment, status=shipment.status, round=delivery_round
            )
    except IntegrityError:
        return  # told already
    shipment_notice_send_task.delay_on_commit(notice.pk)


def shipment_next_steps(*, shipment: Shipment) -> tuple:
    """What may be recorded by hand next (nothing once the shipment is terminal)."""
    if not _carrier_can(shipment, Capability.MANUAL_STEPS, Capability.COURIER_LINK):
        return ()
    return NEXT_STEPS.get(shipment.status, ())


def shipment_cash_due(*, shipment: Shipment) -> Decimal | None:
    """The cash the courier must collect when delivering this shipment: the whole part
    for a cash-on-delivery purchase, on the delivery that completes the part."""
    shipments = list(shipment.vendor_order.shipments.all())
    return shipments_cash_due(vendor_order=shipment.vendor_order, shipments=shipments)[shipment.pk]


def shipments_cash_due(*, vendor_order, shipments: list[Shipment]) -> dict:
    """`shipment_cash_due` for every shipment of a part (all of them in `shipments`), in
    a constant number of queries."""
    due = dict.fromkeys((shipment.pk for shipment in shipments), None)
    if not Payment.objects.filter(
        order_id=vendor_order.order_id,
        gateway__in=gateway_names_with(PaymentCapability.PAY_ON_DELIVERY),
    ).exists():
        return due
    done = (TrackingStatus.CANCELLED, TrackingStatus.DELIVERED)
    open_shipments = [shipment for shipment in shipments if shipment.status not in done]
    if len(open_shipments) != 1 or not _carrier_can(open_shipments[0], Capability.CASH_COLLECTION):
        return due  # nothing left to deliver, or another delivery completes the part
    due[open_shipments[0].pk] = vendor_part_total(vendor_order)
    return due


def manual_step_record(
    *, shipment: Shipment, step: ManualStep, actor=None, source: str = TrackingSource.VENDOR
) -> TrackingEvent | None:
    """Record a step typed in by the vendor or its courier, or raise ShipmentError with
    what to fix. The courier confirms the cash it collected, which must be what the
    buyer owes (a buyer who cannot pay is a failed attempt, not a smaller sale)."""
    if step.status not in shipment_next_steps(shipment=shipment):
        raise ShipmentError(
            _("This shipment is %(status)s: that step does not apply now.")
            % {"status": TrackingStatus(shipment.status).label.lower()},
            code=LogisticsErrorCode.STEP,
        )
    note = step.note.strip()
    if step.status in NOTE_REQUIRED and not note:
        raise ShipmentError(
            _("Say what happened: the buyer will read it."), code=LogisticsErrorCode.NOTE
        )
    cash = None
    if step.status == TrackingStatus.DELIVERED:
        due = shipment_cash_due(shipment=shipment)
        if due is not None:
            if step.cash_collected is None or step.cash_collected != due:
                raise ShipmentError(
                    _(
                        "Confirm the cash collected: %(amount)s. If the buyer cannot pay it, "
                        "record a failed attempt instead."
                    )
                    % {"amount": money_format(due, shipment.vendor_order.order.currency)},
                    code=LogisticsErrorCode.CASH,
                )
            cash = step.cash_collected
    municipality = step.municipality
    if municipality is None and step.status in AT_THE_DOOR:
        municipality = shipment_destination(vendor_order=shipment.vendor_order)
    event = CarrierEvent(
        event_id=f"{source}:{step.key or uuid.uuid4().hex}",
        tracking_code=shipment.tracking_code,
        status=step.status,
        occurred_at=timezone.now(),
        municipality_code=municipality.code if municipality else "",
        note=note,
        cash_collected=cash,
    )
    return tracking_event_record(shipment_id=shipment.pk, event=event, actor=actor, source=source)


@transaction.atomic
def shipment_cancel(*, shipment: Shipment, actor=None) -> TrackingEvent | None:
    """A shipment registered by mistake, before anything happened to it."""
    if shipment.status not in (TrackingStatus.PENDING, TrackingStatus.INFO_RECEIVED):
        raise ShipmentError(
            _("Only a shipment that has not moved yet can be cancelled."),
            code=LogisticsErrorCode.CANCEL,
        )
    event = CarrierEvent(
        event_id=f"cancel:{shipment.pk}",
        tracking_code=shipment.tracking_code,
        status=TrackingStatus.CANCELLED,
        occurred_at=timezone.now(),
    )
    return tracking_event_record(
        shipment_id=shipment.pk, event=event, actor=actor, source=TrackingSource.VENDOR
    )


@transaction.atomic
def carrier_events_apply(*, carrier: str, events: list[CarrierEvent]) -> int:
    """Apply a carrier's verified events; all or nothing. Raises UnknownShipment (and
    writes nothing) if one names a tracking code this carrier does not carry. Returns
    how many events were new."""
    codes = {event.tracking_code for event in events}
    shipments = dict(
        Shipment.objects.filter(carrier=carrier, tracking_code__in=codes).values_list(
            "tracking_code", "pk"
        )
    )
    # A combined shipment's code moves the shipment of every part travelling in it: a part
    # its store has not registered yet is registered now, as the carrier has it.
    for vendor_order in consolidated_parts_without_shipment(
        carrier=carrier, codes=codes - set(shipments), statuses=SHIPPABLE
    ):
        shipment_create(vendor_order=vendor_order, carrier=carrier, actor_role=ActorRole.SYSTEM)
    combined = consolidated_shipment_ids(carrier=carrier, codes=codes - set(shipments))
    missing = codes - set(shipments) - set(combined)
    if missing:
        raise UnknownShipment(sorted(missing)[0])
    # Carrier time order: a batch replaying a whole history applies as it happened.
    new = 0
    for event in sorted(events, key=lambda event: event.occurred_at):
        if event.tracking_code in shipments:
            recorded = [
                tracking_event_record(shipment_id=shipments[event.tracking_code], event=event)
            ]
        else:
            # One step per part's shipment, each stored once (its own fingerprint).
            members = combined[event.tracking_code]
            cash = _combined_cash(shipment_ids=members, collected=event.cash_collected)
            recorded = [
                tracking_event_record(
                    shipment_id=shipment_id,
                    event=replace(
                        event,
                        event_id=f"{event.event_id}|{shipment_id}",
                        cash_collected=cash.get(shipment_id),
                    ),
                )
                for shipment_id in members
            ]
        new += any(event is not None for event in recorded)
    return new


def _combined_cash(*, shipment_ids: list[int], collected: Decimal | None) -> dict:
    """{shipment id: the cash its part owed}, when the cash the carrier collected for a
    combined shipment is exactly what its parts owed together; otherwise nothing is
    taken as collected, and the parts wait for a person (shipments_needing_attention)."""
    if collected is None:
        return {}
    due = {
        shipment.pk: shipment_cash_due(shipment=shipment)
        for shipment in Shipment.objects.filter(pk__in=shipment_ids).select_related(
            "vendor_order__order", "vendor_order__vendor"
        )
    }
    owed = sum((amount for amount in due.values() if amount is not None), Decimal("0"))
    return due if owed == collected else {}


def _carrier_can(shipment: Shipment, *capabilities: Capability) -> bool:
    try:
        supported = carrier_get(shipment.carrier).capabilities.supported
    except UnknownCarrier:
        return False
    return any(capability in supported for capability in capabilities)


@transaction.atomic
def courier_link_revoke(*, shipment: Shipment) -> None:
    """Links handed out before stop working (a courier left, a link was forwarded)."""
    Shipment.objects.filter(pk=shipment.pk).update(
        courier_link_revision=F("courier_link_revision") + 1
    )
