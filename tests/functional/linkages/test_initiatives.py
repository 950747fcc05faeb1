"""An initiative is registered by its coordinator, hidden until an operator approves it,
its members confirm, and its page shows their combined figures."""

import pytest
from django.test import Client
from django.urls import reverse

from logistics.models import Province
from shop.linkages.models import Initiative, InitiativeStatus
from shop.linkages.services import deal_confirm, initiative_approve
from tests.factories import PartnerFactory
from tests.factories.callcenter import owner_of
from tests.factories.linkages import actors, declared_deal

pytestmark = pytest.mark.django_db


def test_an_initiative_is_registered_approved_joined_and_shows_its_members_figures():
    world = actors()
    outsider = PartnerFactory(name="Comprador de Holguín").vendor
    coordinator, member = Client(), Client()
    coordinator.force_login(owner_of(world["farm"].partner))
    member.force_login(owner_of(world["bakery"].partner))
    url = reverse("linkages_dashboard:initiatives", args=[world["farm"].slug])
    refused = coordinator.post(url, {"action": "register", "kind": "cadena", "name": ""})
    assert refused.status_code == 400 and Initiative.objects.count() == 0

    coordinator.post(
        url,
        {
            "action": "register",
            "kind": "cadena",
            "name": "Cadena del mango artemiseño",
            "description": "Productores y transformadores del mango.",
            "province": Province.objects.get(name="Artemisa").pk,
        },
    )
    initiative = Initiative.objects.get()
    page = f"/iniciativas/{initiative.slug}/"
    assert Client().get(page).status_code == 404  # not approved yet
    assert "Cadena del mango" not in Client().get("/iniciativas/").content.decode()
    coordinator.post(
        url, {"action": "invite", "initiative": initiative.pk, "counterpart": world["bakery"].nit}
    )
    member.post(
        reverse("linkages_dashboard:initiatives", args=[world["bakery"].slug]),
        {"action": "confirm", "initiative": initiative.pk},
    )
    initiative_approve(initiative_id=initiative.pk)
    inner = declared_deal(declarer=world["farm"], counterpart=world["bakery"])
    deal_confirm(deal_id=inner.pk, vendor=world["bakery"], user=None)
    outer = declared_deal(declarer=world["bakery"], counterpart=outsider)
    deal_confirm(deal_id=outer.pk, vendor=outsider, user=None)

    body = Client().get(page).content.decode()
    assert Initiative.objects.get().status == InitiativeStatus.APPROVED
    assert "<strong>2</strong> actores miembros" in body
    assert "<strong>2</strong> negocios de sus miembros" in body
    assert "<strong>1</strong> actores con los que comercian" in body
    assert "Cadena del mango" in Client().get("/iniciativas/").content.decode()
