"""The demo's classroom: the first course (as the migration ships it), the demo vendor
half-way through it, Café Serrano's buyer with it completed (shown on that store's page),
and one live session a week from the day the demo is seeded. Created once."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from shop.classroom.first_course import first_course_install
from shop.classroom.first_course.lessons import COURSE
from shop.classroom.models import (
    Choice,
    Course,
    CourseCompletion,
    Lesson,
    LessonRead,
    LiveSession,
    Question,
)
from shop.classroom.services import check_submit, lesson_mark_read

User = get_user_model()

VENDOR_EMAIL = "vendedor@encadena.test"
VENDOR_LESSONS_READ = 3
GRADUATE_EMAIL = "compras.serrano@encadena.test"
SESSION_TITLE = "Taller: fotos de sus productos con el teléfono"


def demo_classroom_seed() -> int:
    """Returns how many lessons the demo vendor has read."""
    first_course_install(
        course_model=Course, lesson_model=Lesson, question_model=Question, choice_model=Choice
    )
    course = Course.objects.get(slug=COURSE["slug"])
    lessons = list(course.lessons.filter(is_published=True))
    vendor = User.objects.get(email=VENDOR_EMAIL)
    for lesson in lessons[:VENDOR_LESSONS_READ]:
        lesson_mark_read(user=vendor, lesson=lesson)
    graduate = User.objects.filter(email=GRADUATE_EMAIL).first()
    if graduate and not CourseCompletion.objects.filter(user=graduate, course=course).exists():
        for lesson in lessons:
            lesson_mark_read(user=graduate, lesson=lesson)
        right = dict(
            Choice.objects.filter(question__course=course, is_correct=True).values_list(
                "question_id", "pk"
            )
        )
        check_submit(user=graduate, course=course, answers=right)
    now = timezone.localtime()
    if not LiveSession.objects.filter(title=SESSION_TITLE, ends_at__gt=now).exists():
        starts = (now + datetime.timedelta(days=7)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        LiveSession.objects.create(
            title=SESSION_TITLE,
            description=(
                "Una hora de práctica con luz de ventana, fondo y encuadre. Traiga su teléfono "
                "y uno de sus productos."
            ),
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=1, minutes=30),
            place="Proyecto de desarrollo local La Casona, Cienfuegos",
            course=course,
        )
    return LessonRead.objects.filter(user=vendor, lesson__course=course).count()
