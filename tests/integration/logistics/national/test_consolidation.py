"""A combined shipment is one: the parts the buyer chose to send together share one code,
and a signed step from the carrier for that code moves every part in it, once."""

import json
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from logistics.carriers.webhook import SIGNATURE_HEADER, webhook_signature
from logistics.models import Shipment, ShipmentNotice, TrackingEvent
from logistics.national.models import Consolidation
from logistics.tracking import shipment_create
from tests.factories import UserFactory
from tests.factories.national import NationalCarrierFactory, national_table
from tests.factories.shipments import carrier_time
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from tests.functional.checkout.test_national_delivery import store_in
from vendors.models import MembershipRole, VendorOrderStatus
from vendors.orders.transitions import ActorRole, vendor_order_transition

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

SECRET = "test-national-carrier-secret"
URL = "/logistics/webhooks/nacional/"


@pytest.fixture
def placed(client):
    """Two Holguín stores combined, one Havana store alone, to Pinar del Río."""
    client.force_login(UserFactory())
    carrier = NationalCarrierFactory()
    national_table(carrier, origins=["Holguín", "La Habana"], destinations=["Pinar del Río"])
    stores = [
        store_in("Holguín", "Cárnica Holguín", weight="1", carrier=carrier),
        store_in("Holguín", "Dulces Holguín", weight="1.5", carrier=carrier),
        store_in("Playa", "Construhab", weight="1", carrier=carrier),
    ]
    for _vendor, product in stores:
        basket_add(client, product)
    (first, _), (second, _), (habana, _) = stores
    choices = {
        first: f"home-natc{carrier.pk}",
        second: f"home-natc{carrier.pk}",
        habana: f"home-nat{carrier.pk}",
    }
    review = checkout_to_review(client, choices, municipality="Pinar del Río")
    response = order_place(client, review)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Order.objects.get()


def ship_all(order) -> list[Shipment]:
    shipments = []
    for part in order.vendor_orders.order_by("sequence"):
        vendor_order_transition(
            vendor_order_id=part.pk,
            to_status=VendorOrderStatus.ACCEPTED,
            actor=None,
            actor_role=ActorRole.VENDOR,
        )
        shipments.append(shipment_create(vendor_order=part, carrier="nacional"))
    return shipments


def post(client, events: list):
    raw = json.dumps({"events": events}).encode()
    return client.post(
        URL,
        raw,
        content_type="application/json",
        headers={SIGNATURE_HEADER: webhook_signature(secret=SECRET, body=raw)},
    )


def step(code: str, status: str, *, event_id: str, hour: int, **extra) -> dict:
    return {
        "id": event_id,
        "tracking_code": code,
        "status": status,
        "occurred_at": carrier_time(hour=hour),
        **extra,
    }


def test_placing_the_combined_choice_gives_its_parts_one_shared_code(placed):
    consolidation = Consolidation.objects.get()
    parts = list(placed.vendor_orders.order_by("sequence"))

    assert consolidation.code.startswith("PN") and len(consolidation.code) == 12
    assert [part.vendor.trade_name for part in _members(consolidation)] == [
        "Cárnica Holguín",
        "Dulces Holguín",
    ]
    assert not hasattr(parts[2], "consolidated_part")
    # Each part still pays (and shows) its own share: 450 for 2.5 kg, as 300 + 300 alone.
    assert [part.delivery_charge for part in parts] == [
        Decimal("225.00"),
        Decimal("225.00"),
        Decimal("300.00"),
    ]


def _members(consolidation):
    return [link.vendor_order for link in consolidation.parts.select_related("vendor_order")]


def test_a_signed_step_for_the_code_delivers_every_part_in_it_once(
    client, placed, django_capture_on_commit_callbacks
):
    first, second, alone = ship_all(placed)
    code = Consolidation.objects.get().code
    journey = [
        step(code.lower(), "picked_up", event_id="pc-1", hour=8),
        step(code, "delivered", event_id="pc-2", hour=12),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        answers = [post(client, journey)]
    before = (
        TrackingEvent.objects.count(),
        ShipmentNotice.objects.count(),
        len(mail.outbox),
        sorted(Shipment.objects.values_list("pk", "status", "updated_at")),
    )
    with django_capture_on_commit_callbacks(execute=True):
        answers += [post(client, journey), post(client, [journey[1]])]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert [answer.json()["recorded"] for answer in answers] == [2, 0, 0]
    statuses = dict(Shipment.objects.values_list("pk", "status"))
    assert (statuses[first.pk], statuses[second.pk], statuses[alone.pk]) == (
        "delivered",
        "delivered",
        "pending",
    )
    assert list(placed.vendor_orders.order_by("sequence").values_list("status", flat=True)) == [
        VendorOrderStatus.DELIVERED,
        VendorOrderStatus.DELIVERED,
        VendorOrderStatus.SHIPPED,
    ]
    assert TrackingEvent.objects.filter(shipment__in=[first, second]).count() == 4
    assert sorted(ShipmentNotice.objects.values_list("shipment_id", "status")) == sorted(
        [
            (shipment.pk, status)
            for shipment in (first, second)
            for status in ("picked_up", "delivered")
        ]
    )
    # The duplicates changed nothing at all.
    assert (
        TrackingEvent.objects.count(),
        ShipmentNotice.objects.count(),
        len(mail.outbox),
        sorted(Shipment.objects.values_list("pk", "status", "updated_at")),
    ) == before


def test_cash_collected_for_the_whole_shipment_is_shared_by_what_each_part_owed(client, placed):
    first, second, _alone = ship_all(placed)
    code = Consolidation.objects.get().code
    owed = {shipment.pk: _part_total(shipment) for shipment in (first, second)}

    collected = str(sum(owed.values()))
    post(client, [step(code, "delivered", event_id="pc-9", hour=12, cash_collected=collected)])

    for shipment in (first, second):
        shipment.refresh_from_db()
        assert shipment.cash_collected == shipment.cash_due == owed[shipment.pk]


def _part_total(shipment):
    from vendors.orders.money import vendor_part_total

    return vendor_part_total(shipment.vendor_order)


def test_the_store_and_the_buyer_see_that_the_parcels_travel_together(client, placed):
    code = Consolidation.objects.get().code
    part = placed.vendor_orders.order_by("sequence").first()
    owner = UserFactory()
    part.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)

    store_page = client.get(
        reverse("vendor_dashboard:order-detail", args=[part.vendor.slug, part.number])
    ).content.decode()

    assert f'data-code="{code}"' in store_page
    assert "viaja con 1 paquete de otras tiendas" in store_page
    client.force_login(placed.user)
    buyer_page = client.get(
        reverse("customer:order", kwargs={"order_number": placed.number})
    ).content.decode()

    assert buyer_page.count(f'class="small purchase-part-combined" data-code="{code}"') == 2
    assert "Viaja en un envío combinado" in buyer_page
    assert "225,00 CUP" in buyer_page and "300,00 CUP" in buyer_page  # each part's cost


def _accept(part) -> None:
    vendor_order_transition(
        vendor_order_id=part.pk,
        to_status=VendorOrderStatus.ACCEPTED,
        actor=None,
        actor_role=ActorRole.VENDOR,
    )


def test_the_carriers_step_registers_the_combined_parts_their_stores_have_not_shipped(
    client, placed, django_capture_on_commit_callbacks
):
    first, second, _alone = placed.vendor_orders.order_by("sequence")
    code = Consolidation.objects.get().code
    _accept(first)
    _accept(second)
    # The first store types the combined code it wrote on the parcel; the second has not
    # registered anything when the carrier picks the combined shipment up.
    shipped = shipment_create(vendor_order=first, carrier="nacional", tracking_code=code)
    journey = [
        step(code, "delivered", event_id="pd-2", hour=12),  # out of order
        step(code, "picked_up", event_id="pd-1", hour=8),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        answers = [post(client, [journey[0]]), post(client, [journey[1]]), post(client, journey)]

    assert [answer.json()["recorded"] for answer in answers] == [1, 1, 0]
    assert shipped.tracking_code == f"{code}-1"
    registered = Shipment.objects.get(vendor_order=second)
    assert registered.tracking_code == f"{code}-2"
    assert registered.estimated_delivery == second.estimated_delivery  # what checkout promised
    assert sorted(Shipment.objects.values_list("vendor_order_id", "status")) == [
        (first.pk, "delivered"),
        (second.pk, "delivered"),
    ]
    for part in (first, second):
        part.refresh_from_db()
        assert part.status == VendorOrderStatus.DELIVERED
        assert list(
            TrackingEvent.objects.filter(shipment__vendor_order=part)
            .order_by("occurred_at")
            .values_list("status", flat=True)
        ) == ["picked_up", "delivered"]
        # Told once of the delivery, and not of a pick-up reported after it.
        assert list(
            ShipmentNotice.objects.filter(shipment__vendor_order=part).values_list(
                "status", flat=True
            )
        ) == ["delivered"]


def test_a_part_its_store_ships_late_takes_the_steps_the_others_took_once(
    client, placed, django_capture_on_commit_callbacks
):
    first, second, _alone = placed.vendor_orders.order_by("sequence")
    code = Consolidation.objects.get().code
    _accept(first)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, [step(code, "picked_up", event_id="pl-1", hour=8)])
    # The second store had not accepted its part: the carrier's step did not move it.
    second.refresh_from_db()
    assert second.status == VendorOrderStatus.PLACED and not second.shipments.exists()

    _accept(second)
    with django_capture_on_commit_callbacks(execute=True):
        late = shipment_create(vendor_order=second, carrier="nacional")
        answers = [
            post(client, [step(code, "picked_up", event_id="pl-1", hour=8)]),
            post(client, [step(code, "delivered", event_id="pl-2", hour=12)]),
        ]

    assert [answer.json()["recorded"] for answer in answers] == [0, 1]
    late.refresh_from_db()
    assert late.status == "delivered"
    assert list(late.events.order_by("occurred_at").values_list("status", flat=True)) == [
        "picked_up",
        "delivered",
    ]
    assert sorted(late.notices.values_list("status", flat=True)) == ["delivered", "picked_up"]
    assert TrackingEvent.objects.filter(shipment__vendor_order=first).count() == 2
