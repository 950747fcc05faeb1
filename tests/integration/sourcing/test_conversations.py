"""The conversation on an offer: contact details hidden until there is a purchase, each
message e-mailed to the other side once, a limit of messages an hour, unread counts."""

import pytest
from django.core import mail
from oscar.core.loading import get_model

from shop import sms
from shop.customers.models import CustomerPreferences
from shop.sourcing.conversations import (
    MESSAGES_PER_HOUR,
    message_notify,
    offer_message_post,
    offer_messages_read,
    unread_counts,
)
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import Message, StoreFollowing
from shop.sourcing.services import offer_save
from tests.factories.sourcing import flour_request, offer_terms, sourcing_world

pytestmark = pytest.mark.django_db
Country = get_model("address", "Country")
UserAddress = get_model("address", "UserAddress")


@pytest.fixture
def offer():
    world = sourcing_world()
    request = flour_request(world["requester"])
    offer = offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())
    offer.world = world
    return offer


def test_phone_numbers_and_emails_are_hidden_until_there_is_a_purchase(offer):
    message = offer_message_post(
        offer=offer,
        author=offer.world["requester"],
        from_store=False,
        body="Llámeme al +53 5 234 5678 o escriba a rosa@example.test, ¿entregan el lunes?",
    )

    hidden = "[datos de contacto ocultos hasta que haya una compra]"
    assert message.body == f"Llámeme al {hidden} o escriba a {hidden}, ¿entregan el lunes?"


def test_each_message_is_emailed_to_the_other_side_once(offer, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        question = offer_message_post(
            offer=offer, author=offer.world["requester"], from_store=False, body="¿Sacos de 50 kg?"
        )
        answer = offer_message_post(
            offer=offer, author=offer.world["owners"]["a"], from_store=True, body="Sí, de 50 kg."
        )

    to_store, to_buyer = mail.outbox
    assert offer.vendor.email in to_store.to and "¿Sacos de 50 kg?" in to_store.body
    assert to_buyer.to == [offer.world["requester"].email]
    assert (
        to_buyer.subject == "Molino La Espiga escribió sobre su solicitud: Harina de trigo para pan"
    )
    assert message_notify(message_id=question.pk) is False
    assert message_notify(message_id=answer.pk) is False
    assert len(mail.outbox) == 2


def test_a_side_writing_too_often_is_asked_to_wait(offer):
    for number in range(MESSAGES_PER_HOUR):
        offer_message_post(
            offer=offer,
            author=offer.world["requester"],
            from_store=False,
            body=f"Pregunta {number}",
        )

    with pytest.raises(SourcingRefused) as refused:
        offer_message_post(
            offer=offer, author=offer.world["requester"], from_store=False, body="Una más"
        )

    assert refused.value.code == "rate_limited"
    assert Message.objects.count() == MESSAGES_PER_HOUR


def test_unread_messages_count_until_the_other_side_opens_the_conversation(offer):
    for body in ("¿Precio por tonelada?", "¿Y el plazo?"):
        offer_message_post(
            offer=offer, author=offer.world["requester"], from_store=False, body=body
        )

    assert unread_counts(offers=[offer], for_store=True) == {offer.pk: 2}
    assert unread_counts(offers=[offer], for_store=False) == {}
    offer_messages_read(offer=offer, by_store=True)
    assert unread_counts(offers=[offer], for_store=True) == {}


def test_a_side_that_chose_text_messages_is_also_told_by_sms_once(
    offer, django_capture_on_commit_callbacks
):
    store, buyer = offer.vendor, offer.world["requester"]
    store.phone = "+53 5 234 5678"
    store.save(update_fields=["phone"])
    StoreFollowing.objects.create(vendor=store, sms_notices=True)
    CustomerPreferences.objects.create(user=buyer, sms_notifications=True)
    UserAddress.objects.create(
        user=buyer,
        first_name="Rosa",
        line1="Calle Maceo No. 12",
        line4="Santa Clara",
        country=Country.objects.get(iso_3166_1_a2="CU"),
        phone_number="+5352999888",
        is_default_for_shipping=True,
    )
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        question = offer_message_post(
            offer=offer, author=buyer, from_store=False, body="¿Sacos de 50 kg?"
        )
        answer = offer_message_post(
            offer=offer, author=offer.world["owners"]["a"], from_store=True, body="Sí."
        )

    to_store, to_buyer = sms.outbox
    assert to_store.to == "+53 5 234 5678"
    assert to_store.body.startswith("Encadena: nuevo mensaje sobre Harina de trigo para pan.")
    assert to_buyer.to == "+5352999888"
    assert message_notify(message_id=question.pk) is False
    assert message_notify(message_id=answer.pk) is False
    assert len(sms.outbox) == 2


def test_a_side_that_did_not_choose_text_messages_gets_only_the_email(
    offer, django_capture_on_commit_callbacks
):
    offer.vendor.phone = "+53 5 234 5678"
    offer.vendor.save(update_fields=["phone"])
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        offer_message_post(
            offer=offer, author=offer.world["requester"], from_store=False, body="¿Sacos?"
        )

    assert sms.outbox == []
