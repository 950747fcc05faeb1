"""The buyer's "My purchases": each purchase shown by vendor part, and a part the store
has not accepted yet cancelled by its buyer (signed in, or a guest with the signed link)."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from tests.queries import query_count
from vendors.models import VendorOrderStatus
from vendors.orders.transitions import ActorRole, vendor_order_transition

S = VendorOrderStatus


@pytest.fixture(autouse=True)
def spanish():
    """Spanish URLs and pages, whatever language an earlier test's request left active."""
    with translation.override("es"):
        yield


@pytest.fixture
def stores(db):
    coffee_shop = PartnerFactory(name="Café Serrano", code="serrano")
    apiary = PartnerFactory(name="CPA La Esperanza", code="esperanza")
    coffee = ProductFactory(
        title="Café molido", stockrecord__partner=coffee_shop, stockrecord__num_in_stock=10
    )
    honey = ProductFactory(
        title="Miel de abejas", stockrecord__partner=apiary, stockrecord__num_in_stock=10
    )
    return {coffee_shop: coffee, apiary: honey}


@pytest.fixture
def buyer(db):
    return UserFactory(email="ana@example.test")


def two_part_purchase(stores, *, user=None):
    """Coffee delivered home for 50 CUP, honey picked up at the apiary."""
    order = purchase({partner: [(product, 2)] for partner, product in stores.items()}, user=user)
    order.vendor_orders.filter(sequence=1).update(
        delivery_code="home", delivery_name="Entrega a domicilio", delivery_charge=Decimal("50.00")
    )
    order.vendor_orders.filter(sequence=2).update(
        delivery_code="pickup", delivery_name="Recogida en: CPA La Esperanza, Calle 1"
    )
    return order


def part(order, sequence):
    return order.vendor_orders.get(sequence=sequence)


def label(status) -> str:
    return str(S(status).label)


@pytest.fixture
def buyer_client(client, buyer):
    client.force_login(buyer)
    return client


def cancel_url(vendor_order) -> str:
    return reverse("vendors:purchase-part-cancel", kwargs={"number": vendor_order.number})


def test_the_purchase_list_shows_each_vendor_part_and_its_delivery(stores, buyer, buyer_client):
    order = two_part_purchase(stores, user=buyer)

    page = buyer_client.get(reverse("customer:order-list")).content.decode()

    for text in (
        order.number,
        f"{order.number}-1",
        "Café Serrano",
        "Entrega a domicilio",
        f"{order.number}-2",
        "CPA La Esperanza",
        "Recogida en: CPA La Esperanza, Calle 1",
        label(S.PLACED),
    ):
        assert text in page
    assert "Café molido" not in page  # lines are on the purchase page


def test_the_account_tab_reads_my_purchases(stores, buyer, buyer_client):
    with translation.override("en"):  # and back: the request leaves English active
        page = buyer_client.get(reverse("customer:order-list")).content.decode()

    assert "My purchases" in page
    assert "Order History" not in page


def test_the_purchase_list_costs_the_same_queries_however_many_purchases(
    stores, buyer, buyer_client
):
    two_part_purchase(stores, user=buyer)
    one = query_count(buyer_client, reverse("customer:order-list"))

    for _ in range(4):
        two_part_purchase(stores, user=buyer)
    many = query_count(buyer_client, reverse("customer:order-list"))

    assert many == one


def test_the_purchase_page_groups_lines_history_and_delivery_by_part(stores, buyer, buyer_client):
    order = two_part_purchase(stores, user=buyer)
    vendor_order_transition(
        vendor_order_id=part(order, 2).pk,
        to_status=S.REJECTED,
        actor=UserFactory(),
        actor_role=ActorRole.VENDOR,
        reason="Sin miel esta semana.",
    )

    page = buyer_client.get(reverse("customer:order", kwargs={"order_number": order.number}))
    html = page.content.decode()

    coffee_part, honey_part = html.split(f'id="part-{order.number}-2"')
    assert "Café Serrano" in coffee_part and "Café molido" in coffee_part
    assert "Entrega a domicilio" in coffee_part and "50,00" in coffee_part
    assert "Miel de abejas" not in coffee_part
    assert cancel_url(part(order, 1)) in coffee_part
    assert "CPA La Esperanza" in honey_part and "Miel de abejas" in honey_part
    assert "Recogida en: CPA La Esperanza, Calle 1" in honey_part
    assert label(S.REJECTED) in honey_part and "Sin miel esta semana." in honey_part
    assert cancel_url(part(order, 2)) not in honey_part


def test_a_buyer_cancels_a_placed_part_and_its_stock_is_released(stores, buyer, buyer_client):
    order = two_part_purchase(stores, user=buyer)
    coffee_stock = stores[part(order, 1).vendor.partner].stockrecords.get()
    assert coffee_stock.num_allocated == 2

    response = buyer_client.post(cancel_url(part(order, 1)))

    assert response.status_code == 302
    assert response.url == reverse("customer:order", kwargs={"order_number": order.number})
    assert part(order, 1).status == S.CANCELLED
    assert part(order, 2).status == S.PLACED
    coffee_stock.refresh_from_db()
    assert (coffee_stock.num_in_stock, coffee_stock.num_allocated) == (10, 0)
    event = part(order, 1).events.get()
    assert (event.to_status, event.actor, event.actor_role) == (S.CANCELLED, buyer, ActorRole.BUYER)
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]


def test_a_part_the_store_accepted_cannot_be_cancelled_by_the_buyer(stores, buyer, buyer_client):
    order = two_part_purchase(stores, user=buyer)
    vendor_order_transition(
        vendor_order_id=part(order, 1).pk,
        to_status=S.ACCEPTED,
        actor=UserFactory(),
        actor_role=ActorRole.VENDOR,
    )
    coffee_stock = stores[part(order, 1).vendor.partner].stockrecords.get()

    response = buyer_client.post(cancel_url(part(order, 1)), follow=True)

    assert response.redirect_chain == [
        (reverse("customer:order", kwargs={"order_number": order.number}), 302)
    ]
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"
    assert f"{order.number}-1" in message.message
    assert part(order, 1).status == S.ACCEPTED
    assert part(order, 1).events.count() == 1
    coffee_stock.refresh_from_db()
    assert coffee_stock.num_allocated == 2
    assert cancel_url(part(order, 1)) not in response.content.decode()


@pytest.mark.parametrize("who", ["someone_else", "anonymous"])
def test_nobody_but_the_buyer_can_cancel_a_part(stores, buyer, client, who):
    order = two_part_purchase(stores, user=buyer)
    guest_order = two_part_purchase(stores)
    if who == "someone_else":
        client.force_login(UserFactory(email="otro@example.test"))

    responses = [
        client.post(cancel_url(part(order, 1))),
        client.post(cancel_url(part(guest_order, 1))),
    ]

    assert [response.status_code for response in responses] == [404, 404]
    assert part(order, 1).status == S.PLACED
    assert part(guest_order, 1).status == S.PLACED


def test_cancelling_needs_the_csrf_token(stores, buyer):
    order = two_part_purchase(stores, user=buyer)
    client = Client(enforce_csrf_checks=True)
    client.force_login(buyer)

    response = client.post(cancel_url(part(order, 1)))

    assert response.status_code == 403
    assert part(order, 1).status == S.PLACED


def guest_client_with_email(client, order, email="ana@example.test"):
    """What Oscar's guest order link asks first: the order's e-mail, kept in the session."""
    response = client.post(
        reverse(
            "customer:anon-order-form",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        ),
        {"email": email},
    )
    assert response.status_code == 302
    return client


def guest_cancel_url(vendor_order, hash_) -> str:
    return reverse(
        "vendors:guest-purchase-part-cancel", kwargs={"number": vendor_order.number, "hash": hash_}
    )


def test_a_guest_cancels_a_part_from_the_signed_order_page(stores, client):
    order = two_part_purchase(stores)
    guest_client_with_email(client, order)
    page_url = reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )
    page = client.get(page_url).content.decode()
    assert "Entrega a domicilio" in page and "Miel de abejas" in page
    assert guest_cancel_url(part(order, 2), order.verification_hash()) in page

    response = client.post(guest_cancel_url(part(order, 2), order.verification_hash()))

    assert response.status_code == 302
    assert response.url == page_url
    assert part(order, 2).status == S.CANCELLED
    assert part(order, 2).events.get().actor is None
    honey_stock = stores[part(order, 2).vendor.partner].stockrecords.get()
    assert honey_stock.num_allocated == 0


def test_a_wrong_hash_or_a_missing_email_finds_no_guest_order(stores, client):
    order = two_part_purchase(stores)
    other_order = two_part_purchase(stores)

    without_email = client.post(guest_cancel_url(part(order, 1), order.verification_hash()))
    guest_client_with_email(client, order)
    forged = client.post(guest_cancel_url(part(order, 1), f"{order.number}:forged"))
    another_orders_hash = client.post(
        guest_cancel_url(part(order, 1), other_order.verification_hash())
    )

    assert [without_email.status_code, forged.status_code, another_orders_hash.status_code] == [
        404,
        404,
        404,
    ]
    assert part(order, 1).status == S.PLACED


def test_the_purchase_page_links_each_part_invoice_and_credit_note(
    stores, buyer, buyer_client, settings, tmp_path, django_capture_on_commit_callbacks
):
    from shop.invoices.services import credit_note_issue, invoice_issue

    settings.PRIVATE_ROOT = tmp_path / "private"
    order = two_part_purchase(stores, user=buyer)
    url = reverse("customer:order", kwargs={"order_number": order.number})
    before = query_count(buyer_client, url)
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=part(order, 1))
        note = credit_note_issue(vendor_order=part(order, 1), amount=Decimal("5.00"), key="k")
        invoice_issue(vendor_order=part(order, 2))

    html = buyer_client.get(url).content.decode()

    coffee_part, honey_part = html.split(f'id="part-{order.number}-2"')
    invoice_url = reverse("invoices:pdf", kwargs={"pk": invoice.pk})
    assert invoice_url in coffee_part and invoice.display_number in coffee_part
    assert reverse("invoices:credit-note-pdf", kwargs={"pk": note.pk}) in coffee_part
    assert invoice_url not in honey_part
    assert buyer_client.get(invoice_url).status_code == 200
    # one query loads every part's credit notes, whatever their number
    assert query_count(buyer_client, url) == before + 1


def test_a_guest_downloads_its_invoice_and_credit_note_from_the_signed_order_page(
    stores, client, settings, tmp_path, django_capture_on_commit_callbacks
):
    from shop.invoices.services import credit_note_issue, invoice_issue

    settings.PRIVATE_ROOT = tmp_path / "private"
    order = two_part_purchase(stores)
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=part(order, 1))
        note = credit_note_issue(vendor_order=part(order, 1), amount=Decimal("5.00"), key="k")
    digest = order.verification_hash()
    invoice_url = reverse("invoices:guest-pdf", kwargs={"pk": invoice.pk, "hash": digest})
    note_url = reverse("invoices:guest-credit-note-pdf", kwargs={"pk": note.pk, "hash": digest})
    # without the order's e-mail given on Oscar's page, nothing
    assert client.get(invoice_url).status_code == 404

    guest_client_with_email(client, order)
    page = client.get(
        reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": digest})
    ).content.decode()

    assert invoice_url in page and note_url in page
    for url in (invoice_url, note_url):
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    # another purchase's hash opens nothing
    other = two_part_purchase(stores)
    assert (
        client.get(
            reverse(
                "invoices:guest-pdf", kwargs={"pk": invoice.pk, "hash": other.verification_hash()}
            )
        ).status_code
        == 404
    )
