"""A buyer far from every store gets home delivery by a national carrier: a price and a
date per part, and one combined shipment for the parts leaving the same province."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from logistics.models import Municipality
from logistics.national.models import NationalCarrier, NationalPoint, PointKind
from logistics.national.selectors import part_national_carrier
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.national import NationalCarrierFactory, national_table, store_sends_through
from tests.functional.checkout.flow import (
    address_data,
    basket_add,
    checkout_start,
    checkout_to_review,
    order_place,
)
from tests.queries import query_count
from vendors.catalogue.products import product_weight_set
from vendors.models import MembershipRole

Order = get_model("order", "Order")

# A Wednesday morning in Havana: one day to hand over + 3 in transit (Saturday works)
# = next Monday.
WEDNESDAY = datetime(2031, 1, 8, 10, 0, tzinfo=ZoneInfo("America/Havana"))
NEXT_MONDAY = date(2031, 1, 13)


@pytest.fixture
def clock():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def store_in(municipality: str, name: str, *, weight: str | None = "1.5", carrier=None):
    place = Municipality.objects.get(name=municipality)
    partner = PartnerFactory(name=name, vendor__municipality=place)
    product = ProductFactory(
        title=f"Producto de {name}",
        stockrecord__partner=partner,
        stockrecord__price=Decimal("500.00"),
        stockrecord__num_in_stock=20,
    )
    if weight is not None:
        product_weight_set(product=product, weight_kg=Decimal(weight))
    if carrier is not None:
        store_sends_through(partner.vendor, carrier)
    return partner.vendor, product


@pytest.fixture
def carrier(db):
    carrier = NationalCarrierFactory()
    national_table(
        carrier,
        origins=["Guantánamo", "Holguín", "La Habana"],
        destinations=["Pinar del Río", "La Habana"],
    )
    return carrier


@pytest.fixture
def three_provinces(carrier):
    """Stores in Baracoa, Holguín and La Habana sending through the national carrier."""
    return [
        store_in("Baracoa", "Cacao Baracoa", carrier=carrier),
        store_in("Holguín", "Cárnica Holguín", carrier=carrier),
        store_in("Playa", "Construhab", carrier=carrier),
    ]


def delivery_step(client, *, municipality: str = "Pinar del Río"):
    checkout_start(client)
    response = client.post(
        reverse("checkout:shipping-address"), address_data(municipality=municipality)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(reverse("checkout:shipping-method"))


def options_of(response, vendor) -> dict:
    part = next(part for part in response.context["form"].parts if part.vendor == vendor)
    return {option.code: option for option in part.options}


def test_a_pinar_buyer_gets_home_delivery_with_price_and_date_from_three_provinces(
    client, three_provinces, clock
):
    for _vendor, product in three_provinces:
        basket_add(client, product)

    page = delivery_step(client)

    assert page.status_code == 200
    for vendor, _product in three_provinces:
        home = options_of(page, vendor)[f"home-nat{NationalCarrier.objects.get().pk}"]
        assert home.kind == "home"
        assert home.charge == Decimal("300.00")  # 1.5 kg: the 2 kg band
        assert home.estimated_delivery == NEXT_MONDAY
        assert "Pinar del Río" in home.name and "Paquetería Nacional" in home.name
    html = page.content.decode()
    assert "no entrega en" not in html
    # Each part's date next to its price, not inside the option's name.
    assert html.count("(300,00 CUP) · Entrega estimada: lunes 13 de enero") == 3
    assert "llega hacia" not in html


def test_the_placed_parts_record_the_national_option_and_its_charge(client, three_provinces, clock):
    client.force_login(UserFactory())
    for _vendor, product in three_provinces:
        basket_add(client, product, 2)  # 3 kg: the 5 kg band
    code = f"home-nat{NationalCarrier.objects.get().pk}"
    review = checkout_to_review(
        client, {vendor: code for vendor, _p in three_provinces}, municipality="Pinar del Río"
    )

    response = order_place(client, review)

    assert response.status_code == 302, response.content.decode()[:2000]
    order = Order.objects.get()
    assert order.shipping_incl_tax == Decimal("1350.00")
    assert (
        list(order.vendor_orders.values_list("delivery_code", "delivery_charge"))
        == [(code, Decimal("450.00"))] * 3
    )
    # The date checkout promised stays with each part: the buyer's and the store's pages.
    part = order.vendor_orders.order_by("sequence").first()
    assert set(order.vendor_orders.values_list("estimated_delivery", flat=True)) == {NEXT_MONDAY}
    buyer_page = client.get(reverse("customer:order", kwargs={"order_number": order.number}))
    assert buyer_page.content.decode().count("Entrega estimada: 13 de enero de 2031") == 3
    owner = UserFactory()
    part.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)
    store_page = client.get(
        reverse("vendor_dashboard:order-detail", args=[part.vendor.slug, part.number])
    )
    assert "Entrega estimada: 13 de enero de 2031" in store_page.content.decode()


def test_a_store_not_sending_through_the_carrier_is_not_offered_it(client, carrier, clock):
    vendor, product = store_in("Baracoa", "Sin transportista")
    basket_add(client, product)

    page = delivery_step(client)

    assert options_of(page, vendor) == {}
    assert "Sin transportista no entrega en Pinar del Río" not in page.content.decode()
    assert "no entrega en Pinar del Río" in page.content.decode()


def test_a_product_without_weight_is_priced_at_the_default_weight(client, carrier, clock, settings):
    settings.DELIVERY_DEFAULT_WEIGHT_KG = "3"
    vendor, product = store_in("Baracoa", "Sin peso", weight=None, carrier=carrier)
    basket_add(client, product)

    page = delivery_step(client)

    assert options_of(page, vendor)[f"home-nat{carrier.pk}"].charge == Decimal("450.00")


def test_too_heavy_a_part_is_not_offered_the_carrier(client, carrier, clock):
    vendor, product = store_in("Baracoa", "Pesada", weight="11", carrier=carrier)
    basket_add(client, product)

    page = delivery_step(client)

    assert options_of(page, vendor) == {}
    assert "pesa 11 kg, más de lo que aceptan los transportistas nacionales" in (
        page.content.decode()
    )


@pytest.fixture
def two_from_holguin(carrier):
    return [
        store_in("Holguín", "Cárnica Holguín", weight="1", carrier=carrier),
        store_in("Holguín", "Dulces Holguín", weight="1.5", carrier=carrier),
        store_in("Playa", "Construhab", weight="1", carrier=carrier),
    ]


def test_parts_from_one_province_are_offered_one_combined_shipment_beside_their_own(
    client, two_from_holguin, clock
):
    for _vendor, product in two_from_holguin:
        basket_add(client, product)
    (first, _), (second, _), (habana, _) = two_from_holguin
    carrier = NationalCarrier.objects.get()

    page = delivery_step(client)

    # Alone: 300 each (the minimum 250 is below the 2 kg band). Together 2.5 kg: 450.
    for vendor in (first, second):
        options = options_of(page, vendor)
        assert options[f"home-nat{carrier.pk}"].charge == Decimal("300.00")
        combined = options[f"home-natc{carrier.pk}"]
        assert combined.charge == Decimal("225.00")
        assert combined.estimated_delivery == NEXT_MONDAY
        assert "450,00 CUP" in combined.detail
    assert f"home-natc{carrier.pk}" not in options_of(page, habana)


def test_the_combined_shipment_chosen_for_all_its_parts_charges_its_price_split_to_the_cent(
    client, carrier, clock
):
    carrier.minimum_charge = Decimal("0")
    carrier.save()
    national_table(
        carrier,
        origins=["Holguín"],
        destinations=["Pinar del Río"],
        bands=(("0.5", "100.00", 3),),
    )
    stores = [
        store_in("Holguín", f"Tienda {index}", weight=weight, carrier=carrier)
        for index, weight in enumerate(("0.2", "1", "1"))
    ]
    for _vendor, product in stores:
        basket_add(client, product)
    # Alone: 100 + 300 + 300 = 700; together 2.2 kg: 450, split 64.28 + 192.86 + 192.86.
    code = f"home-natc{carrier.pk}"
    review = checkout_to_review(
        client, {vendor: code for vendor, _p in stores}, municipality="Pinar del Río"
    )

    order_place(client, review)

    order = Order.objects.get()
    charges = list(
        order.vendor_orders.order_by("sequence").values_list("delivery_charge", flat=True)
    )
    assert charges == [Decimal("64.28"), Decimal("192.86"), Decimal("192.86")]
    assert sum(charges) == order.shipping_incl_tax == Decimal("450.00")


def test_the_combined_shipment_chosen_for_one_part_only_is_refused(client, two_from_holguin, clock):
    for _vendor, product in two_from_holguin:
        basket_add(client, product)
    (first, _), (second, _), (habana, _) = two_from_holguin
    pk = NationalCarrier.objects.get().pk
    delivery_step(client)

    response = client.post(
        reverse("checkout:shipping-method"),
        {
            f"vendor-{first.pk}": f"home-natc{pk}",
            f"vendor-{second.pk}": f"home-nat{pk}",
            f"vendor-{habana.pk}": f"home-nat{pk}",
        },
    )

    assert response.status_code == 400
    assert "Cárnica Holguín, Dulces Holguín" in response.content.decode()
    assert not Order.objects.exists()


def test_no_combined_shipment_when_it_does_not_pay_or_the_carrier_does_not_combine(
    client, two_from_holguin, clock
):
    for _vendor, product in two_from_holguin:
        basket_add(client, product)
    (first, _), _second, _habana = two_from_holguin
    carrier = NationalCarrier.objects.get()
    carrier.allows_consolidation = False
    carrier.save()

    assert f"home-natc{carrier.pk}" not in options_of(delivery_step(client), first)

    carrier.allows_consolidation = True
    carrier.minimum_charge = Decimal("500.00")  # alone 500 each, together 500: pays
    carrier.save()
    assert options_of(delivery_step(client), first)[f"home-natc{carrier.pk}"].charge == Decimal(
        "250.00"
    )
    carrier.minimum_charge = Decimal("0")
    carrier.save()
    national_table(
        carrier, origins=["Holguín"], destinations=["Pinar del Río"], bands=(("1", "100.00", 2),)
    )
    # Alone 100 + 300 = 400; together 2.5 kg: 450 does not pay.
    assert f"home-natc{carrier.pk}" not in options_of(delivery_step(client), first)


def basket_from(carrier, stores: int) -> tuple[Client, dict]:
    client, choices = Client(), {}
    for index in range(stores):
        vendor, product = store_in(
            ("Baracoa", "Holguín", "Playa")[index % 3], f"Tienda {stores}-{index}", carrier=carrier
        )
        basket_add(client, product, 2)
        choices[vendor] = f"home-nat{carrier.pk}"
    return client, choices


@pytest.mark.parametrize("url_name", ["checkout:shipping-method", "checkout:preview"])
def test_the_delivery_step_costs_the_same_queries_for_two_national_parts_or_six(
    carrier, clock, url_name
):
    counts = []
    for stores in (2, 6):
        client, choices = basket_from(carrier, stores)
        checkout_to_review(client, choices, municipality="Pinar del Río")
        counts.append(query_count(client, reverse(url_name)))

    assert counts[0] == counts[1], counts


def test_the_carriers_offices_in_the_buyers_province_are_offered_for_pickup(client, carrier, clock):
    office = NationalPoint.objects.create(
        carrier=carrier,
        kind=PointKind.BOTH,
        name="Paquetería Nacional Pinar del Río",
        municipality=Municipality.objects.get(name="Pinar del Río"),
        address="Calle Martí No. 112",
        hours="Lunes a viernes, 8:00 a 17:00",
    )
    NationalPoint.objects.create(  # stores hand parcels over here; buyers collect elsewhere
        carrier=carrier,
        kind=PointKind.DROP_OFF,
        name="Depósito Consolación",
        municipality=Municipality.objects.get(name="Consolación del Sur"),
        address="Carretera Central km 5",
        hours="8:00 a 12:00",
    )
    vendor, product = store_in("Baracoa", "Cacao Baracoa", carrier=carrier)
    basket_add(client, product)

    options = options_of(delivery_step(client), vendor)

    pickup = options[f"pickup-natp{office.pk}"]
    assert [code for code in options if code.startswith("pickup-natp")] == [pickup.code]
    assert (pickup.kind, pickup.charge, pickup.estimated_delivery) == (
        "pickup",
        Decimal("300.00"),
        NEXT_MONDAY,
    )
    assert "Calle Martí No. 112" in pickup.name
    review = checkout_to_review(client, {vendor: pickup.code}, municipality="Pinar del Río")
    order_place(client, review)
    part = Order.objects.get().vendor_orders.get()
    assert part_national_carrier(vendor_order=part) == carrier
