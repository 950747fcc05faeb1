"""Mentions on the board: "@store" and a pasted product or request address show as links
with their names, escaped, only for what may be shown; the named store is told once per
post, never its own members; the post page costs the same queries with more mentions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from shop.community.models import Post, StoreMention
from shop.community.services import post_create, reply_create
from tests.factories import ProductFactory, UserFactory, VendorFactory, VendorMembershipFactory
from tests.factories.classroom import LessonFactory
from tests.factories.sourcing import flour_request
from tests.queries import query_count
from vendors.models import VendorStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return UserFactory(email="socia@example.test", date_joined=timezone.now() - timedelta(days=30))


def test_mentions_show_as_links_with_their_names_and_nothing_else_as_markup(
    member, settings, django_capture_on_commit_callbacks
):
    store = VendorFactory(trade_name="La Cosecha", slug="la-cosecha")
    VendorFactory(trade_name="Cerrada", slug="cerrada", status=VendorStatus.SUSPENDED)
    product = ProductFactory(title="Mermelada de guayaba", slug="mermelada")
    hidden_product = ProductFactory(title="Secreto", is_public=False)
    request = flour_request(UserFactory())
    body = (
        "Pregunten a @la-cosecha o a @cerrada <b>hoy</b>.\n"
        f"{settings.SITE_URL}/catalogue/mermelada_{product.pk}/ y "
        f"/catalogue/x_{hidden_product.pk}/ y https://otro.example/solicitudes/{request.pk}/ y "
        f"{settings.SITE_URL}/solicitudes/{request.pk}/ — escriba a ana@la-cosecha.cu"
    )
    with django_capture_on_commit_callbacks(execute=True):
        post = post_create(author=member, kind="pregunta", title="Frascos", body=body)

    page = Client().get(f"/comunidad/{post.pk}/").content.decode()

    assert '<a class="mention" href="/tiendas/la-cosecha/">@La Cosecha</a>' in page
    assert "@cerrada &lt;b&gt;hoy&lt;/b&gt;" in page
    assert (
        f'<a class="mention" href="{product.get_absolute_url()}">Mermelada de guayaba</a>' in page
    )
    assert f"/catalogue/x_{hidden_product.pk}/" in page and "Secreto" not in page
    assert f"https://otro.example/solicitudes/{request.pk}/" in page
    assert f'<a class="mention" href="/solicitudes/{request.pk}/">{request.title}</a>' in page
    assert "ana@la-cosecha.cu" in page
    assert [mention.vendor for mention in StoreMention.objects.all()] == [store]
    (notice,) = mail.outbox
    assert notice.to == sorted({store.email})
    assert "La Cosecha" in notice.subject and f"/comunidad/{post.pk}/" in notice.body


def test_a_store_is_told_once_per_post_and_not_of_its_own_members_words(
    member, django_capture_on_commit_callbacks
):
    store = VendorFactory(slug="la-cosecha")
    own = VendorMembershipFactory(vendor=store).user
    with django_capture_on_commit_callbacks(execute=True):
        post = post_create(author=member, kind="pregunta", title="Frascos", body="@la-cosecha")
        reply_create(author=member, post_id=post.pk, body="Otra vez @la-cosecha")
        reply_create(author=own, post_id=post.pk, body="Aquí @la-cosecha")
        own_post = post_create(author=own, kind="curso", title="Nuestra", body="@la-cosecha")

    assert len(mail.outbox) == 1
    assert StoreMention.objects.filter(post=post).count() == 1
    assert not StoreMention.objects.filter(post=own_post).exists()


def test_the_post_page_costs_the_same_queries_with_more_mentions(member):
    post = Post.objects.create(author=member, kind="pregunta", title="Frascos", body="@tienda")
    VendorFactory(slug="tienda")
    few = query_count(Client(), f"/comunidad/{post.pk}/")

    for number in range(5):
        vendor = VendorFactory()
        product = ProductFactory()
        Post.objects.filter(pk=post.pk).update(
            body=Post.objects.get(pk=post.pk).body + f" @{vendor.slug} /catalogue/p_{product.pk}/"
        )
        reply_create(author=member, post_id=post.pk, body=f"@{vendor.slug} número {number}")
    many = query_count(Client(), f"/comunidad/{post.pk}/")

    assert many == few + 1  # the products' query, asked once there are products


def test_a_pasted_course_or_lesson_address_shows_as_a_link_only_when_published(member):
    lesson = LessonFactory(title="Fotos con el teléfono", course__title="Vender en Encadena")
    draft = LessonFactory(course=lesson.course, title="Borrador", is_published=False)
    course = lesson.course
    body = (
        f"Lean /aprende/{course.slug}/{lesson.slug}/ y /aprende/{course.slug}/{draft.slug}/ "
        f"o /aprende/{course.slug}/"
    )
    post = Post.objects.create(author=member, kind="recomiendo", title="Curso", body=body)

    page = Client().get(f"/comunidad/{post.pk}/").content.decode()

    assert (
        f'<a class="mention" href="{lesson.get_absolute_url()}">Fotos con el teléfono</a>' in page
    )
    assert f'<a class="mention" href="{course.get_absolute_url()}">Vender en Encadena</a>' in page
    assert f"/aprende/{course.slug}/{draft.slug}/" in page and "Borrador" not in page
