import datetime

import factory
from django.utils import timezone

from shop.classroom.models import Choice, Course, Lesson, LiveSession, Question


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Curso {n}")
    slug = factory.Sequence(lambda n: f"curso-{n}")
    summary = "Un curso corto."
    is_published = True


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Lección {n}")
    slug = factory.Sequence(lambda n: f"leccion-{n}")
    body = "## Primero\n\nUn texto **útil**."
    position = factory.Sequence(lambda n: n)


def question_with_choices(*, course, right: int = 0, choices=("Sí", "No", "A veces")) -> Question:
    question = Question.objects.create(course=course, text=f"¿Pregunta {Question.objects.count()}?")
    for index, text in enumerate(choices):
        Choice.objects.create(question=question, text=text, is_correct=index == right)
    return question


def course_with_check(*, lessons: int = 2, questions: int = 2, **fields) -> Course:
    """A published course, its lessons, and a check whose right answers are the first."""
    course = CourseFactory(**fields)
    for _ in range(lessons):
        LessonFactory(course=course)
    for _ in range(questions):
        question_with_choices(course=course)
    return course


class LiveSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiveSession

    title = factory.Sequence(lambda n: f"Charla {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(hours=2))
    place = "Casa de la Cultura, Cienfuegos"
