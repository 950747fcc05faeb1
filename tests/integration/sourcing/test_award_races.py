"""Acceptances at once, on PostgreSQL with real threads: two offers that each cover the
whole request are accepted together and only one is awarded; the same offer accepted
twice together is accepted once. The loser's purchase is not left behind."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.sourcing.awards import Acceptance, offer_accept
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import OfferStatus, RequestStatus, SourcingOffer, SourcingRequest
from shop.sourcing.services import offer_save
from tests.concurrency import run_in_threads
from tests.factories.sourcing import ACCEPT_ADDRESS, flour_request, offer_terms, sourcing_world
from vendors.models import VendorOrder

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
Order = get_model("order", "Order")


def accept(offer_id, user, quantity, index):
    # Each thread its own address: the same buyer placing two purchases to one address at
    # once collides in Oscar's address book before the award (a race of the placement).
    offer_accept(
        offer_id=offer_id,
        user=user,
        acceptance=Acceptance(
            quantity=quantity,
            address={**ACCEPT_ADDRESS, "line1": f"Calle Maceo No. {index + 1}"},
            delivery="home",
            payment_method="cash_on_delivery",
        ),
    )


def test_two_offers_covering_the_whole_request_are_not_both_awarded():
    world = sourcing_world()
    request = flour_request(world["requester"], quantity=100)
    offers = [
        offer_save(request_id=request.pk, vendor=world["stores"][key], terms=offer_terms())
        for key in ("a", "b")
    ]

    errors = run_in_threads(2, lambda i: accept(offers[i].pk, world["requester"], 100, i))

    assert len(errors) == 1 and isinstance(errors[0], SourcingRefused)
    request = SourcingRequest.objects.get(pk=request.pk)
    assert (request.status, request.awarded_quantity) == (RequestStatus.AWARDED, 100)
    statuses = sorted(SourcingOffer.objects.values_list("status", flat=True))
    assert statuses == [OfferStatus.ACCEPTED, OfferStatus.REJECTED]
    assert Order.objects.count() == 1
    assert VendorOrder.objects.get().vendor_id == (
        SourcingOffer.objects.get(status=OfferStatus.ACCEPTED).vendor_id
    )


def test_one_offer_accepted_twice_at_once_is_accepted_once():
    world = sourcing_world()
    request = flour_request(world["requester"], quantity=100)
    offer = offer_save(
        request_id=request.pk,
        vendor=world["stores"]["a"],
        terms=offer_terms(price=Decimal("80.00"), quantity=100),
    )

    errors = run_in_threads(2, lambda i: accept(offer.pk, world["requester"], 40, i))

    assert len(errors) == 1 and errors[0].code == "offer_not_acceptable"
    request = SourcingRequest.objects.get(pk=request.pk)
    assert (request.status, request.awarded_quantity) == (RequestStatus.OPEN, 40)
    offer = SourcingOffer.objects.get(pk=offer.pk)
    assert (offer.status, offer.accepted_quantity) == (OfferStatus.ACCEPTED, 40)
    assert list(Order.objects.values_list("pk", flat=True)) == [offer.order_id]


def test_two_fractional_acceptances_at_once_never_award_more_than_was_asked():
    world = sourcing_world()
    request = flour_request(world["requester"], quantity=Decimal("2.5"), unit="t")
    offers = [
        offer_save(
            request_id=request.pk,
            vendor=world["stores"][key],
            terms=offer_terms(price=Decimal("1200.00"), quantity=Decimal("2.5")),
        )
        for key in ("a", "b")
    ]

    errors = run_in_threads(
        2, lambda i: accept(offers[i].pk, world["requester"], Decimal("1.5"), i)
    )

    assert len(errors) == 1 and errors[0].code == "quantity"
    request = SourcingRequest.objects.get(pk=request.pk)
    assert (request.status, request.awarded_quantity) == (RequestStatus.OPEN, Decimal("1.5"))
    accepted = SourcingOffer.objects.get(status=OfferStatus.ACCEPTED)
    assert accepted.accepted_quantity == Decimal("1.5")
    assert list(Order.objects.values_list("total_incl_tax", flat=True)) == [Decimal("1950.00")]
