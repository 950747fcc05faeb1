"""Conversations not on an offer: "Preguntar a la tienda" on a product page and on a
store page, "Escribir a la tienda" on a buyer's order. The thread is in both inboxes
with unread counts, each message is e-mailed to the other side once, contact details
are hidden until the buyer and the store have a purchase between them."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from shop.sourcing.models import Conversation, ConversationSubject, Message
from tests.factories import UserFactory
from tests.factories.callcenter import owner_of, purchase_place_for, stores_create
from tests.queries import query_count
from vendors.models import VendorOrder

pytestmark = pytest.mark.django_db
HIDDEN = "[datos de contacto ocultos hasta que haya una compra]"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def shop_world():
    (partner_a, product_a), (partner_b, product_b) = stores_create()
    return {
        "a": partner_a.vendor,
        "b": partner_b.vendor,
        "product_a": product_a,
        "product_b": product_b,
        "owner_a": owner_of(partner_a),
        "owner_b": owner_of(partner_b),
        "buyer": UserFactory(email="marta@example.test"),
    }


def ask_url(vendor, product=None) -> str:
    url = reverse("sourcing_account:ask", kwargs={"vendor_slug": vendor.slug})
    return f"{url}?producto={product.pk}" if product else url


def test_a_buyer_asks_about_a_product_and_the_store_answers_in_its_inbox(
    shop_world, django_capture_on_commit_callbacks
):
    buyer, store = client_for(shop_world["buyer"]), client_for(shop_world["owner_a"])
    product = shop_world["product_a"]
    page = buyer.get(product.get_absolute_url()).content.decode()
    assert f'href="{ask_url(shop_world["a"], product)}"' in page.replace("&amp;", "&")
    assert "Preguntar a la tienda" in page

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = buyer.post(
            ask_url(shop_world["a"], product),
            {"body": "¿Tiene 20 paquetes? Llámeme al +53 5 234 5678."},
        )
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "sourcing_account:thread", kwargs={"pk": conversation.pk}
    )
    assert (conversation.subject, conversation.product, conversation.vendor) == (
        ConversationSubject.PRODUCT,
        product,
        shop_world["a"],
    )
    assert Message.objects.get().body == f"¿Tiene 20 paquetes? Llámeme al {HIDDEN}."
    (to_store,) = mail.outbox
    assert shop_world["a"].email in to_store.to
    assert to_store.subject == f"Un comprador escribió a su tienda: {product.title}"

    inbox = store.get(
        reverse("vendor_dashboard:inbox", kwargs={"vendor_slug": shop_world["a"].slug})
    )
    html = inbox.content.decode()
    assert product.title in html and "1 mensaje nuevo" in html
    thread_url = reverse(
        "vendor_dashboard:thread",
        kwargs={"vendor_slug": shop_world["a"].slug, "pk": conversation.pk},
    )
    assert HIDDEN in store.get(thread_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        store.post(thread_url, {"body": "Sí, tenemos 30."})
    assert mail.outbox[-1].to == ["marta@example.test"]
    assert mail.outbox[-1].subject == f"Café Serrano le respondió: {product.title}"

    buyer_inbox = buyer.get(reverse("sourcing_account:inbox")).content.decode()
    assert "1 mensaje nuevo" in buyer_inbox and "Café Serrano" in buyer_inbox
    # Asking again opens the same thread; the other store's product is not this store's.
    again = buyer.get(ask_url(shop_world["a"], product))
    assert again.status_code == 302 and again["Location"].endswith(f"/{conversation.pk}/")
    assert buyer.get(ask_url(shop_world["a"], shop_world["product_b"])).status_code == 404


def test_a_store_page_question_and_an_empty_message_say_what_is_wrong(shop_world):
    buyer = client_for(shop_world["buyer"])

    refused = buyer.post(ask_url(shop_world["b"]), {"body": "  "})

    assert refused.status_code == 400 and "Escriba un mensaje." in refused.content.decode()
    assert Conversation.objects.count() == 0
    buyer.post(ask_url(shop_world["b"]), {"body": "¿Abren los domingos?"})
    assert Conversation.objects.get().subject == ConversationSubject.STORE
    own = client_for(shop_world["owner_b"]).post(ask_url(shop_world["b"]), {"body": "Hola"})
    assert own.status_code == 400 and Conversation.objects.count() == 1


def test_a_buyer_writes_to_the_store_of_an_order_with_contacts_shown(
    shop_world, django_capture_on_commit_callbacks
):
    order = purchase_place_for(shop_world["buyer"], [(shop_world["product_a"], 1)])
    part = VendorOrder.objects.get(order=order)
    buyer = client_for(shop_world["buyer"])
    page = buyer.get(reverse("customer:order", kwargs={"order_number": order.number}))
    write_url = reverse("sourcing_account:order-write", kwargs={"number": part.number})
    assert f'href="{write_url}"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        buyer.post(write_url, {"body": "Estoy en casa después de las 5, llame al 52345678."})

    conversation = Conversation.objects.get()
    assert (conversation.subject, conversation.vendor_order) == (
        ConversationSubject.VENDOR_ORDER,
        part,
    )
    assert Message.objects.get().body == "Estoy en casa después de las 5, llame al 52345678."
    # Somebody else's order number is not theirs to write about; the other store sees nothing.
    assert client_for(UserFactory()).get(write_url).status_code == 404
    other_store = reverse(
        "vendor_dashboard:thread",
        kwargs={"vendor_slug": shop_world["b"].slug, "pk": conversation.pk},
    )
    assert client_for(shop_world["owner_b"]).get(other_store).status_code == 404


def test_a_question_before_a_purchase_hides_contacts_and_after_one_shows_them(shop_world):
    buyer = client_for(shop_world["buyer"])
    url = ask_url(shop_world["a"], shop_world["product_a"])
    buyer.post(url, {"body": "Mi correo: marta@example.test"})
    purchase_place_for(shop_world["buyer"], [(shop_world["product_a"], 1)])

    buyer.post(buyer.get(url)["Location"], {"body": "Mi correo: marta@example.test"})

    assert list(Message.objects.values_list("body", flat=True)) == [
        f"Mi correo: {HIDDEN}",
        "Mi correo: marta@example.test",
    ]


def test_both_inboxes_cost_the_same_with_2_or_12_threads_of_every_kind(shop_world):
    store, buyer = client_for(shop_world["owner_a"]), client_for(shop_world["buyer"])
    store_inbox = reverse("vendor_dashboard:inbox", kwargs={"vendor_slug": shop_world["a"].slug})
    buyer_inbox = reverse("sourcing_account:inbox")

    def threads(count):
        for _number in range(count):
            asker = client_for(UserFactory())
            asker.post(ask_url(shop_world["a"], shop_world["product_a"]), {"body": "¿Hay?"})
            asker.post(ask_url(shop_world["a"]), {"body": "¿Abren hoy?"})
        buyer.post(ask_url(shop_world["b"]), {"body": "Hola"})

    threads(1)
    order = purchase_place_for(shop_world["buyer"], [(shop_world["product_a"], 1)])
    buyer.post(
        reverse(
            "sourcing_account:order-write",
            kwargs={"number": VendorOrder.objects.get(order=order).number},
        ),
        {"body": "¿Cuándo llega?"},
    )
    few = query_count(store, store_inbox), query_count(buyer, buyer_inbox)
    threads(5)

    assert (query_count(store, store_inbox), query_count(buyer, buyer_inbox)) == few
