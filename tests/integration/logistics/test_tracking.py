import random
from dataclasses import replace
from decimal import Decimal

import pytest
from django.core import mail
from hypothesis import given, settings
from hypothesis import strategies as st
from oscar.core.loading import get_model

from logistics.models import TERMINAL_STATUSES, Shipment, ShipmentNotice, TrackingEvent
from logistics.models import TrackingStatus as T
from logistics.tracking import (
    ShipmentError,
    carrier_events_apply,
    shipment_cancel,
    shipment_create,
    tracking_event_record,
)
from payments.models import PaymentEvent
from shop import sms
from shop.customers.models import CustomerPreferences
from tests.factories import UserFactory
from tests.factories.shipments import carrier_event, ready_part
from vendors.models import StockMovement, VendorOrderStatus

StockRecord = get_model("partner", "StockRecord")
ShippingEvent = get_model("order", "ShippingEvent")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def ship(part, **kwargs) -> Shipment:
    return shipment_create(
        vendor_order=part,
        carrier=kwargs.pop("carrier", "manual"),
        parcels=kwargs.pop("parcels", 1),
        weight_kg=None,
        estimated_delivery=None,
        **kwargs,
    )


def record(shipment, status, **kwargs):
    return tracking_event_record(
        shipment_id=shipment.pk, event=carrier_event(shipment, status, **kwargs)
    )


def stock_of(part) -> tuple:
    line = part.lines.get()
    record_ = StockRecord.objects.get(pk=line.stockrecord_id)
    return record_.num_in_stock, record_.num_allocated


def test_the_first_shipment_marks_a_ready_part_shipped_with_a_generated_code():
    part = ready_part()

    shipment = ship(part)

    part.refresh_from_db()
    assert part.status == VendorOrderStatus.SHIPPED
    assert shipment.status == T.PENDING
    assert shipment.tracking_code.startswith("EC") and len(shipment.tracking_code) == 12
    assert list(part.events.values_list("to_status", flat=True))[-1] == "shipped"


def test_an_accepted_part_passes_through_ready_and_a_given_code_is_kept():
    part = ready_part(status=VendorOrderStatus.ACCEPTED)

    shipment = ship(part, tracking_code="ab-123", carrier="webhook")

    part.refresh_from_db()
    assert shipment.tracking_code == "AB-123"
    assert list(part.events.values_list("to_status", flat=True))[-2:] == ["ready", "shipped"]


def test_a_placed_part_cannot_ship_and_nothing_is_created():
    part = ready_part(status=VendorOrderStatus.PLACED)

    with pytest.raises(ShipmentError):
        ship(part)

    part.refresh_from_db()
    assert part.status == VendorOrderStatus.PLACED
    assert Shipment.objects.count() == 0


def test_a_tracking_code_in_use_is_refused():
    ship(ready_part(), tracking_code="SAME-1")

    with pytest.raises(ShipmentError):
        ship(ready_part(), tracking_code="same-1")

    assert Shipment.objects.count() == 1


def test_the_same_event_twenty_times_is_one_event_one_email_one_sms(
    django_capture_on_commit_callbacks,
):
    buyer = UserFactory(email="lucia@example.test")
    CustomerPreferences.objects.create(user=buyer, sms_notifications=True)
    shipment = ship(ready_part(user=buyer))
    event = carrier_event(shipment, T.OUT_FOR_DELIVERY, event_id="evt-same")

    with django_capture_on_commit_callbacks(execute=True):
        results = [tracking_event_record(shipment_id=shipment.pk, event=event) for _ in range(20)]

    assert sum(result is not None for result in results) == 1
    assert TrackingEvent.objects.filter(shipment=shipment).count() == 1
    assert ShipmentNotice.objects.filter(shipment=shipment).count() == 1
    assert [message.to for message in mail.outbox] == [["lucia@example.test"]]
    assert [message.to for message in sms.outbox] == ["+5352345678"]
    assert shipment.tracking_code in sms.outbox[0].body
    assert ShippingEvent.objects.filter(order=shipment.vendor_order.order).count() == 1


def test_no_sms_without_the_buyers_consent_and_email_in_its_language(
    django_capture_on_commit_callbacks,
):
    buyer = UserFactory(email="ana@example.test")
    CustomerPreferences.objects.create(user=buyer, sms_notifications=False, language="en")
    shipment = ship(ready_part(user=buyer))

    with django_capture_on_commit_callbacks(execute=True):
        record(shipment, T.PICKED_UP)

    assert sms.outbox == []
    assert len(mail.outbox) == 1
    assert "The courier has picked up your order" in mail.outbox[0].body


def test_only_the_steps_that_matter_are_notified(django_capture_on_commit_callbacks):
    shipment = ship(ready_part())

    with django_capture_on_commit_callbacks(execute=True):
        for minutes, status in enumerate(
            [
                T.INFO_RECEIVED,
                T.PICKED_UP,
                T.IN_TRANSIT,
                T.DELAYED,
                T.OUT_FOR_DELIVERY,
                T.ATTEMPT_FAILED,
                T.OUT_FOR_DELIVERY,
                T.DELIVERED,
            ]
        ):
            record(shipment, status, minutes=minutes)

    assert list(
        ShipmentNotice.objects.filter(shipment=shipment).values_list("status", "round")
    ) == [
        ("picked_up", 0),
        ("out_for_delivery", 0),
        ("attempt_failed", 0),
        ("out_for_delivery", 1),
        ("delivered", 1),
    ]
    assert len(mail.outbox) == 5
    assert all(message.to == ["ana@example.test"] for message in mail.outbox)


def test_an_event_older_than_the_current_status_is_stored_but_does_not_move_it():
    shipment = ship(ready_part())
    record(shipment, T.OUT_FOR_DELIVERY, minutes=30)

    record(shipment, T.PICKED_UP, minutes=10)

    shipment.refresh_from_db()
    assert shipment.status == T.OUT_FOR_DELIVERY
    assert list(shipment.events.values_list("status", flat=True)) == [
        "picked_up",
        "out_for_delivery",
    ]
    assert ShipmentNotice.objects.filter(shipment=shipment).count() == 1


def test_a_terminal_status_is_never_left():
    shipment = ship(ready_part())
    record(shipment, T.DELIVERED, minutes=10)

    record(shipment, T.ATTEMPT_FAILED, minutes=20)
    record(shipment, T.RETURNED, minutes=30)

    shipment.refresh_from_db()
    assert shipment.status == T.DELIVERED
    assert shipment.vendor_order.status == VendorOrderStatus.DELIVERED


NON_TERMINAL = [status for status in T.values if status not in TERMINAL_STATUSES]


@settings(max_examples=15, deadline=None)
@given(
    statuses=st.lists(st.sampled_from(NON_TERMINAL), min_size=1, max_size=8),
    terminal=st.sampled_from([None, *sorted(TERMINAL_STATUSES)]),
    seed=st.integers(0, 10_000),
)
def test_shuffled_events_end_at_the_latest_by_carrier_time_or_the_terminal_one(
    statuses, terminal, seed
):
    shipment = ship(ready_part())
    events = [
        carrier_event(shipment, status, minutes=minutes) for minutes, status in enumerate(statuses)
    ]
    if terminal:
        events.append(carrier_event(shipment, terminal, minutes=len(statuses)))
    shuffled = events[:]
    random.Random(seed).shuffle(shuffled)

    for event in shuffled:
        tracking_event_record(shipment_id=shipment.pk, event=event)

    shipment.refresh_from_db()
    assert shipment.status == (terminal or statuses[-1])
    assert shipment.status_at == events[-1].occurred_at
    assert shipment.events.count() == len(events)


def test_delivery_consumes_the_stock_and_records_the_cash_once():
    part = ready_part(quantity=2, price="100.00")
    before_stock, before_allocated = stock_of(part)
    shipment = ship(part)

    for _ in range(3):
        record(shipment, T.DELIVERED, event_id="evt-delivered", cash=Decimal("200.00"))

    part.refresh_from_db()
    shipment.refresh_from_db()
    assert part.status == VendorOrderStatus.DELIVERED
    assert shipment.cash_collected == Decimal("200.00")
    assert stock_of(part) == (before_stock - 2, before_allocated - 2)
    cash = PaymentEvent.objects.filter(payment__order=part.order, kind="charge", phase="success")
    assert list(cash.values_list("amount", "gateway_reference")) == [
        (Decimal("200.00"), f"cash:{part.number}")
    ]


def test_a_part_in_two_shipments_is_delivered_when_both_are():
    part = ready_part()
    first = ship(part)
    second = ship(part, tracking_code="SECOND-1")

    record(first, T.DELIVERED)
    part.refresh_from_db()
    assert part.status == VendorOrderStatus.SHIPPED

    record(second, T.DELIVERED)
    part.refresh_from_db()
    assert part.status == VendorOrderStatus.DELIVERED


def test_a_cancelled_shipment_does_not_hold_its_part_back():
    part = ready_part()
    mistaken = ship(part)
    real = ship(part, tracking_code="REAL-1")

    shipment_cancel(shipment=mistaken)
    record(real, T.DELIVERED)

    part.refresh_from_db()
    assert part.status == VendorOrderStatus.DELIVERED


def test_a_returned_part_gives_its_units_back_and_collects_nothing():
    part = ready_part()
    before = stock_of(part)
    shipment = ship(part)

    record(shipment, T.RETURNING, minutes=1, note="Dirección incorrecta")
    record(shipment, T.RETURNED, minutes=2)

    part.refresh_from_db()
    assert part.status == VendorOrderStatus.RETURNED
    assert stock_of(part) == (before[0], before[1] - 2)
    assert StockMovement.objects.filter(order_number=part.number, reason="release").exists()
    assert not PaymentEvent.objects.filter(payment__order=part.order, kind="charge").exists()
    assert part.order.__class__.objects.get(pk=part.order_id).status == "cancelled"


def test_a_part_marked_delivered_by_hand_stays_delivered_when_the_carrier_confirms():
    part = ready_part()
    shipment = ship(part)
    from vendors.orders.transitions import ActorRole, vendor_order_transition

    vendor_order_transition(
        vendor_order_id=part.pk, to_status="delivered", actor=None, actor_role=ActorRole.VENDOR
    )

    record(shipment, T.DELIVERED)

    assert PaymentEvent.objects.filter(payment__order=part.order, kind="charge").count() == 1


def test_each_step_is_mirrored_as_an_oscar_shipping_event_with_the_parts_lines():
    part = ready_part(quantity=2)
    shipment = ship(part)

    record(shipment, T.PICKED_UP, minutes=1, note="Recogido en tienda")
    record(shipment, T.DELIVERED, minutes=2)

    events = ShippingEvent.objects.filter(order=part.order).order_by("pk")
    assert [(event.event_type.code, event.notes) for event in events] == [
        ("picked_up", f"{part.number} · {shipment.tracking_code}: Recogido en tienda"),
        ("delivered", f"{part.number} · {shipment.tracking_code}"),
    ]
    line = part.lines.get()
    assert [(q.line_id, q.quantity) for q in events[1].line_quantities.all()] == [(line.pk, 2)]


def test_a_batch_naming_an_unknown_code_writes_nothing():
    shipment = ship(ready_part(), carrier="webhook", tracking_code="WH-1")
    known = carrier_event(shipment, T.PICKED_UP)
    unknown = replace(carrier_event(shipment, T.PICKED_UP), tracking_code="NOPE-1")

    from logistics.exceptions import UnknownShipment

    with pytest.raises(UnknownShipment):
        carrier_events_apply(carrier="webhook", events=[known, unknown])

    assert TrackingEvent.objects.count() == 0


def test_a_carrier_cannot_move_another_carriers_shipment():
    shipment = ship(ready_part(), carrier="manual")

    from logistics.exceptions import UnknownShipment

    with pytest.raises(UnknownShipment):
        carrier_events_apply(carrier="webhook", events=[carrier_event(shipment, T.DELIVERED)])

    assert TrackingEvent.objects.count() == 0


def test_a_returned_prepaid_part_waits_in_the_list_until_refunded_in_full():
    from logistics.selectors import returned_paid_parts
    from vendors.orders.actions import vendor_part_refund

    part = ready_part(gateway="dummy", quantity=2, price="100.00")
    record(ship(part), T.RETURNED)
    part.refresh_from_db()

    listed = returned_paid_parts(vendor=part.vendor)
    vendor_part_refund(vendor_order=part, amount=Decimal("150.00"), key="r1")
    still = returned_paid_parts()
    vendor_part_refund(vendor_order=part, amount=Decimal("50.00"), key="r2")

    assert listed == [part] and still == [part]
    assert returned_paid_parts() == []
    part.refresh_from_db()
    assert part.status == VendorOrderStatus.RETURNED


def test_a_returned_part_whose_transfer_never_arrived_owes_no_refund():
    from logistics.selectors import returned_paid_parts
    from payments.models import PaymentEvent

    part = ready_part(gateway="dummy", quantity=1, price="100.00")
    PaymentEvent.objects.filter(payment__order=part.order, kind="charge").delete()
    part.order.payments.update(gateway="bank_transfer", state="pending")
    record(ship(part), T.RETURNED)

    assert returned_paid_parts() == []
