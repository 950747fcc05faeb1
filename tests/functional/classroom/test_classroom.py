"""The classroom as its readers use it: courses and lessons at /aprende/, a member's
progress, the check at the end (pass mark, retry), the completion on the store's page,
lessons as PDF, live sessions that fall off the list once over, and who sees what."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from shop.classroom.first_course import first_course_install
from shop.classroom.models import (
    CheckAttempt,
    Choice,
    Course,
    CourseCompletion,
    Lesson,
    LessonPicture,
    LessonRead,
    Question,
)
from shop.classroom.services import lesson_picture_add
from tests.factories import UserFactory, VendorMembershipFactory
from tests.factories.classroom import (
    CourseFactory,
    LessonFactory,
    LiveSessionFactory,
    course_with_check,
)
from tests.functional.vendors.conftest import png_bytes
from tests.queries import query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    membership = VendorMembershipFactory(vendor__trade_name="Dulces Mayabe")
    client = Client()
    client.force_login(membership.user)
    return membership, client


def answers(course, *, right: int) -> dict[str, str]:
    """A filled answer sheet with the first `right` questions answered right."""
    sheet = {}
    for index, question in enumerate(Question.objects.filter(course=course).order_by("pk")):
        choices = list(Choice.objects.filter(question=question).order_by("is_correct"))
        chosen = choices[-1] if index < right else choices[0]
        sheet[f"q{question.pk}"] = str(chosen.pk)
    return sheet


def read_all(client, course):
    for lesson in course.lessons.all():
        client.post(f"/aprende/{course.slug}/{lesson.slug}/leida/")


def test_a_member_reads_the_lessons_fails_the_check_tries_again_and_the_store_shows_it(member):
    membership, client = member
    course = course_with_check(lessons=2, questions=3, title="Vender en Encadena", pass_mark=70)
    first, second = course.lessons.order_by("position")

    assert course.title in client.get("/aprende/").content.decode()
    page = client.get(f"/aprende/{course.slug}/").content.decode()
    assert "Ha leído 0 de 2 lecciones." in page
    assert "La prueba se abre cuando haya leído todas las lecciones." in page

    # Marking a lesson read goes on to the next one; the check waits for every lesson.
    response = client.post(f"/aprende/{course.slug}/{first.slug}/leida/")
    assert response.url == f"/aprende/{course.slug}/{second.slug}/"
    refused = client.post(f"/aprende/{course.slug}/prueba/", answers(course, right=3))
    assert refused.status_code == 400
    assert "Lea todas las lecciones del curso" in refused.content.decode()
    assert client.post(f"/aprende/{course.slug}/{second.slug}/leida/").url == (
        f"/aprende/{course.slug}/"
    )
    client.post(f"/aprende/{course.slug}/{second.slug}/leida/")  # twice: still one read
    assert LessonRead.objects.filter(user=membership.user).count() == 2

    # 2 of 3 is 67 %: under the pass mark. Try again.
    response = client.post(f"/aprende/{course.slug}/prueba/", answers(course, right=2))
    result = client.get(response.url).content.decode()
    assert "2 de 3 correctas (67 %)." in result and "Intentar de nuevo" in result
    assert not CourseCompletion.objects.exists()
    store = client.get(f"/tiendas/{membership.vendor.slug}/").content.decode()
    assert "Curso completado" not in store

    response = client.post(f"/aprende/{course.slug}/prueba/", answers(course, right=3))
    assert "3 de 3 correctas (100 %)." in client.get(response.url).content.decode()
    assert CheckAttempt.objects.filter(user=membership.user).count() == 2
    assert CourseCompletion.objects.filter(user=membership.user, course=course).count() == 1
    store = Client().get(f"/tiendas/{membership.vendor.slug}/").content.decode()
    assert "Curso completado: Vender en Encadena" in store


def test_an_unanswered_question_is_asked_again_and_nothing_is_kept(member):
    _membership, client = member
    course = course_with_check(lessons=1, questions=2)
    read_all(client, course)
    sheet = answers(course, right=2)
    sheet.pop(next(iter(sheet)))

    response = client.post(f"/aprende/{course.slug}/prueba/", sheet)

    assert response.status_code == 400
    assert "Elija una respuesta." in response.content.decode()
    assert not CheckAttempt.objects.exists()


def test_an_answer_sheet_is_its_members_alone_and_the_check_needs_a_login(member):
    membership, client = member
    course = course_with_check(lessons=1, questions=1)
    read_all(client, course)
    attempt_url = client.post(f"/aprende/{course.slug}/prueba/", answers(course, right=1)).url
    other = Client()
    other.force_login(VendorMembershipFactory(vendor=membership.vendor).user)

    assert client.get(attempt_url).status_code == 200
    assert other.get(attempt_url).status_code == 404
    assert Client().get(attempt_url).status_code == 302
    assert Client().get(f"/aprende/{course.slug}/prueba/").status_code == 302
    assert (
        Client()
        .post(f"/aprende/{course.slug}/{course.lessons.first().slug}/leida/")
        .url.startswith("/accounts/login/")
    )
    assert not LessonRead.objects.exclude(user=membership.user).exists()


def test_unpublished_courses_and_lessons_are_the_operators_alone():
    course = CourseFactory(is_published=False)
    lesson = LessonFactory(course=course)
    hidden = LessonFactory(course=CourseFactory(), is_published=False)
    operator = Client()
    operator.force_login(UserFactory(is_staff=True, is_superuser=True))

    assert Client().get(f"/aprende/{course.slug}/").status_code == 404
    assert Client().get(f"/aprende/{course.slug}/{lesson.slug}/").status_code == 404
    assert Client().get(f"/aprende/{hidden.course.slug}/{hidden.slug}/").status_code == 404
    assert course.title not in Client().get("/aprende/").content.decode()
    assert operator.get(f"/aprende/{course.slug}/{lesson.slug}/").status_code == 200


def test_live_sessions_are_listed_until_they_end():
    now = timezone.now()
    LiveSessionFactory(title="Fotos con el teléfono", starts_at=now + datetime.timedelta(days=2))
    LiveSessionFactory(
        title="Charla en curso",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
        place="",
        link="https://reunion.example.test/aula",
    )
    LiveSessionFactory(title="Charla pasada", starts_at=now - datetime.timedelta(days=2))

    page = Client().get("/aprende/").content.decode()

    assert "Fotos con el teléfono" in page and "Casa de la Cultura, Cienfuegos" in page
    assert "Charla en curso" in page and 'href="https://reunion.example.test/aula"' in page
    assert "Charla pasada" not in page
    assert page.index("Charla en curso") < page.index("Fotos con el teléfono")


def test_a_lesson_downloads_as_a_light_pdf_with_its_picture(member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    lesson = LessonFactory(body="## Luz\n\nFotografíe junto a la ventana.")
    picture = lesson_picture_add(
        lesson=lesson,
        upload=SimpleUploadedFile("frasco.png", png_bytes(size=(1600, 1200), colour="orange")),
        description="Un frasco junto a la ventana",
    )
    Lesson.objects.filter(pk=lesson.pk).update(body=lesson.body + f"\n\n{picture.markdown}\n")

    response = Client().get(f"/aprende/{lesson.course.slug}/{lesson.slug}/pdf/")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert (picture.width, picture.height) == (800, 600)
    pdf = PdfReader(io.BytesIO(response.content))
    text = pdf.pages[0].extract_text()
    assert "Fotografíe junto a la ventana." in text and lesson.title in text
    assert len(pdf.pages[0].images) == 1
    assert len(response.content) < 150 * 1024
    page = Client().get(f"/aprende/{lesson.course.slug}/{lesson.slug}/").content.decode()
    assert f'<img src="{picture.image.url}" alt="Un frasco junto a la ventana" width="800"' in page


def test_the_pages_cost_the_same_queries_as_courses_lessons_and_reads_grow(member):
    _membership, client = member
    course = course_with_check(lessons=2, questions=2)
    lesson = course.lessons.first()
    LiveSessionFactory(course=course)
    urls = [
        "/aprende/",
        f"/aprende/{course.slug}/",
        f"/aprende/{course.slug}/{lesson.slug}/",
        f"/aprende/{course.slug}/prueba/",
    ]
    few = [query_count(client, url) for url in urls]

    for _ in range(4):
        course_with_check(lessons=3, questions=1)
        LessonFactory(course=course)
        LiveSessionFactory(course=course)
        question = Question.objects.create(course=course, text="¿Otra?")
        Choice.objects.create(question=question, text="Sí", is_correct=True)
    read_all(client, course)
    many = [query_count(client, url) for url in urls]

    assert many == few


def test_the_first_course_ships_six_lessons_and_a_check_with_one_right_answer_each():
    first_course_install(
        course_model=Course, lesson_model=Lesson, question_model=Question, choice_model=Choice
    )
    course = Course.objects.get(slug="vender-en-encadena")

    assert course.is_first_course and course.is_published
    assert list(course.lessons.values_list("slug", flat=True)) == [
        "buenas-fotos",
        "precios-desde-costos",
        "zonas-de-entrega",
        "facturas-y-nit",
        "cobros-electronicos",
        "solicitudes-y-mensajes",
    ]
    assert all(len(lesson.body) > 1500 for lesson in course.lessons.all())
    assert [q.choices.filter(is_correct=True).count() for q in course.questions.all()] == [1] * 6
    page = Client().get("/aprende/vender-en-encadena/cobros-electronicos/").content.decode()
    assert "<h2>La cuenta del negocio</h2>" in page
    assert not LessonPicture.objects.exists()
