"""The operators' classroom pages: courses, their lessons in order, each lesson's text
and pictures, the check's questions, and live sessions. 404 to anyone else."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from shop.classroom.forms import (
    CourseForm,
    LessonForm,
    LiveSessionForm,
    PictureForm,
    QuestionForm,
)
from shop.classroom.models import Course, Lesson, LiveSession, Question
from shop.classroom.services import (
    lesson_move,
    lesson_picture_add,
    next_lesson_position,
    question_add,
)
from shop.core.transactions import AtomicWritesMixin
from shop.core.views import OperatorOnlyMixin


class CourseListView(OperatorOnlyMixin, View):
    def get(self, request):
        return render(
            request,
            "classroom/dashboard/course_list.html",
            {"courses": Course.objects.all()},
        )


class CourseFormView(AtomicWritesMixin, OperatorOnlyMixin, View):
    """A new course (no pk), or one to edit with its lessons and its check."""

    def page(self, request, course, form, question_form=None, status=200):
        return render(
            request,
            "classroom/dashboard/course_form.html",
            {
                "course": course,
                "form": form,
                "lessons": course.lessons.all() if course else [],
                "questions": course.questions.prefetch_related("choices") if course else [],
                "question_form": question_form or QuestionForm(),
            },
            status=status,
        )

    def get(self, request, pk=None):
        course = get_object_or_404(Course, pk=pk) if pk else None
        return self.page(request, course, CourseForm(instance=course))

    def post(self, request, pk=None):
        course = get_object_or_404(Course, pk=pk) if pk else None
        form = CourseForm(request.POST, instance=course)
        if not form.is_valid():
            return self.page(request, course, form, status=400)
        course = form.save()
        messages.success(request, _("%(title)s saved.") % {"title": course.title})
        return redirect("classroom_dashboard:course-edit", pk=course.pk)


class LessonFormView(AtomicWritesMixin, OperatorOnlyMixin, View):
    def page(self, request, course, lesson, form, picture_form=None, status=200):
        return render(
            request,
            "classroom/dashboard/lesson_form.html",
            {
                "course": course,
                "lesson": lesson,
                "form": form,
                "pictures": lesson.pictures.all() if lesson else [],
                "picture_form": picture_form or PictureForm(),
            },
            status=status,
        )

    def objects(self, course_pk, pk):
        course = get_object_or_404(Course, pk=course_pk)
        lesson = get_object_or_404(Lesson, pk=pk, course=course) if pk else None
        return course, lesson

    def get(self, request, course_pk, pk=None):
        course, lesson = self.objects(course_pk, pk)
        return self.page(request, course, lesson, LessonForm(instance=lesson, course=course))

    def post(self, request, course_pk, pk=None):
        course, lesson = self.objects(course_pk, pk)
        form = LessonForm(request.POST, instance=lesson, course=course)
        if not form.is_valid():
            return self.page(request, course, lesson, form, status=400)
        lesson = form.save(commit=False)
        lesson.course = course
        if lesson.pk is None:
            lesson.position = next_lesson_position(course=course)
        lesson.save()
        messages.success(request, _("%(title)s saved.") % {"title": lesson.title})
        return redirect("classroom_dashboard:lesson-edit", course_pk=course.pk, pk=lesson.pk)


class LessonMoveView(OperatorOnlyMixin, View):
    def post(self, request, pk):
        lesson = get_object_or_404(Lesson, pk=pk)
        lesson_move(lesson=lesson, step=-1 if request.POST.get("direction") == "up" else 1)
        return redirect("classroom_dashboard:course-edit", pk=lesson.course_id)


class LessonPublishView(OperatorOnlyMixin, View):
    def post(self, request, pk):
        lesson = get_object_or_404(Lesson, pk=pk)
        Lesson.objects.filter(pk=pk).update(is_published=request.POST.get("publish") == "1")
        return redirect("classroom_dashboard:course-edit", pk=lesson.course_id)


class LessonPictureView(AtomicWritesMixin, OperatorOnlyMixin, View):
    def post(self, request, pk):
        lesson = get_object_or_404(Lesson.objects.select_related("course"), pk=pk)
        form = PictureForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                picture = lesson_picture_add(
                    lesson=lesson,
                    upload=form.cleaned_data["image"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as error:
                form.add_error("image", error)
            else:
                messages.success(
                    request,
                    _("Picture saved. Write %(markdown)s in the text where it goes.")
                    % {"markdown": picture.markdown},
                )
                return redirect(
                    "classroom_dashboard:lesson-edit", course_pk=lesson.course_id, pk=lesson.pk
                )
        return LessonFormView().page(
            request,
            lesson.course,
            lesson,
            LessonForm(instance=lesson, course=lesson.course),
            picture_form=form,
            status=400,
        )


class QuestionAddView(AtomicWritesMixin, OperatorOnlyMixin, View):
    def post(self, request, pk):
        course = get_object_or_404(Course, pk=pk)
        form = QuestionForm(request.POST)
        if not form.is_valid():
            return CourseFormView().page(
                request, course, CourseForm(instance=course), question_form=form, status=400
            )
        question_add(
            course=course,
            text=form.cleaned_data["text"],
            choices=form.cleaned_data["choices"],
            right=form.cleaned_data["right_index"],
        )
        messages.success(request, _("Question added."))
        return redirect("classroom_dashboard:course-edit", pk=course.pk)


class QuestionDeleteView(OperatorOnlyMixin, View):
    def post(self, request, pk):
        question = get_object_or_404(Question, pk=pk)
        question.delete()
        messages.success(request, _("Question removed."))
        return redirect("classroom_dashboard:course-edit", pk=question.course_id)


class LiveSessionListView(AtomicWritesMixin, OperatorOnlyMixin, View):
    """Sessions to come (and the last ones held), and a form for a new one."""

    def page(self, request, form, status=200):
        now = timezone.now()
        return render(
            request,
            "classroom/dashboard/session_list.html",
            {
                "upcoming": LiveSession.objects.filter(ends_at__gt=now),
                "past": LiveSession.objects.filter(ends_at__lte=now).order_by("-starts_at")[:10],
                "form": form,
            },
            status=status,
        )

    def get(self, request):
        return self.page(request, LiveSessionForm())

    def post(self, request):
        form = LiveSessionForm(request.POST)
        if not form.is_valid():
            return self.page(request, form, status=400)
        form.save()
        messages.success(request, _("Session announced."))
        return redirect("classroom_dashboard:sessions")


class LiveSessionEditView(AtomicWritesMixin, OperatorOnlyMixin, View):
    def page(self, request, session, form, status=200):
        return render(
            request,
            "classroom/dashboard/session_form.html",
            {"session": session, "form": form},
            status=status,
        )

    def get(self, request, pk):
        session = get_object_or_404(LiveSession, pk=pk)
        return self.page(request, session, LiveSessionForm(instance=session))

    def post(self, request, pk):
        session = get_object_or_404(LiveSession, pk=pk)
        if "delete" in request.POST:
            session.delete()
            messages.success(request, _("Session removed."))
            return redirect("classroom_dashboard:sessions")
        form = LiveSessionForm(request.POST, instance=session)
        if not form.is_valid():
            return self.page(request, session, form, status=400)
        form.save()
        messages.success(request, _("Session saved."))
        return redirect("classroom_dashboard:sessions")
