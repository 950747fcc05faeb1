"""What delivery costs, shown to the requester before accepting: the offer's own
delivery price, or what the store's zones charge for home delivery to the request's
municipality, or that it only offers pickup there; the totals include it."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from shop.core.money import money_format
from shop.sourcing.services import offer_save
from tests.factories.sourcing import flour_request, offer_terms, sourcing_world

pytestmark = pytest.mark.django_db


def test_the_offers_compare_with_their_delivery_to_the_request_place():
    world = sourcing_world()
    request = flour_request(world["requester"])
    zones = offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())
    own = offer_save(
        request_id=request.pk,
        vendor=world["stores"]["b"],
        terms=offer_terms(price=Decimal("85.00"), delivery_price=Decimal("40.00")),
    )
    pickup = offer_save(
        request_id=request.pk,
        vendor=world["stores"]["c"],
        terms=offer_terms(price=Decimal("90.00")),
    )
    buyer = Client()
    buyer.force_login(world["requester"])

    html = buyer.get(reverse("sourcing:detail", kwargs={"pk": request.pk})).content.decode()

    assert f"{money_format(Decimal('150'))} a domicilio en Santa Clara" in html
    assert f"{money_format(Decimal('8150'))}" in html  # 100 × 80 + 150 from its zone
    assert f"{money_format(Decimal('40'))} a domicilio en Santa Clara" in html
    assert f"{money_format(Decimal('8540'))}" in html
    assert "No entrega a domicilio en Santa Clara" in html
    assert f"{money_format(Decimal('9000'))}" in html
    accept = buyer.get(
        reverse("sourcing:accept", kwargs={"pk": request.pk, "offer_id": zones.pk})
    ).content.decode()
    assert f"Entrega a domicilio: {money_format(Decimal('150'))}" in accept
    accept_own = buyer.get(
        reverse("sourcing:accept", kwargs={"pk": request.pk, "offer_id": own.pk})
    ).content.decode()
    assert f"Entrega a domicilio: {money_format(Decimal('40'))}" in accept_own
    accept_pickup = buyer.get(
        reverse("sourcing:accept", kwargs={"pk": request.pk, "offer_id": pickup.pk})
    ).content.decode()
    assert "la tienda no entrega en este municipio" in accept_pickup
