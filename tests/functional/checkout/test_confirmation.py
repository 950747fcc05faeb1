"""The confirmation page and e-mail say, per store: what it sends, how it reaches the buyer
(or where to pick it up) and how and when it is paid, by what the payment method can do."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format
from oscar.core.loading import get_model

from payments.models import Payment
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place

Order = get_model("order", "Order")
OSCAR_LEFTOVERS = (
    "Pago no disponible",
    "No payment was required",
    "Allocation of",
    "Asignación de",
    "Método de envío",
    "Shipping method",
    "Dummy",
)


@pytest.fixture
def stores(db):
    """A bakery delivering home to La Habana, a honey farm with a pickup point only."""
    bakery = PartnerFactory(name="Panadería La Espiga").vendor
    DeliveryZoneFactory(vendor=bakery, price=Decimal("150.00"))
    farm = PartnerFactory(name="Miel del Valle").vendor
    point = PickupPointFactory(
        vendor=farm,
        name="Almacén del Valle",
        address="Calle 5 No. 12",
        hours="Lunes a viernes, 8:00 a 16:00",
    )
    bread = ProductFactory(
        title="Pan de molde",
        stockrecord__partner=bakery.partner,
        stockrecord__price=Decimal("1200.00"),
    )
    honey = ProductFactory(
        title="Miel de abejas",
        stockrecord__partner=farm.partner,
        stockrecord__price=Decimal("1196.00"),
    )
    return {"bakery": bakery, "farm": farm, "point": point, "bread": bread, "honey": honey}


def buy(client, stores, payment: str, capture):
    basket_add(client, stores["bread"], 1)
    basket_add(client, stores["honey"], 1)
    choices = {
        stores["bakery"]: f"home-{stores['bakery'].delivery_zones.get().pk}",
        stores["farm"]: f"pickup-{stores['point'].pk}",
    }
    with capture(execute=True):
        review = checkout_to_review(client, choices, payment=payment)
        placed = order_place(client, review)
    assert placed.status_code == 302, placed.content.decode()[:2000]
    return client.get(placed["Location"]).content.decode()


def buyer_mail(address: str = "ana@example.test"):
    (message,) = [message for message in mail.outbox if message.to == [address]]
    return message.body, message.alternatives[0][0]


def part_of(html: str, number: str) -> str:
    start = html.index(f'id="part-{number}"')
    return html[start : html.index("</section>", start)]


def test_cash_on_delivery_says_what_each_store_sends_how_it_arrives_and_what_to_have_ready(
    client, stores, django_capture_on_commit_callbacks
):
    page = buy(client, stores, "cash_on_delivery", django_capture_on_commit_callbacks)

    order = Order.objects.get()
    bakery, farm = (part_of(page, f"{order.number}-{n}") for n in (1, 2))
    assert "1 × Pan de molde" in bakery and "1.200,00 CUP" in bakery
    assert "Entrega a domicilio en Playa (La Habana)." in bakery
    assert "Pague en efectivo al recibirlo: tenga listos 1.350,00 CUP." in bakery
    assert "1 × Miel de abejas" in farm
    assert (
        "Recogida en Almacén del Valle: Calle 5 No. 12, Plaza de la Revolución "
        "(La Habana). Horario: Lunes a viernes, 8:00 a 16:00."
    ) in farm
    assert "Pague en efectivo al recogerlo: tenga listos 1.196,00 CUP." in farm
    assert "2.546,00 CUP" in page
    for leftover in OSCAR_LEFTOVERS:
        assert leftover not in page
    text, html = buyer_mail()
    for channel in (text, html):
        assert "Entrega a domicilio en Playa (La Habana)." in channel
        assert "Recogida en Almacén del Valle: Calle 5 No. 12" in channel
        assert "tenga listos 1.350,00 CUP" in channel and "tenga listos 1.196,00 CUP" in channel
        assert "2.546,00 CUP" in channel and "2546.00" not in channel


def test_a_bank_transfer_gives_account_reference_amount_and_deadline_on_page_and_by_mail(
    client, stores, django_capture_on_commit_callbacks
):
    page = buy(client, stores, "bank_transfer", django_capture_on_commit_callbacks)

    payment = Payment.objects.get()
    deadline = timezone.localtime(payment.deadline)
    assert payment.state == "pending"
    text, html = buyer_mail()
    for channel in (page, html):
        assert "Transferencia bancaria" in channel
        assert "0599 0000 1234 5678" in channel and "Encadena (demo)" in channel
        assert "Banco Metropolitano" in channel
        assert f"ENC-{payment.order.number}" in channel
        assert "2.546,00 CUP" in channel
        assert "Se paga con su transferencia bancaria por toda la compra" in channel
    assert "Cuenta: 0599 0000 1234 5678" in text
    assert (
        f"Referencia (escríbala en el concepto de la transferencia): ENC-{payment.order.number}"
    ) in text
    assert "transfiera 2.546,00 CUP antes del" in text
    assert date_format(deadline, "DATETIME_FORMAT") in text
    # The stores hear of it once the money arrives, not before.
    assert [message.to for message in mail.outbox] == [["ana@example.test"]]
    assert "Pague en efectivo" not in page


def test_a_payment_taken_online_says_so_per_store(
    client, stores, django_capture_on_commit_callbacks
):
    page = buy(client, stores, "dummy", django_capture_on_commit_callbacks)

    assert Payment.objects.get().state == "captured"
    for number in (1, 2):
        part = part_of(page, f"{Order.objects.get().number}-{number}")
        assert "Pago de prueba: no se cobró nada." in part
    text, _html = buyer_mail()
    assert "Pago de prueba: no se cobró nada: 2.546,00 CUP." in text
