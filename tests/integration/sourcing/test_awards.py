"""Accepting an offer places a normal purchase at the offer's price through the one
placement path; awards never exceed what was asked, an offer is accepted once."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.test import Client
from oscar.core.loading import get_model

from shop.apps.order.measures import LineMeasure, line_measure
from shop.invoices.services import invoice_issue
from shop.sourcing.awards import Acceptance, offer_accept
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import OfferStatus, RequestStatus, SourcingOffer, Unit
from shop.sourcing.services import offer_save
from tests.factories import ProductFactory
from tests.factories.sourcing import ACCEPT_ADDRESS, flour_request, offer_terms, sourcing_world
from vendors.models import VendorOrder

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def world():
    return sourcing_world()


def accept(offer, user, quantity, delivery="home", method="cash_on_delivery"):
    return offer_accept(
        offer_id=offer.pk,
        user=user,
        acceptance=Acceptance(
            quantity=quantity, address=ACCEPT_ADDRESS, delivery=delivery, payment_method=method
        ),
    )


def test_an_offer_linked_to_a_product_is_bought_at_the_offer_price(world):
    store = world["stores"]["a"]
    flour = ProductFactory(
        title="Harina de trigo 1 kg",
        stockrecord__partner=store.partner,
        stockrecord__price=Decimal("120.00"),
        stockrecord__num_in_stock=500,
    )
    record = flour.stockrecords.get()
    request = flour_request(world["requester"])
    offer = offer_save(
        request_id=request.pk,
        vendor=store,
        terms=offer_terms(price=Decimal("80.00"), stockrecord_id=record.pk),
    )

    placed = accept(offer, world["requester"], 100)

    order = placed.order
    line = order.lines.get()
    assert (line.stockrecord_id, line.quantity, line.unit_price_incl_tax) == (
        record.pk,
        100,
        Decimal("80.00"),
    )
    assert order.total_incl_tax == Decimal("8150.00")  # 100 × 80 + home delivery at 150
    assert order.user == world["requester"]
    part = VendorOrder.objects.get(order=order)
    assert (part.vendor, part.status) == (store, "placed")
    record.refresh_from_db()
    assert record.num_allocated == 100  # the units are promised like any purchase's
    offer.refresh_from_db()
    request.refresh_from_db()
    assert (offer.status, offer.accepted_quantity, offer.order_id) == (
        OfferStatus.ACCEPTED,
        100,
        order.pk,
    )
    assert (request.status, request.awarded_quantity) == (RequestStatus.AWARDED, 100)


def test_an_offer_without_a_product_is_sold_as_a_hidden_product_made_for_it(world):
    store = world["stores"]["b"]
    request = flour_request(world["requester"])
    offer = offer_save(request_id=request.pk, vendor=store, terms=offer_terms(price=Decimal("95")))
    point = store.pickup_points.get()

    order = accept(offer, world["requester"], 40, delivery=f"pickup-{point.pk}").order

    line = order.lines.get()
    assert (line.title, line.quantity, line.unit_price_incl_tax) == (
        "Harina de trigo para pan",
        40,
        Decimal("95.00"),
    )
    assert line.product.is_public is False
    assert order.total_incl_tax == Decimal("3800.00")
    request.refresh_from_db()
    assert (request.status, request.awarded_quantity) == (RequestStatus.OPEN, 40)


def test_partial_awards_never_exceed_what_was_asked(world):
    request = flour_request(world["requester"], quantity=100)
    first = offer_save(
        request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms(quantity=70)
    )
    second = offer_save(
        request_id=request.pk, vendor=world["stores"]["b"], terms=offer_terms(quantity=70)
    )
    accept(first, world["requester"], 70)

    with pytest.raises(SourcingRefused) as refused:
        accept(second, world["requester"], 31)
    assert refused.value.code == "quantity"
    assert str(refused.value.message) == "Introduzca una cantidad de 30 como máximo."
    accept(second, world["requester"], 30)

    request.refresh_from_db()
    assert (request.status, request.awarded_quantity) == (RequestStatus.AWARDED, 100)
    assert sorted(SourcingOffer.objects.values_list("accepted_quantity", flat=True)) == [30, 70]
    assert VendorOrder.objects.count() == 2


def test_an_offer_is_accepted_once_and_only_by_the_requester(world):
    request = flour_request(world["requester"], quantity=100)
    offer = offer_save(
        request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms(quantity=50)
    )

    with pytest.raises(SourcingRefused) as stranger:
        accept(offer, world["owners"]["b"], 10)
    accept(offer, world["requester"], 10)
    with pytest.raises(SourcingRefused) as again:
        accept(offer, world["requester"], 10)

    assert (stranger.value.code, again.value.code) == ("not_yours", "offer_not_acceptable")
    request.refresh_from_db()
    assert request.awarded_quantity == 10
    assert VendorOrder.objects.count() == 1


def test_an_accepted_offer_can_no_longer_be_changed_or_withdrawn(world):
    request = flour_request(world["requester"], quantity=100)
    offer = offer_save(
        request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms(quantity=50)
    )
    accept(offer, world["requester"], 50)

    with pytest.raises(SourcingRefused) as refused:
        offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())

    assert refused.value.code == "offer_not_editable"
    assert SourcingOffer.objects.get(pk=offer.pk).price == Decimal("80.00")


def test_a_payment_refused_by_the_gateway_takes_the_award_back(world):
    request = flour_request(world["requester"], quantity=100)
    # The test gateway declines totals ending in .01: 1 × 80.01 + 150 delivery.
    offer = offer_save(
        request_id=request.pk,
        vendor=world["stores"]["a"],
        terms=offer_terms(price=Decimal("80.01"), quantity=100),
    )

    with pytest.raises(SourcingRefused) as refused:
        accept(offer, world["requester"], 1, method="dummy")

    assert refused.value.code == "payment_declined"
    offer.refresh_from_db()
    request.refresh_from_db()
    assert (offer.status, offer.accepted_quantity, offer.order_id) == (OfferStatus.SENT, None, None)
    assert (request.status, request.awarded_quantity) == (RequestStatus.OPEN, 0)


def test_an_offer_with_its_own_delivery_price_delivers_home_at_that_price(world):
    request = flour_request(world["requester"], quantity=100)
    # Store C has no zone in Villa Clara: its offer quotes the delivery itself.
    offer = offer_save(
        request_id=request.pk,
        vendor=world["stores"]["c"],
        terms=offer_terms(price=Decimal("90.00"), delivery_price=Decimal("640")),
    )

    order = accept(offer, world["requester"], 20).order

    part = VendorOrder.objects.get(order=order)
    assert (part.delivery_name, part.delivery_charge) == (
        "Entrega a domicilio en Santa Clara, según la oferta",
        Decimal("640.00"),
    )
    assert order.total_incl_tax == Decimal("2440.00")  # 20 × 90 + 640


def test_a_cancelled_purchase_gives_its_units_back_to_the_request(world):
    from vendors.orders.transitions import ActorRole, vendor_order_transition

    request = flour_request(world["requester"], quantity=100)
    first, second = (
        offer_save(request_id=request.pk, vendor=world["stores"][key], terms=offer_terms())
        for key in ("a", "b")
    )
    part = VendorOrder.objects.get(order=accept(first, world["requester"], 100).order)

    vendor_order_transition(
        vendor_order_id=part.pk, to_status="cancelled", actor=None, actor_role=ActorRole.BUYER
    )

    first.refresh_from_db()
    request.refresh_from_db()
    assert first.status == OfferStatus.CANCELLED
    assert (request.status, request.awarded_quantity) == (RequestStatus.OPEN, 0)
    SourcingOffer.objects.filter(pk=second.pk).update(status=OfferStatus.SENT)
    accept(second, world["requester"], 100)
    request.refresh_from_db()
    assert (request.status, request.awarded_quantity) == (RequestStatus.AWARDED, 100)


def test_an_award_unpaid_by_its_deadline_is_released_and_both_sides_told_once(
    world, django_capture_on_commit_callbacks
):
    from django.core import mail

    from shop.sourcing.notifications import award_lapsed_notify
    from vendors.orders.outcomes import purchase_unpaid_cancel

    request = flour_request(world["requester"], quantity=100)
    offer = offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())
    placed = accept(offer, world["requester"], 2)
    # As a purchase paid by card or transfer whose money has not come: its part waits.
    VendorOrder.objects.filter(order=placed.order).update(status="pending_payment")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        purchase_unpaid_cancel(order_id=placed.order.pk, reason="Venció el plazo de pago.")

    offer.refresh_from_db()
    request.refresh_from_db()
    assert offer.status == OfferStatus.CANCELLED
    assert (request.status, request.awarded_quantity) == (RequestStatus.OPEN, 0)
    to_buyer, to_store = mail.outbox
    assert to_buyer.to == [world["requester"].email]
    assert world["stores"]["a"].email in to_store.to
    assert to_buyer.subject == (
        "Se canceló la compra de una oferta aceptada: Harina de trigo para pan"
    )
    assert "puede aceptar otra oferta" in to_buyer.body
    assert award_lapsed_notify(offer_id=offer.pk) is False
    assert len(mail.outbox) == 2


def test_a_fractional_award_is_bought_as_one_lot_priced_by_measure_and_invoiced_so(world):
    store = world["stores"]["b"]
    request = flour_request(world["requester"], quantity=Decimal("2.5"), unit=Unit.TONNE)
    offer = offer_save(
        request_id=request.pk,
        vendor=store,
        terms=offer_terms(price=Decimal("1200.00"), quantity=Decimal("2.5")),
    )
    point = store.pickup_points.get()

    order = accept(offer, world["requester"], Decimal("2.5"), delivery=f"pickup-{point.pk}").order

    line = order.lines.get()
    assert (line.quantity, line.line_price_incl_tax) == (1, Decimal("3000.00"))
    assert line_measure(line) == LineMeasure(
        quantity=Decimal("2.5"), unit="t", unit_price=Decimal("1200.00")
    )
    assert order.total_incl_tax == Decimal("3000.00")
    request.refresh_from_db()
    offer.refresh_from_db()
    assert (request.status, request.awarded_quantity) == (RequestStatus.AWARDED, Decimal("2.5"))
    assert offer.accepted_quantity == Decimal("2.5")
    invoice = invoice_issue(vendor_order=VendorOrder.objects.get(order=order))
    (printed,) = invoice.snapshot["lines"]
    assert {key: printed[key] for key in ("quantity", "unit", "unit_price", "total")} == {
        "quantity": "2.5",
        "unit": "t",
        "unit_price": "1200.00",
        "total": "3000.00",
    }
    assert invoice.snapshot["total"] == "3000.00"
    html = render_to_string("invoices/invoice.html", {"document": invoice.snapshot})
    assert '<td class="quantity">2,5 t</td>' in html
    store_client = Client()
    store_client.force_login(world["owners"]["b"])
    part = VendorOrder.objects.get(order=order)
    page = store_client.get(f"/vendedor/{store.slug}/pedidos/{part.number}/").content.decode()
    assert '<td data-label="Cantidad">2,5 t</td>' in page
    buyer_client = Client()
    buyer_client.force_login(world["requester"])
    page = buyer_client.get(f"/accounts/orders/{order.number}/").content.decode()
    assert '<td data-label="Cantidad">2,5 t</td>' in page


def test_a_product_sold_by_the_unit_is_not_offered_or_awarded_in_parts(world):
    store = world["stores"]["a"]
    flour = ProductFactory(stockrecord__partner=store.partner, stockrecord__num_in_stock=50)
    record = flour.stockrecords.get()
    request = flour_request(world["requester"], quantity=Decimal("2.5"))

    with pytest.raises(SourcingRefused) as refused:
        offer_save(
            request_id=request.pk,
            vendor=store,
            terms=offer_terms(quantity=Decimal("2.5"), stockrecord_id=record.pk),
        )
    assert refused.value.code == "quantity_not_whole"
    offer = offer_save(
        request_id=request.pk,
        vendor=store,
        terms=offer_terms(quantity=Decimal("2"), stockrecord_id=record.pk),
    )

    with pytest.raises(SourcingRefused) as refused:
        accept(offer, world["requester"], Decimal("1.5"))
    assert refused.value.code == "quantity_not_whole"
    assert str(refused.value.message) == (
        "Esta oferta es de un producto de la tienda, que se vende por unidades: "
        "introduzca una cantidad entera."
    )
    record.refresh_from_db()
    assert not record.num_allocated and not VendorOrder.objects.exists()
    accept(offer, world["requester"], Decimal("2"))
    record.refresh_from_db()
    assert record.num_allocated == 2
