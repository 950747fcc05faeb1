"""The other side of a declared deal is asked by e-mail to confirm it; an actor invited
into an initiative hears of it by e-mail (its address and its owners')."""

import pytest
from django.core import mail

from logistics.models import Province
from shop.linkages.models import InitiativeKind
from shop.linkages.services import initiative_member_invite, initiative_register
from tests.factories import UserFactory
from tests.factories.linkages import actors, declared_deal
from vendors.models import MembershipRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = actors()
    owner = UserFactory(email="duena@habanera.test")
    world["bakery"].memberships.create(user=owner, role=MembershipRole.OWNER)
    return world


def test_a_declared_deal_asks_the_other_side_to_confirm_it(world):
    mail.outbox.clear()

    declared_deal(declarer=world["farm"], counterpart=world["bakery"], note="Harina, 2 t")

    [message] = mail.outbox
    assert sorted(message.to) == sorted(["duena@habanera.test", world["bakery"].email])
    assert message.subject == "Finca El Mango declaró un negocio con usted: confírmelo, por favor"
    assert "Harina, 2 t" in message.body
    assert "/vendedor/panaderia-la-habanera/negocios/" in message.body


def test_an_invited_actor_hears_of_the_initiative_once(world):
    initiative = initiative_register(
        coordinator=world["farm"],
        user=None,
        kind=InitiativeKind.CHAIN,
        name="Cadena del pan",
        description="Del trigo al pan.",
        province=Province.objects.get(name="Artemisa"),
    )
    mail.outbox.clear()

    initiative_member_invite(
        initiative=initiative, coordinator=world["farm"], member=world["bakery"]
    )
    initiative_member_invite(
        initiative=initiative, coordinator=world["farm"], member=world["bakery"]
    )

    [message] = mail.outbox
    assert "duena@habanera.test" in message.to
    assert message.subject == "Le invitaron a formar parte de Cadena del pan"
    assert "/vendedor/panaderia-la-habanera/iniciativas/" in message.body
