"""What members and operators do in the classroom: read a lesson, answer a course's
check; write courses, lessons and their pictures, order lessons, announce sessions."""

import io

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image

from shop.classroom.error_codes import ClassroomErrorCode
from shop.classroom.exceptions import ClassroomRefused
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
from vendors.catalogue.images import uploaded_image_clean

PICTURE_UPLOAD_BOX = (1600, 1600)
PICTURE_WIDTH = 800
PICTURE_QUALITY = 72


def lesson_mark_read(*, user, lesson: Lesson) -> bool:
    """True when this is the first time; reading again changes nothing."""
    try:
        with transaction.atomic():
            LessonRead.objects.create(user=user, lesson=lesson)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def check_submit(*, user, course: Course, answers: dict[int, int]) -> CheckAttempt:
    """Score one answer sheet ({question id: choice id}); passing completes the course.
    Trying again is allowed; a completion is never taken back."""
    if not course.is_published:
        raise ClassroomRefused(
            _("This course is not open."), code=ClassroomErrorCode.COURSE_NOT_PUBLISHED
        )
    lessons = set(course.lessons.filter(is_published=True).values_list("pk", flat=True))
    read = set(
        LessonRead.objects.filter(user=user, lesson_id__in=lessons).values_list(
            "lesson_id", flat=True
        )
    )
    if lessons - read:
        raise ClassroomRefused(
            _("Read every lesson of the course first, then take the check."),
            code=ClassroomErrorCode.LESSONS_UNREAD,
        )
    right_choices = dict(
        Choice.objects.filter(question__course=course, is_correct=True).values_list(
            "question_id", "pk"
        )
    )
    questions = list(Question.objects.filter(course=course).values_list("pk", flat=True))
    if not questions:
        raise ClassroomRefused(
            _("This course has no check yet."), code=ClassroomErrorCode.CHECK_EMPTY
        )
    if any(answers.get(question) is None for question in questions):
        raise ClassroomRefused(_("Answer every question."), code=ClassroomErrorCode.ANSWERS_MISSING)
    right = sum(1 for question in questions if right_choices.get(question) == answers[question])
    passed = 100 * right >= course.pass_mark * len(questions)
    attempt = CheckAttempt.objects.create(
        user=user,
        course=course,
        right=right,
        total=len(questions),
        passed=passed,
        answers={str(question): answers[question] for question in questions},
    )
    if passed:
        CourseCompletion.objects.get_or_create(user=user, course=course)
    return attempt


@transaction.atomic
def lesson_move(*, lesson: Lesson, step: int) -> None:
    """One place up (step -1) or down (+1) in its course; positions become 1…n."""
    Course.objects.select_for_update().get(pk=lesson.course_id)
    ordered = list(Lesson.objects.filter(course_id=lesson.course_id).order_by("position", "pk"))
    index = next(i for i, item in enumerate(ordered) if item.pk == lesson.pk)
    target = index + step
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            Lesson.objects.filter(pk=item.pk).update(position=position)


def next_lesson_position(*, course: Course) -> int:
    return (course.lessons.aggregate(last=Max("position"))["last"] or 0) + 1


def lesson_picture_add(*, lesson: Lesson, upload, description: str) -> LessonPicture:
    """The upload checked and redrawn from its pixels (vendors/catalogue/images), then kept
    as a JPEG at most 800 px wide: light on a phone and in the lesson's PDF, which embeds
    a JPEG as it is."""
    clean = uploaded_image_clean(upload, box=PICTURE_UPLOAD_BOX)
    with Image.open(clean) as image:
        picture = image.convert("RGBA")
        flat = Image.new("RGB", picture.size, "white")
        flat.paste(picture, mask=picture.getchannel("A"))
        if flat.width > PICTURE_WIDTH:
            flat = flat.resize(
                (PICTURE_WIDTH, round(flat.height * PICTURE_WIDTH / flat.width)),
                Image.Resampling.LANCZOS,
            )
        buffer = io.BytesIO()
        flat.save(buffer, format="JPEG", quality=PICTURE_QUALITY, optimize=True, progressive=True)
    saved = LessonPicture(
        lesson=lesson, description=description, width=flat.width, height=flat.height
    )
    saved.image.save("foto.jpg", ContentFile(buffer.getvalue()), save=False)
    saved.save()
    return saved


@transaction.atomic
def question_add(*, course: Course, text: str, choices: list[str], right: int) -> Question:
    """A multiple-choice question: the answers as written, `right` the index of the
    right one."""
    position = (course.questions.aggregate(last=Max("position"))["last"] or 0) + 1
    question = Question.objects.create(course=course, text=text, position=position)
    Choice.objects.bulk_create(
        Choice(question=question, text=choice, is_correct=index == right)
        for index, choice in enumerate(choices)
    )
    return question
