"""An accepted offer goes through the same pricing path: its price is an agreed price,
before the store's tiers, and the store's multiple still applies to what is accepted."""

from decimal import Decimal

import pytest
from django.utils import translation

from shop.sourcing.awards import Acceptance, offer_accept
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import OfferStatus
from shop.sourcing.services import offer_save
from tests.factories import ProductFactory
from tests.factories.sourcing import ACCEPT_ADDRESS, flour_request, offer_terms, sourcing_world
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.services import product_terms_set

pytestmark = pytest.mark.django_db


def accept(offer, user, quantity):
    return offer_accept(
        offer_id=offer.pk,
        user=user,
        acceptance=Acceptance(
            quantity=quantity,
            address=ACCEPT_ADDRESS,
            delivery="home",
            payment_method="cash_on_delivery",
        ),
    )


@pytest.fixture
def offer_on_tiered_flour():
    world = sourcing_world()
    store = world["stores"]["a"]
    flour = ProductFactory(
        title="Harina de trigo 1 kg",
        stockrecord__partner=store.partner,
        stockrecord__price=Decimal("120.00"),
        stockrecord__num_in_stock=500,
    )
    record = flour.stockrecords.get()
    product_terms_set(
        stockrecord=record,
        terms=QuantityTerms(multiple=25, tiers=(Tier(50, Decimal("100.00")),)),
    )
    request = flour_request(world["requester"])
    offer = offer_save(
        request_id=request.pk,
        vendor=store,
        terms=offer_terms(price=Decimal("80.00"), stockrecord_id=record.pk),
    )
    return world["requester"], offer


def test_the_offer_price_comes_before_the_tiers(offer_on_tiered_flour):
    requester, offer = offer_on_tiered_flour

    line = accept(offer, requester, 100).order.lines.get()

    assert (line.quantity, line.unit_price_incl_tax) == (100, Decimal("80.00"))


def test_a_quantity_off_the_stores_multiple_is_refused_and_nothing_is_awarded(
    offer_on_tiered_flour,
):
    requester, offer = offer_on_tiered_flour

    with translation.override("es"), pytest.raises(SourcingRefused) as refused:
        accept(offer, requester, 60)

    assert refused.value.message == (
        "Harina de trigo 1 kg: Esta tienda vende este producto en múltiplos de 25: "
        "puede pedir 50 o 75."
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
