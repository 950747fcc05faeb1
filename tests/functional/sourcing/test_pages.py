"""The requests pages as people use them: a cooperative posts a request with bad then
good inputs, the board finds it, a store offers from its dashboard, the requester
compares and buys one offer; nobody reads the requester's contact details."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from logistics.models import Municipality
from shop.sourcing.conversations import offer_message_post
from shop.sourcing.models import OfferStatus, SourcingOffer, SourcingRequest, Visibility
from shop.sourcing.services import offer_save
from tests.factories.sourcing import ACCEPT_ADDRESS, flour_request, offer_terms, sourcing_world
from tests.queries import query_count
from vendors.models import VendorOrder

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return sourcing_world()


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def good_request(world, **overrides) -> dict:
    santa_clara = Municipality.objects.get(name="Santa Clara")
    return {
        "title": "Harina de maíz para la panadería",
        "description": "Sacos de 50 kg.",
        "sector": world["sector"].pk,
        "quantity": "200",
        "unit": "kg",
        "target_price": "75.00",
        "needed_by": (timezone.localdate() + timedelta(days=12)).isoformat(),
        "province": santa_clara.province_id,
        "municipality": santa_clara.pk,
        "visibility": "public",
        **overrides,
    }


def test_a_visitor_is_sent_to_sign_in_to_post(world):
    response = Client().get(reverse("sourcing:create"))

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_bad_inputs_are_named_in_spanish_field_by_field_and_nothing_is_saved(world):
    client = client_for(world["requester"])
    playa = Municipality.objects.get(name="Playa")

    response = client.post(
        reverse("sourcing:create"),
        good_request(
            world,
            title="",
            quantity="0",
            unit="barriles",
            target_price="-3",
            needed_by=(timezone.localdate() - timedelta(days=1)).isoformat(),
            municipality=playa.pk,
            visibility="invited",
            invited="no-existe",
        ),
    )

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors == {
        "title": ["Diga qué necesita."],
        "quantity": ["La cantidad debe ser mayor que 0."],
        "unit": ["Elija una unidad de la lista."],
        "target_price": ["El precio no puede ser negativo."],
        "needed_by": ["La fecha no puede estar en el pasado."],
        "municipality": ["Playa no está en Villa Clara."],
        "invited": ["Ninguna tienda tiene la dirección no-existe."],
    }
    assert "No se guardó nada." in response.content.decode()
    assert SourcingRequest.objects.count() == 0


def test_a_good_request_is_posted_and_shown_on_the_board(world):
    client = client_for(world["requester"])

    response = client.post(reverse("sourcing:create"), good_request(world))

    posted = SourcingRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("sourcing:detail", kwargs={"pk": posted.pk})
    assert (posted.requester, posted.quantity, posted.unit, posted.target_price) == (
        world["requester"],
        200,
        "kg",
        Decimal("75.00"),
    )
    board = Client().get(reverse("sourcing:board"), {"q": "MAIZ panaderia"})
    assert "Harina de maíz para la panadería" in board.content.decode()
    empty = Client().get(reverse("sourcing:board"), {"q": "cemento"})
    assert "Harina de maíz" not in empty.content.decode()


def test_a_request_of_two_and_a_half_tonnes_is_typed_with_a_decimal_comma(world):
    client = client_for(world["requester"])

    bad = [
        client.post(reverse("sourcing:create"), good_request(world, quantity=typed))
        for typed in ("2.500,5", "2,5555")
    ]
    response = client.post(
        reverse("sourcing:create"), good_request(world, quantity="2,5", unit="t")
    )

    assert [page.context["form"].errors["quantity"] for page in bad] == [
        ["Introduzca la cantidad como un número, por ejemplo 2,5."],
        ["Use como máximo tres decimales en la cantidad."],
    ]
    posted = SourcingRequest.objects.get()
    assert response.status_code == 302 and posted.quantity == Decimal("2.5")
    assert "2,5 t ·" in Client().get(reverse("sourcing:board")).content.decode()


def test_the_board_asks_a_constant_number_of_queries(world):
    client, url = Client(), reverse("sourcing:board")
    for number in range(3):
        flour_request(world["requester"], title=f"Harina {number}")
    few = query_count(client, url)
    for number in range(3, 15):
        flour_request(world["requester"], title=f"Harina {number}")

    assert query_count(client, url) == few


def test_a_request_page_never_shows_the_requester_contact(world):
    world["requester"].email = "rosa.cooperativa@example.test"
    world["requester"].save()
    request = flour_request(world["requester"])
    offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())

    for user in (None, world["owners"]["a"], world["owners"]["b"]):
        html = client_for(user).get(reverse("sourcing:detail", kwargs={"pk": request.pk})).content
        html = html.decode()
        assert "Harina de trigo para pan" in html
        assert "1 oferta hasta ahora" in html
        assert "rosa.cooperativa@example.test" not in html
        assert "Harina de primera." not in html  # offers are for the requester's eyes


def test_an_invited_only_request_is_hidden_from_everyone_else(world):
    request = flour_request(world["requester"], visibility=Visibility.INVITED)
    request.invited_vendors.set([world["stores"]["a"]])
    url = reverse("sourcing:detail", kwargs={"pk": request.pk})

    assert client_for(None).get(url).status_code == 404
    assert client_for(world["owners"]["b"]).get(url).status_code == 404
    assert client_for(world["owners"]["a"]).get(url).status_code == 200
    assert client_for(world["requester"]).get(url).status_code == 200


def test_a_store_offers_from_its_dashboard_and_the_requester_buys_it(world):
    request = flour_request(world["requester"])
    owner = client_for(world["owners"]["a"])
    offer_url = reverse(
        "vendor_dashboard:sourcing-offer",
        kwargs={"vendor_slug": world["stores"]["a"].slug, "request_id": request.pk},
    )
    valid_until = (timezone.localdate() + timedelta(days=5)).isoformat()

    bad = owner.post(offer_url, {"price": "", "quantity": "0", "lead_time_days": "2"})
    sent = owner.post(
        offer_url,
        {
            "price": "82.50",
            "quantity": "100",
            "lead_time_days": "2",
            "valid_until": valid_until,
            "message": "Entregamos en sacos.",
        },
    )

    assert bad.status_code == 400
    assert bad.context["form"].errors["price"] == ["Introduzca su precio por unidad."]
    assert sent.status_code == 302
    offer = SourcingOffer.objects.get()
    compare = client_for(world["requester"]).get(
        reverse("sourcing:detail", kwargs={"pk": request.pk})
    )
    html = compare.content.decode()
    assert "Molino La Espiga" in html and "Entregamos en sacos." in html
    accept_url = reverse("sourcing:accept", kwargs={"pk": request.pk, "offer_id": offer.pk})
    page = client_for(world["requester"]).get(accept_url)
    assert page.status_code == 200

    bought = client_for(world["requester"]).post(
        accept_url,
        {
            "quantity": "100",
            **ACCEPT_ADDRESS,
            "delivery": "home",
            "payment_method": "cash_on_delivery",
        },
    )

    assert bought.status_code == 302
    assert bought["Location"] == reverse("checkout:thank-you")
    part = VendorOrder.objects.get()
    assert part.vendor == world["stores"]["a"]
    assert part.order.total_incl_tax == Decimal("8400.00")  # 100 × 82.50 + 150
    assert SourcingOffer.objects.get().status == OfferStatus.ACCEPTED


def test_only_the_requester_reaches_the_accept_page(world):
    request = flour_request(world["requester"])
    offer = offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())
    url = reverse("sourcing:accept", kwargs={"pk": request.pk, "offer_id": offer.pk})

    assert client_for(world["owners"]["b"]).get(url).status_code == 404
    assert client_for(world["owners"]["a"]).post(url, {"quantity": "1"}).status_code == 404
    assert VendorOrder.objects.count() == 0


def test_a_store_sees_only_its_own_offers(world):
    request = flour_request(world["requester"])
    offer_save(
        request_id=request.pk,
        vendor=world["stores"]["a"],
        terms=offer_terms(price=Decimal("81.00"), message="Oferta de la Espiga"),
    )
    offer_save(
        request_id=request.pk,
        vendor=world["stores"]["b"],
        terms=offer_terms(price=Decimal("77.77"), message="Oferta de Harinas"),
    )
    store_b = world["stores"]["b"]
    client = client_for(world["owners"]["b"])

    pages = [
        client.get(reverse("vendor_dashboard:sourcing-list", kwargs={"vendor_slug": store_b.slug})),
        client.get(
            reverse(
                "vendor_dashboard:sourcing-offer",
                kwargs={"vendor_slug": store_b.slug, "request_id": request.pk},
            )
        ),
    ]

    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert "Oferta de la Espiga" not in html and "81,00" not in html and "81.00" not in html
    assert "77.77" in pages[1].content.decode() or "77,77" in pages[1].content.decode()


def test_a_request_keeps_a_picture_redrawn_and_refuses_a_file_that_is_not_one(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from vendors.catalogue.images import uploaded_image_clean

    client = client_for(world["requester"])
    fake = SimpleUploadedFile("saco.png", b"<html><script>alert(1)</script>", "image/png")
    refused = client.post(reverse("sourcing:create"), {**good_request(world), "picture": fake})
    picture = uploaded_image_clean(
        SimpleUploadedFile("saco.png", _png_bytes(), "image/png"), box=(10, 10)
    )
    posted = client.post(
        reverse("sourcing:create"),
        {**good_request(world), "picture": SimpleUploadedFile("saco.png", picture.read())},
    )

    assert refused.status_code == 400
    assert refused.context["form"].errors["picture"] == [
        "La imagen debe ser una foto PNG, JPEG, WebP o GIF."
    ]
    assert posted.status_code == 302
    request = SourcingRequest.objects.get()
    assert request.picture.name.startswith("sourcing/") and request.picture.name.endswith(".png")
    page = Client().get(reverse("sourcing:detail", kwargs={"pk": request.pk})).content.decode()
    assert request.picture.url in page


def test_asking_a_store_for_an_offer_starts_an_invited_request(world):
    page = client_for(world["requester"]).get(reverse("sourcing:create"), {"tienda": "store-a"})

    form = page.context["form"]
    assert (form["visibility"].value(), form["invited"].value()) == ("invited", "store-a")


def _png_bytes() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "#c08030").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_store_page_and_the_offers_show_how_the_store_answers(world):
    from shop.sourcing.notifications import request_stores_notify

    request = flour_request(world["requester"])
    request_stores_notify(request_id=request.pk)
    offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())
    store_page = Client().get(reverse("vendors:store", kwargs={"slug": "store-a"}))
    compare = client_for(world["requester"]).get(
        reverse("sourcing:detail", kwargs={"pk": request.pk})
    )

    for page in (store_page, compare):
        html = page.content.decode()
        assert "Responde el 100 % de las solicitudes que recibe" in html
        assert "primera oferta en 0 horas (mediana)" in html


def test_operators_see_the_requests_no_store_answered_after_some_days(world, settings):
    from tests.factories.accounts import operator_create

    settings.SOURCING_UNANSWERED_DAYS = 3
    old = timezone.now() - timedelta(days=4)
    forgotten = flour_request(world["requester"], title="Harina olvidada")
    answered = flour_request(world["requester"], title="Harina con oferta")
    recent = flour_request(world["requester"], title="Harina de hoy")
    SourcingRequest.objects.filter(pk__in=[forgotten.pk, answered.pk]).update(created_at=old)
    offer_save(request_id=answered.pk, vendor=world["stores"]["a"], terms=offer_terms())
    url = reverse("sourcing_dashboard:unanswered")

    page = client_for(operator_create()).get(url)
    refused = client_for(world["owners"]["a"]).get(url)

    html = page.content.decode()
    assert page.status_code == 200
    assert "Harina olvidada" in html
    assert "Harina con oferta" not in html and recent.title not in html
    assert refused.status_code == 302


def test_the_requester_and_the_store_ask_and_answer_in_the_offer_conversation(world):
    from shop.sourcing.models import Message

    request = flour_request(world["requester"])
    offer = offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())
    buyer, store = client_for(world["requester"]), client_for(world["owners"]["a"])
    thread = reverse("sourcing:conversation", kwargs={"pk": request.pk, "offer_id": offer.pk})
    store_page = reverse(
        "vendor_dashboard:sourcing-offer",
        kwargs={"vendor_slug": "store-a", "request_id": request.pk},
    )

    empty = buyer.post(thread, {"body": "  "})
    buyer.post(thread, {"body": "¿Pueden entregar el lunes? Mi número es 52345678."})
    listed = store.get(reverse("vendor_dashboard:sourcing-list", kwargs={"vendor_slug": "store-a"}))
    store.post(
        reverse(
            "vendor_dashboard:sourcing-offer-message",
            kwargs={"vendor_slug": "store-a", "request_id": request.pk},
        ),
        {"body": "Sí, el lunes por la mañana."},
    )
    detail = buyer.get(reverse("sourcing:detail", kwargs={"pk": request.pk})).content.decode()
    conversation = buyer.get(thread).content.decode()

    assert empty.status_code == 400
    assert empty.context["form"].errors["body"] == ["Escriba un mensaje."]
    assert "1 mensaje nuevo" in listed.content.decode()
    assert "Preguntar a la tienda (1 mensaje nuevo)" in detail
    assert "Sí, el lunes por la mañana." in conversation
    assert "52345678" not in store.get(store_page).content.decode()
    assert list(Message.objects.values_list("from_store", flat=True)) == [False, True]
    assert client_for(world["owners"]["b"]).get(thread).status_code == 404
    assert client_for(world["owners"]["a"]).get(thread).status_code == 404


def test_an_operator_on_a_store_offer_page_reads_its_thread_only_on_the_audited_page(world):
    from tests.factories.accounts import operator_create

    request = flour_request(world["requester"])
    offer = offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())
    offer_message_post(
        offer=offer, author=world["requester"], from_store=False, body="¿Entregan el lunes?"
    )
    operator = client_for(operator_create())
    kwargs = {"vendor_slug": "store-a", "request_id": request.pk}

    page = operator.get(reverse("vendor_dashboard:sourcing-offer", kwargs=kwargs)).content.decode()
    written = operator.post(
        reverse("vendor_dashboard:sourcing-offer-message", kwargs=kwargs), {"body": "Hola"}
    )

    assert "¿Entregan el lunes?" not in page
    conversation = offer.conversation
    assert reverse("callcenter:conversation", kwargs={"pk": conversation.pk}) in page
    assert written.status_code == 404
    assert list(conversation.messages.values_list("read_at", flat=True)) == [None]


def test_a_store_editing_its_offer_sees_its_dates_in_the_date_field(world):
    request = flour_request(world["requester"])
    offer = offer_save(request_id=request.pk, vendor=world["stores"]["a"], terms=offer_terms())

    html = (
        client_for(world["owners"]["a"])
        .get(
            reverse(
                "vendor_dashboard:sourcing-offer",
                kwargs={"vendor_slug": "store-a", "request_id": request.pk},
            )
        )
        .content.decode()
    )

    assert f'value="{offer.valid_until.isoformat()}"' in html
