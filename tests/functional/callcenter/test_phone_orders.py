"""An agent takes an order by phone through the console pages: same stock rules as the
web checkout, a channel and the agent recorded, one audit entry."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from logistics.models import Municipality
from payments.models import Payment
from shop.callcenter.models import AuditAction, AuditEntry, PurchaseOrigin
from tests.functional.callcenter.conftest import client_for
from tests.queries import query_count
from vendors.models import VendorOrder

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


def address_data(**overrides) -> dict:
    plaza = Municipality.objects.get(name="Plaza de la Revolución")
    return {
        "first_name": "Pedro",
        "last_name": "Gómez",
        "line1": "Calle 23 No. 1155",
        "line2": "",
        "province": plaza.province_id,
        "municipality": plaza.pk,
        "phone_number": "+53 5 234 9876",
        "notes": "",
        **overrides,
    }


def fill_basket(client, url, world, coffee_quantity=2):
    client.post(
        url,
        {
            "action": "add",
            "stockrecord": world["coffee"].stockrecords.get().pk,
            "quantity": coffee_quantity,
        },
    )
    client.post(
        url, {"action": "add", "stockrecord": world["honey"].stockrecords.get().pk, "quantity": "1"}
    )


def pickup_choices(world) -> dict:
    return {
        f"vendor-{partner.vendor.pk}": f"pickup-{partner.vendor.pickup_points.get().pk}"
        for partner in world["partners"]
    }


def test_an_agent_places_a_two_store_cash_order_for_a_walk_in_customer(
    world, django_capture_on_commit_callbacks
):
    client = client_for(world, "agent")
    url = reverse("callcenter:phone-order", kwargs={"pk": world["walk_in"].pk})
    offers = client.get(url, {"q": "Producto de"})
    assert offers.status_code == 200
    assert "Producto de Café Serrano" in offers.content.decode()
    fill_basket(client, url, world)
    options = client.post(url, {"action": "options", **address_data()})
    assert f"pickup-{world['partners'][0].vendor.pickup_points.get().pk}" in (
        options.content.decode()
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "action": "place",
                **address_data(),
                **pickup_choices(world),
                "channel": "whatsapp",
                "payment_method": "cash_on_delivery",
            },
        )

    order = Order.objects.get(user=world["walk_in"])
    assert response.status_code == 302
    assert response["Location"] == reverse("callcenter:purchase", kwargs={"number": order.number})
    assert sorted(order.vendor_orders.values_list("status", flat=True)) == ["placed", "placed"]
    assert order.total_incl_tax == Decimal("1100.00")
    origin = PurchaseOrigin.objects.get(order=order)
    assert (origin.channel, origin.agent) == ("whatsapp", world["users"]["agent"])
    assert Payment.objects.get(order=order).gateway == "cash_on_delivery"
    coffee = StockRecord.objects.get(product=world["coffee"])
    assert coffee.num_allocated == 3  # 1 for Marta's purchase, 2 now
    entry = AuditEntry.objects.get(action=AuditAction.ORDER_PLACED)
    assert (entry.agent, entry.customer, entry.after["number"]) == (
        world["users"]["agent"],
        world["walk_in"],
        order.number,
    )
    # The stores hear of their parts at once (cash on delivery).
    assert {world["partners"][0].vendor.email, world["partners"][1].vendor.email} <= {
        address for message in mail.outbox for address in message.to
    }
    # The basket is gone: the next order starts empty.
    assert "Producto de Café Serrano" not in client.get(url).content.decode()


def test_more_than_the_stock_is_refused_with_a_message(world):
    client = client_for(world, "agent")
    url = reverse("callcenter:phone-order", kwargs={"pk": world["walk_in"].pk})

    response = client.post(
        url,
        {"action": "add", "stockrecord": world["coffee"].stockrecords.get().pk, "quantity": "50"},
        follow=True,
    )

    assert response.status_code == 200
    assert "50" not in "".join(str(message) for message in response.context["messages"])
    assert "9" in "".join(str(message) for message in response.context["messages"])


def test_bad_input_gives_a_message_and_places_nothing(world):
    client = client_for(world, "agent")
    url = reverse("callcenter:phone-order", kwargs={"pk": world["walk_in"].pk})
    fill_basket(client, url, world)

    no_delivery = client.post(
        url,
        {
            "action": "place",
            **address_data(),
            "channel": "phone",
            "payment_method": "cash_on_delivery",
        },
    )
    no_address = client.post(
        url,
        {
            "action": "place",
            **address_data(line1="", municipality=""),
            "channel": "phone",
            "payment_method": "cash_on_delivery",
        },
    )
    nonsense = client.post(url, {"action": "add", "stockrecord": "abc", "quantity": "x"})

    assert (no_delivery.status_code, no_address.status_code, nonsense.status_code) == (
        400,
        400,
        302,
    )
    assert not Order.objects.filter(user=world["walk_in"]).exists()
    assert not AuditEntry.objects.filter(action=AuditAction.ORDER_PLACED).exists()


def test_a_store_that_stops_selling_meanwhile_is_refused(world):
    client = client_for(world, "agent")
    url = reverse("callcenter:phone-order", kwargs={"pk": world["walk_in"].pk})
    fill_basket(client, url, world)
    vendor = world["partners"][1].vendor
    vendor.status = "suspended"
    vendor.save()

    response = client.post(
        url,
        {
            "action": "place",
            **address_data(),
            **pickup_choices(world),
            "channel": "phone",
            "payment_method": "cash_on_delivery",
        },
    )

    assert response.status_code == 400
    assert not Order.objects.filter(user=world["walk_in"]).exists()
    assert VendorOrder.objects.count() == 2  # Marta's only


def test_console_pages_keep_their_query_count_as_purchases_grow(world):
    from tests.factories.callcenter import purchase_place_for

    client = client_for(world, "agent")
    customer_url = reverse("callcenter:customer", kwargs={"pk": world["customer"].pk})
    search_url = reverse("callcenter:search") + "?q=marta@example.test"
    purchase_url = reverse("callcenter:purchase", kwargs={"number": world["order"].number})
    before = [query_count(client, url) for url in (customer_url, search_url, purchase_url)]

    for _index in range(5):
        purchase_place_for(world["customer"], [(world["coffee"], 1), (world["honey"], 1)])

    assert [query_count(client, url) for url in (customer_url, search_url, purchase_url)] == before


def test_the_agent_reads_each_payment_method_and_how_the_customer_pays_it(world):
    client = client_for(world, "agent")
    url = reverse("callcenter:phone-order", kwargs={"pk": world["walk_in"].pk})
    fill_basket(client, url, world)

    first = client.get(url)
    options = client.post(url, {"action": "options", **address_data()}).content.decode()

    assert first.context["place_form"].initial["payment_method"] == "cash_on_delivery"
    assert re.findall(
        r'id="pay-([\w-]+)" value="[\w-]+">\s*<label [^>]*>([^<]+)</label>', options
    ) == [
        ("cash_on_delivery", "Pago contra entrega"),
        (
            "bank_transfer",
            "Transferencia bancaria (el cliente recibe las instrucciones por correo)",
        ),
        ("dummy", "Tarjeta, con un enlace de pago enviado al cliente"),
    ]


def test_the_request_to_pay_is_offered_again_only_while_the_money_is_awaited(world):
    from tests.factories.callcenter import purchase_place_for

    client = client_for(world, "agent")
    transfer = purchase_place_for(
        world["customer"], [(world["coffee"], 1)], gateway="bank_transfer"
    )

    def resend_forms(order) -> int:
        page = client.get(reverse("callcenter:purchase", kwargs={"number": order.number}))
        return page.content.decode().count('class="payment-link-send"')

    assert (resend_forms(transfer), resend_forms(world["order"])) == (1, 0)
