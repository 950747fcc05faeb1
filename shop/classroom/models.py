"""Courses of lessons (Markdown, pictures kept in the default storage), each course's
end-of-course check, what each member read and passed, and live sessions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

PASS_MARK_DEFAULT = 70


class Course(models.Model):
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    summary = models.TextField(_("summary"), max_length=600)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=False)
    # The course that "Primeros pasos" asks a new store to complete (one at the most).
    is_first_course = models.BooleanField(_("first course of a new store"), default=False)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=PASS_MARK_DEFAULT,
        help_text=_("The share of right answers, 1 to 100, that passes the check."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.UniqueConstraint(
                fields=["is_first_course"],
                condition=Q(is_first_course=True),
                name="classroom_one_first_course",
            ),
            models.CheckConstraint(
                condition=Q(pass_mark__gte=1, pass_mark__lte=100),
                name="classroom_pass_mark_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("classroom:course", args=[self.slug])


class Lesson(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("address"), max_length=80)
    body = models.TextField(
        _("text (Markdown)"),
        max_length=40_000,
        help_text=_(
            "Markdown: ## heading, **bold**, - list, [link](https://…), a picture of this "
            "lesson with ![description](foto:NUMBER). HTML is shown as text."
        ),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="classroom_lesson_slug")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("classroom:lesson", args=[self.course.slug, self.slug])


def lesson_picture_path(picture: "LessonPicture", filename: str) -> str:
    return f"classroom/{picture.lesson_id}/{filename}"


class LessonPicture(models.Model):
    """A picture a lesson's text shows with ![…](foto:<pk>): a JPEG at most 800 px wide,
    redrawn from the upload's pixels."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="pictures")
    image = models.ImageField(_("picture"), upload_to=lesson_picture_path)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    description = models.CharField(_("description"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("lesson picture")
        verbose_name_plural = _("lesson pictures")

    def __str__(self) -> str:
        return self.description

    @property
    def markdown(self) -> str:
        return f"![{self.description}](foto:{self.pk})"


class Question(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("answer"), max_length=200)
    is_correct = models.BooleanField(_("right answer"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return self.text


class LessonRead(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lessons_read"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="classroom_lesson_read_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.lesson_id}"


class CheckAttempt(models.Model):
    """One answer sheet of a course's check; a member may try again until passing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_attempts"
    )
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="attempts")
    right = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    # {question id: choice id} as answered, to show which were wrong.
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.course_id}: {self.right}/{self.total}"

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


class CourseCompletion(models.Model):
    """A member passed a course's check: shown on the stores they belong to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_completions"
    )
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="classroom_completed_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.course_id}"


class LiveSession(models.Model):
    """A talk or workshop, in a place or online; listed until it ends."""

    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link"), blank=True)
    course = models.ForeignKey(
        Course,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_sessions",
        verbose_name=_("course"),
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="classroom_session_ends_later"
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(link=""), name="classroom_session_place_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.title
