"""The inboxes: a store reads its own conversations at /vendedor/<slug>/mensajes/ and a
buyer theirs in the account, newest activity first with unread counts; the cost of each
page does not grow with the number of threads."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from shop.sourcing.conversations import conversation_for_offer
from shop.sourcing.models import Message
from shop.sourcing.services import offer_save
from tests.factories.sourcing import flour_request, offer_terms, sourcing_world
from tests.queries import query_count

pytestmark = pytest.mark.django_db

STORE_INBOX = reverse("vendor_dashboard:inbox", kwargs={"vendor_slug": "store-a"})
BUYER_INBOX = reverse("sourcing_account:inbox")


@pytest.fixture
def world():
    return sourcing_world()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def thread(world, title: str, *, store: str = "a", buyer_says: int = 1, store_says: int = 0):
    request = flour_request(world["requester"], title=title)
    offer = offer_save(request_id=request.pk, vendor=world["stores"][store], terms=offer_terms())
    for number in range(buyer_says):
        Message.objects.create(
            conversation=conversation_for_offer(offer=offer),
            author=world["requester"],
            from_store=False,
            body=f"Pregunta {number}",
        )
    for number in range(store_says):
        Message.objects.create(
            conversation=conversation_for_offer(offer=offer),
            author=world["owners"][store],
            from_store=True,
            body=f"Respuesta {number}",
        )
    return offer


def test_the_store_inbox_lists_its_own_threads_newest_first_with_unread_counts(world):
    older = thread(world, "Harina para el lunes", buyer_says=2)
    newer = thread(world, "Levadura seca", buyer_says=1)
    thread(world, "Harina de otra tienda", store="b")
    thread(world, "Sin conversación", buyer_says=0)
    Message.objects.filter(conversation__offer=older).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    store = client_for(world["owners"]["a"])

    html = store.get(STORE_INBOX).content.decode()

    assert html.index("Levadura seca") < html.index("Harina para el lunes")
    assert "2 mensajes nuevos" in html and "1 mensaje nuevo" in html
    assert "Harina de otra tienda" not in html and "Sin conversación" not in html
    offer_page = reverse(
        "vendor_dashboard:sourcing-offer",
        kwargs={"vendor_slug": "store-a", "request_id": newer.request_id},
    )
    newer_thread = reverse(
        "vendor_dashboard:thread",
        kwargs={"vendor_slug": "store-a", "pk": newer.conversation.pk},
    )
    assert f'href="{newer_thread}"' in html
    # The store's menu shows the unread total on every dashboard page, until it reads them.
    assert 'aria-label="3 sin leer">3</strong>' in html
    store.get(offer_page)
    html = store.get(STORE_INBOX).content.decode()
    assert 'aria-label="2 sin leer">2</strong>' in html


def test_the_buyer_inbox_lists_their_threads_with_the_stores_unread_answers(world):
    answered = thread(world, "Harina para el lunes", store_says=2)
    thread(world, "Harina del centro", store="b", store_says=0)
    flour_request(world["owners"]["c"], title="Pedido de otra persona")
    buyer = client_for(world["requester"])

    html = buyer.get(BUYER_INBOX).content.decode()

    assert html.index("Harina del centro") < html.index("Harina para el lunes")
    assert "Molino La Espiga" in html and "Harinas del Centro" in html
    assert "2 mensajes nuevos" in html
    conversation = reverse("sourcing_account:thread", kwargs={"pk": answered.conversation.pk})
    assert f'href="{conversation}"' in html
    buyer.get(conversation)
    assert "mensajes nuevos" not in buyer.get(BUYER_INBOX).content.decode()
    assert client_for(world["owners"]["a"]).get(BUYER_INBOX).content.decode().count("<tr>") == 0


def test_a_visitor_is_sent_to_sign_in_for_the_buyer_inbox(world):
    response = Client().get(BUYER_INBOX)

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_both_inboxes_cost_the_same_queries_with_2_or_20_threads(world):
    store, buyer = client_for(world["owners"]["a"]), client_for(world["requester"])
    for number in range(2):
        thread(world, f"Pedido {number}", buyer_says=1, store_says=1)
    few = query_count(store, STORE_INBOX), query_count(buyer, BUYER_INBOX)
    for number in range(2, 20):
        thread(world, f"Pedido {number}", store="ab"[number % 2], buyer_says=2, store_says=1)

    assert (query_count(store, STORE_INBOX), query_count(buyer, BUYER_INBOX)) == few
