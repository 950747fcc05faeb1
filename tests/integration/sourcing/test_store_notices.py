"""How stores hear of matching requests: a daily digest by default (one e-mail with
every request not told yet), at once if the store chose so, an SMS too if it opted in;
each request once per store however often the digest or the notice runs."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from shop import sms
from shop.sourcing.models import NoticeTiming, SourcingNotice, StoreFollowing
from shop.sourcing.notifications import (
    request_stores_notify,
    store_notice_digests_send,
    store_notices_send,
)
from tests.factories.sourcing import flour_request, sourcing_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    mail.outbox.clear()
    sms.outbox.clear()
    return sourcing_world()


def posted(world, title: str):
    request = flour_request(world["requester"], title=title)
    request_stores_notify(request_id=request.pk)
    return request


def test_the_digest_tells_each_store_once_of_all_its_requests(world):
    posted(world, "Harina de trigo")
    posted(world, "Levadura seca")

    assert store_notice_digests_send() == 2
    assert store_notice_digests_send() == 0

    to_a = [message for message in mail.outbox if world["stores"]["a"].email in message.to]
    (digest,) = to_a
    assert digest.subject == "2 solicitudes nuevas para su tienda"
    assert "Harina de trigo" in digest.body and "Levadura seca" in digest.body
    assert "/vendedor/store-a/solicitudes/" in digest.body
    assert len(mail.outbox) == 2 and sms.outbox == []
    # A later request is in the next day's digest, alone.
    posted(world, "Sal yodada")
    assert store_notice_digests_send() == 2
    assert mail.outbox[-1].subject == "Un comprador necesita: Sal yodada"


def test_a_store_that_chose_at_once_and_sms_hears_of_each_request_when_posted(world):
    store = world["stores"]["a"]
    store.phone = "+53 5 234 5678"
    store.save(update_fields=["phone"])
    StoreFollowing.objects.create(
        vendor=store, notice_timing=NoticeTiming.AT_ONCE, sms_notices=True
    )

    posted(world, "Harina de trigo")

    (message,) = mail.outbox
    assert store.email in message.to and message.subject == "Un comprador necesita: Harina de trigo"
    (text,) = sms.outbox
    assert text.to == "+53 5 234 5678"
    assert text.body.startswith("Encadena: un comprador necesita Harina de trigo.")
    assert store_notice_digests_send() == 1  # store B, on the daily digest
    assert len(mail.outbox) == 2 and len(sms.outbox) == 1


def test_a_request_closed_before_the_digest_is_not_told(world):
    request = posted(world, "Harina de trigo")
    request.status = "closed"
    request.save(update_fields=["status"])

    assert store_notice_digests_send() == 0
    assert mail.outbox == []


def test_the_store_chooses_how_it_hears_on_its_following_page(world):
    client = Client()
    client.force_login(world["owners"]["a"])
    url = reverse("vendor_dashboard:sourcing-following", kwargs={"vendor_slug": "store-a"})
    page = client.get(url).content.decode()
    assert "Una vez al día, todas juntas" in page and 'value="daily"' in page

    client.post(url, {"notice_timing": "at_once", "sms_notices": "on"})
    refused = client.post(url, {"notice_timing": "weekly"})

    following = StoreFollowing.objects.get(vendor=world["stores"]["a"])
    assert (following.notice_timing, following.sms_notices) == ("at_once", True)
    assert refused.status_code == 400 and "Escoja una opción válida" in refused.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a race needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_digests_at_once_tell_each_store_once(world):
    posted(world, "Harina de trigo")
    posted(world, "Levadura seca")
    SourcingNotice.objects.update(sent_at=timezone.now() - timedelta(hours=3))
    barrier, results = threading.Barrier(2), []

    def run():
        barrier.wait()
        try:
            results.append(store_notices_send(vendor=world["stores"]["a"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [0, 2]
    assert len([m for m in mail.outbox if world["stores"]["a"].email in m.to]) == 1
    assert not SourcingNotice.objects.filter(vendor=world["stores"]["a"], mailed_at=None).exists()
