from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from vendors.models import StockMovement, VendorOrder

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def three_stores(db):
    stores = []
    for index, price in enumerate(("100.00", "250.00", "40.00")):
        partner = PartnerFactory(name=f"Tienda {index}")
        product = ProductFactory(
            title=f"Producto {index}",
            stockrecord__partner=partner,
            stockrecord__price=Decimal(price),
            stockrecord__num_in_stock=5,
        )
        zone = DeliveryZoneFactory(vendor=partner.vendor, price=Decimal("150.00"))
        point = PickupPointFactory(vendor=partner.vendor)
        stores.append({"vendor": partner.vendor, "product": product, "zone": zone, "point": point})
    return stores


def test_a_guest_buys_from_three_stores_in_one_order(client, three_stores):
    for store in three_stores:
        basket_add(client, store["product"], 2)
    a, b, c = three_stores
    review = checkout_to_review(
        client,
        {
            a["vendor"]: f"home-{a['zone'].pk}",
            b["vendor"]: f"home-{b['zone'].pk}",
            c["vendor"]: f"pickup-{c['point'].pk}",
        },
    )
    assert review.status_code == 200

    response = order_place(client, review)

    assert response.status_code == 302, response.content.decode()[:3000]
    order = Order.objects.get()
    assert order.guest_email == "ana@example.test"
    assert order.shipping_incl_tax == Decimal("300.00")
    assert order.total_incl_tax == Decimal("1080.00")  # 2×100 + 2×250 + 2×40 + 2×150
    assert order.status == "placed"
    parts = list(
        order.vendor_orders.order_by("sequence").values_list(
            "number", "vendor__trade_name", "status", "delivery_code", "delivery_charge"
        )
    )
    assert parts == [
        (f"{order.number}-1", "Tienda 0", "placed", f"home-{a['zone'].pk}", Decimal("150.00")),
        (f"{order.number}-2", "Tienda 1", "placed", f"home-{b['zone'].pk}", Decimal("150.00")),
        (f"{order.number}-3", "Tienda 2", "placed", f"pickup-{c['point'].pk}", Decimal("0.00")),
    ]
    assert [record.num_allocated for record in StockRecord.objects.order_by("pk")] == [2, 2, 2]
    assert sorted(StockMovement.objects.values_list("order_number", flat=True)) == [
        f"{order.number}-1",
        f"{order.number}-2",
        f"{order.number}-3",
    ]
    assert order.shipping_address.state == "La Habana"
    assert order.shipping_address.line4 == "Playa"


def test_the_last_units_sold_elsewhere_mid_checkout_end_in_a_clear_message(client, three_stores):
    a = three_stores[0]
    basket_add(client, a["product"], 3)
    review = checkout_to_review(client, {a["vendor"]: f"pickup-{a['point'].pk}"})
    StockRecord.objects.filter(product=a["product"]).update(num_allocated=4)

    response = client.post(
        reverse("checkout:preview"),
        {"action": "place_order", "purchase_fingerprint": review.context["purchase_fingerprint"]},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    assert "máximo de 1" in response.content.decode()
    assert not Order.objects.exists()
    assert not VendorOrder.objects.exists()
    assert StockRecord.objects.get(product=a["product"]).num_allocated == 4


def test_a_delivery_option_of_another_vendor_is_refused(client, three_stores):
    a, b = three_stores[:2]
    basket_add(client, a["product"])
    checkout_to_review(client, {a["vendor"]: f"home-{a['zone'].pk}"})

    response = client.post(
        reverse("checkout:shipping-method"), {f"vendor-{a['vendor'].pk}": f"home-{b['zone'].pk}"}
    )

    assert response.status_code == 400
    assert "no es una opción de entrega de Tienda 0" in response.content.decode()


def test_a_municipality_outside_the_province_is_refused(client, three_stores):
    from logistics.models import Province
    from tests.functional.checkout.flow import address_data, checkout_start

    basket_add(client, three_stores[0]["product"])
    checkout_start(client)
    data = address_data(municipality="Playa", province=Province.objects.get(name="Matanzas").pk)

    response = client.post(reverse("checkout:shipping-address"), data)

    assert response.status_code == 200
    assert "Playa no está en Matanzas." in response.content.decode()


def test_a_basket_changed_in_another_tab_sends_the_buyer_back_to_review(client, three_stores):
    a, b = three_stores[:2]
    basket_add(client, a["product"])
    review = checkout_to_review(client, {a["vendor"]: f"pickup-{a['point'].pk}"})
    basket_add(client, a["product"])  # another tab: now 2 units

    response = order_place(client, review)

    assert response.status_code == 200
    assert "cambió desde que la revisó" in response.content.decode()
    assert not Order.objects.exists()


def test_a_price_changed_mid_checkout_is_not_charged_unseen(client, three_stores):
    a = three_stores[0]
    basket_add(client, a["product"])
    review = checkout_to_review(client, {a["vendor"]: f"pickup-{a['point'].pk}"})
    StockRecord.objects.filter(product=a["product"]).update(price=Decimal("999.00"))

    response = order_place(client, review)

    assert response.status_code == 200
    assert "cambió desde que la revisó" in response.content.decode()
    assert not Order.objects.exists()


def test_a_vendor_suspended_mid_checkout_stops_the_order(client, three_stores):
    a = three_stores[0]
    basket_add(client, a["product"])
    review = checkout_to_review(client, {a["vendor"]: f"pickup-{a['point'].pk}"})
    a["vendor"].status = "suspended"
    a["vendor"].save()

    response = client.post(
        reverse("checkout:preview"),
        {"action": "place_order", "purchase_fingerprint": review.context["purchase_fingerprint"]},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    assert not Order.objects.exists()
    assert StockRecord.objects.get(product=a["product"]).num_allocated in (0, None)
