"""What the classroom's pages read: each a fixed number of queries however many courses,
lessons, members or attempts there are."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, Prefetch, Q, QuerySet

from shop.classroom.models import (
    CheckAttempt,
    Course,
    CourseCompletion,
    Lesson,
    LessonPicture,
    LessonRead,
    LiveSession,
    Question,
)
from shop.core.roles import is_operator


def published_courses() -> QuerySet[Course]:
    return Course.objects.filter(is_published=True).annotate(
        lesson_count=Count("lessons", filter=Q(lessons__is_published=True))
    )


def course_for_reader(*, slug: str, user) -> Course | None:
    """A published course; operators also see one they are still writing."""
    courses = (
        Course.objects.all() if is_operator(user) else Course.objects.filter(is_published=True)
    )
    return courses.filter(slug=slug).first()


def course_lessons(*, course: Course) -> list[Lesson]:
    return list(course.lessons.filter(is_published=True).only("pk", "title", "slug", "course_id"))


def lesson_with_pictures(*, course: Course, slug: str, user) -> Lesson | None:
    lessons = (
        course.lessons.all() if is_operator(user) else course.lessons.filter(is_published=True)
    )
    return (
        lessons.filter(slug=slug)
        .prefetch_related(Prefetch("pictures", queryset=LessonPicture.objects.order_by()))
        .first()
    )


def read_lesson_ids(*, user, course: Course) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        LessonRead.objects.filter(user=user, lesson__course=course).values_list(
            "lesson_id", flat=True
        )
    )


def read_counts(*, user) -> dict[int, int]:
    """{course id: published lessons the user read}, every course at once."""
    if not user.is_authenticated:
        return {}
    return dict(
        LessonRead.objects.filter(user=user, lesson__is_published=True)
        .values_list("lesson__course_id")
        .annotate(count=Count("pk"))
        .values_list("lesson__course_id", "count")
    )


def completed_course_ids(*, user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(CourseCompletion.objects.filter(user=user).values_list("course_id", flat=True))


def check_questions(*, course: Course) -> list[Question]:
    return list(course.questions.prefetch_related("choices"))


def user_attempt(*, user, course: Course, pk: int) -> CheckAttempt | None:
    """One of the user's own answer sheets: anyone else's does not exist for them."""
    return CheckAttempt.objects.filter(user=user, course=course, pk=pk).first()


@dataclass(frozen=True)
class CourseProgress:
    lessons: int
    read: int
    completed: bool

    @property
    def percent(self) -> int:
        return round(100 * self.read / self.lessons) if self.lessons else 0

    @property
    def check_open(self) -> bool:
        return self.lessons > 0 and self.read >= self.lessons


def course_progress(
    *, lessons: list[Lesson], read_ids: set[int], completed: bool
) -> CourseProgress:
    return CourseProgress(
        lessons=len(lessons),
        read=sum(1 for lesson in lessons if lesson.pk in read_ids),
        completed=completed,
    )


def upcoming_live_sessions(*, now: datetime) -> QuerySet[LiveSession]:
    """Sessions not yet over, soonest first."""
    return LiveSession.objects.filter(ends_at__gt=now).select_related("course")


def first_course_completed(*, vendor_ref) -> Exists:
    """For an annotation over vendors: a member completed the first course."""
    return Exists(
        CourseCompletion.objects.filter(
            course__is_first_course=True,
            course__is_published=True,
            user__vendor_memberships__vendor=vendor_ref,
        )
    )


def first_course() -> QuerySet[Course]:
    return Course.objects.filter(is_first_course=True, is_published=True)
