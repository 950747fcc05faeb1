"""The community board: a member asks, another answers, the asker accepts the answer;
"útil" once per person; a "busco" post becomes a request in one click; new accounts write at
a slower pace; reports and the operator's hiding with a reason; the moderation page is 404 to
anyone but operators; the board costs the same queries however many posts it lists."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from logistics.models import Province
from shop.community.models import Post, Reply, Report
from shop.community.services import post_create, reply_create
from tests.clients import client_for
from tests.factories import UserFactory
from tests.queries import query_count
from vendors.models import Sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    old = timezone.now() - timedelta(days=30)
    return {
        name: UserFactory(email=f"{name}@example.test", date_joined=old)
        for name in ("asker", "helper", "third")
    }


def test_a_member_asks_another_answers_and_gets_the_accepted_mark(members):
    asker = client_for(members["asker"])
    response = asker.post(
        "/comunidad/nueva/",
        {
            "kind": "pregunta",
            "title": "¿Dónde compro frascos de vidrio?",
            "body": "Para mermelada, unos 200 al mes.",
            "sector": Sector.objects.get(slug="alimentos-y-bebidas").pk,
            "province": Province.objects.get(name="La Habana").pk,
        },
    )
    post = Post.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/comunidad/{post.pk}/"

    client_for(members["helper"]).post(
        f"/comunidad/{post.pk}/responder/", {"body": "Pruebe con Envases del Cerro."}
    )
    reply = Reply.objects.get()
    client_for(members["third"]).post(f"/comunidad/{post.pk}/respuestas/{reply.pk}/util/")
    client_for(members["third"]).post(f"/comunidad/{post.pk}/respuestas/{reply.pk}/util/")
    client_for(members["helper"]).post(f"/comunidad/{post.pk}/respuestas/{reply.pk}/aceptar/")
    assert Post.objects.get().accepted_reply_id is None  # only the asker chooses
    asker.post(f"/comunidad/{post.pk}/respuestas/{reply.pk}/aceptar/")

    post.refresh_from_db()
    reply.refresh_from_db()
    assert (post.accepted_reply_id, post.reply_count, reply.useful_count) == (reply.pk, 1, 1)
    page = client_for(None).get(f"/comunidad/{post.pk}/").content.decode()
    assert "Respuesta aceptada" in page and "Pruebe con Envases del Cerro." in page
    board = client_for(None).get("/comunidad/?kind=pregunta").content.decode()
    assert "¿Dónde compro frascos de vidrio?" in board and "Respondida" in board


def test_a_busco_post_turns_into_a_request_in_one_click(members):
    post = post_create(
        author=members["asker"],
        kind="busco",
        title="Busco harina de trigo",
        body="500 kg al mes en Artemisa.",
    )

    page = client_for(members["asker"]).get(f"/comunidad/{post.pk}/").content.decode()
    other = client_for(members["helper"]).get(f"/comunidad/{post.pk}/").content.decode()

    assert "community-to-request" in page and "community-to-request" not in other
    form = client_for(members["asker"]).get(
        "/solicitudes/nueva/?titulo=Busco+harina+de+trigo&descripcion=500+kg"
    )
    assert form.context["form"].initial["title"] == "Busco harina de trigo"


def test_a_new_account_writes_at_a_slower_pace(settings):
    newcomer = UserFactory()
    client = client_for(newcomer)
    data = {"kind": "recomiendo", "title": "Recomiendo", "body": "Un buen taller."}
    for _ in range(settings.COMMUNITY_NEW_ACCOUNT_PER_DAY):
        assert client.post("/comunidad/nueva/", data).status_code == 302

    response = client.post("/comunidad/nueva/", data)

    assert response.status_code == 400
    assert "Las cuentas nuevas escriben como máximo 5" in response.content.decode()
    assert Post.objects.count() == settings.COMMUNITY_NEW_ACCOUNT_PER_DAY


def test_a_report_reaches_the_operators_who_hide_with_a_reason(members):
    post = post_create(author=members["asker"], kind="pregunta", title="Hola", body="¿Qué tal?")
    reply = reply_create(author=members["helper"], post_id=post.pk, body="Compre aquí: estafa")
    client_for(members["third"]).post(
        f"/comunidad/{post.pk}/respuestas/{reply.pk}/denunciar/", {"reason": "Es spam."}
    )
    operator = client_for(UserFactory(is_staff=True, is_superuser=True))
    assert "Es spam." in operator.get("/dashboard/comunidad/").content.decode()

    operator.post(
        "/dashboard/comunidad/", {"report": Report.objects.get().pk, "reason": "Publicidad."}
    )

    page = client_for(None).get(f"/comunidad/{post.pk}/").content.decode()
    assert "estafa" not in page and "Ocultado por un operador: Publicidad." in page


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_moderation_page_does_not_exist_for_non_operators(members, who):
    post = post_create(author=members["asker"], kind="pregunta", title="Hola", body="¿Qué tal?")
    Report.objects.create(post=post, reporter=members["third"], reason="x")
    client = client_for(None if who == "anonymous" else members["helper"])

    assert client.get("/dashboard/comunidad/").status_code == 404
    assert (
        client.post(
            "/dashboard/comunidad/", {"report": Report.objects.get().pk, "reason": "y"}
        ).status_code
        == 404
    )
    assert Post.objects.get().is_hidden is False


def test_the_board_costs_the_same_queries_with_more_posts(members):
    client = Client()
    post_create(author=members["asker"], kind="pregunta", title="Uno", body="Texto")
    few = query_count(client, "/comunidad/")

    for number in range(10):
        post_create(
            author=members["helper"],
            kind="curso",
            title=f"Curso {number}",
            body="Texto",
            sector=Sector.objects.first(),
            province=Province.objects.first(),
        )
    many = query_count(client, "/comunidad/")

    assert many == few
