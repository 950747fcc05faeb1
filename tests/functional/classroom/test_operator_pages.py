"""Operators write the classroom in the dashboard: a course, its lessons in order, published
or not, a lesson's pictures, the check's questions, live sessions. To anyone else these
pages do not exist."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from shop.classroom.models import Choice, Course, Lesson, LessonPicture, LiveSession
from tests.factories import UserFactory, VendorMembershipFactory
from tests.factories.classroom import CourseFactory, LessonFactory, LiveSessionFactory
from tests.functional.vendors.conftest import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_an_operator_writes_a_course_orders_its_lessons_and_publishes_them(operator):
    response = operator.post(
        "/dashboard/aula/cursos/nuevo/",
        {
            "title": "Vender por WhatsApp",
            "slug": "vender-por-whatsapp",
            "summary": "Catálogos y respuestas rápidas.",
            "position": 2,
            "pass_mark": 80,
            "is_published": "on",
        },
    )
    course = Course.objects.get(slug="vender-por-whatsapp")
    assert response.url == f"/dashboard/aula/cursos/{course.pk}/"
    for title, slug in (("El catálogo", "catalogo"), ("Las respuestas", "respuestas")):
        operator.post(
            f"/dashboard/aula/cursos/{course.pk}/lecciones/nueva/",
            {"title": title, "slug": slug, "body": f"## {title}\n\nTexto.", "is_published": "on"},
        )
    second = Lesson.objects.get(slug="respuestas")
    operator.post(f"/dashboard/aula/lecciones/{second.pk}/mover/", {"direction": "up"})
    assert list(course.lessons.values_list("slug", "position")) == [
        ("respuestas", 1),
        ("catalogo", 2),
    ]
    operator.post(f"/dashboard/aula/lecciones/{second.pk}/publicar/", {"publish": "0"})
    page = Client().get("/aprende/vender-por-whatsapp/").content.decode()
    assert "El catálogo" in page and "Las respuestas" not in page

    taken = operator.post(
        f"/dashboard/aula/cursos/{course.pk}/lecciones/nueva/",
        {"title": "Otra", "slug": "catalogo", "body": "x"},
    )
    reserved = operator.post(
        f"/dashboard/aula/cursos/{course.pk}/lecciones/nueva/",
        {"title": "Otra", "slug": "prueba", "body": "x"},
    )
    assert taken.status_code == reserved.status_code == 400
    assert "Otra lección de este curso tiene esta dirección." in taken.content.decode()
    assert course.lessons.count() == 2


def test_a_lessons_picture_is_uploaded_and_shown_where_its_text_says(operator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    lesson = LessonFactory()
    url = f"/dashboard/aula/lecciones/{lesson.pk}/fotos/"

    refused = operator.post(
        url,
        {
            "image": SimpleUploadedFile("foto.png", b"<svg onload=alert(1)>", "image/png"),
            "description": "x",
        },
    )
    operator.post(
        url,
        {
            "image": SimpleUploadedFile("foto.png", png_bytes(size=(400, 300)), "image/png"),
            "description": "Luz de ventana",
        },
    )

    assert refused.status_code == 400
    picture = LessonPicture.objects.get()
    assert (picture.width, picture.height, picture.image.name.endswith(".jpg")) == (400, 300, True)
    edit = operator.get(f"/dashboard/aula/cursos/{lesson.course_id}/lecciones/{lesson.pk}/")
    assert f"![Luz de ventana](foto:{picture.pk})" in edit.content.decode()


def test_the_check_gets_questions_with_one_right_answer(operator):
    course = CourseFactory()

    operator.post(
        f"/dashboard/aula/cursos/{course.pk}/preguntas/",
        {"text": "¿Qué luz?", "answer_1": "Flash", "answer_2": "Ventana", "right": "1"},
    )
    refused = operator.post(
        f"/dashboard/aula/cursos/{course.pk}/preguntas/",
        {"text": "¿Y?", "answer_1": "A", "answer_2": "B", "right": "3"},
    )

    assert refused.status_code == 400
    assert list(
        Choice.objects.filter(question__course=course).values_list(
            "question__text", "text", "is_correct"
        )
    ) == [
        ("¿Qué luz?", "Flash", False),
        ("¿Qué luz?", "Ventana", True),
    ]


def test_an_operator_announces_a_live_session_with_a_place_or_a_link(operator):
    starts = timezone.localtime() + datetime.timedelta(days=5)
    data = {
        "title": "Taller de fotos",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
    }

    refused = operator.post("/dashboard/aula/sesiones/", data)
    operator.post("/dashboard/aula/sesiones/", {**data, "link": "https://reunion.example.test/x"})

    assert "Indique el lugar, el enlace o ambos." in refused.content.decode()
    assert list(LiveSession.objects.values_list("title", "link")) == [
        ("Taller de fotos", "https://reunion.example.test/x")
    ]
    assert "Taller de fotos" in Client().get("/aprende/").content.decode()


def test_the_operator_pages_do_not_exist_for_anyone_else():
    course = CourseFactory()
    lesson = LessonFactory(course=course)
    session = LiveSessionFactory()
    vendor = Client()
    vendor.force_login(VendorMembershipFactory().user)
    gets = [
        "/dashboard/aula/",
        "/dashboard/aula/cursos/nuevo/",
        f"/dashboard/aula/cursos/{course.pk}/",
        f"/dashboard/aula/cursos/{course.pk}/lecciones/{lesson.pk}/",
        "/dashboard/aula/sesiones/",
        f"/dashboard/aula/sesiones/{session.pk}/",
    ]
    posts = [
        f"/dashboard/aula/lecciones/{lesson.pk}/mover/",
        f"/dashboard/aula/lecciones/{lesson.pk}/publicar/",
        f"/dashboard/aula/lecciones/{lesson.pk}/fotos/",
        f"/dashboard/aula/cursos/{course.pk}/preguntas/",
    ]

    for client in (Client(), vendor):
        assert [client.get(url).status_code for url in gets] == [404] * len(gets)
        assert [client.post(url).status_code for url in posts] == [404] * len(posts)
    assert Lesson.objects.get(pk=lesson.pk).is_published and LiveSession.objects.count() == 1
