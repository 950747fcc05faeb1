"""The classroom's public pages: courses, a course, a lesson (and its PDF), and, for the
signed-in member, marking a lesson read and the course's check. No script needed."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from shop.classroom import selectors
from shop.classroom.exceptions import ClassroomRefused
from shop.classroom.forms import CheckForm
from shop.classroom.lesson_text import lesson_html
from shop.classroom.pdf import lesson_pdf_render
from shop.classroom.services import check_submit, lesson_mark_read
from shop.core.transactions import AtomicWritesMixin

LIVE_SESSIONS_SHOWN = 10


class CourseMixin:
    def course_get(self, request, course_slug):
        course = selectors.course_for_reader(slug=course_slug, user=request.user)
        if course is None:
            raise Http404(_("No such course."))
        return course


class CourseListView(View):
    def get(self, request):
        courses = list(selectors.published_courses())
        read = selectors.read_counts(user=request.user)
        completed = selectors.completed_course_ids(user=request.user)
        for course in courses:
            course.read_count = read.get(course.pk, 0)
            course.is_completed = course.pk in completed
        return render(
            request,
            "classroom/course_list.html",
            {
                "courses": courses,
                "live_sessions": selectors.upcoming_live_sessions(now=timezone.now())[
                    :LIVE_SESSIONS_SHOWN
                ],
            },
        )


class CourseView(CourseMixin, View):
    def get(self, request, course_slug):
        course = self.course_get(request, course_slug)
        lessons = selectors.course_lessons(course=course)
        read_ids = selectors.read_lesson_ids(user=request.user, course=course)
        completed = course.pk in selectors.completed_course_ids(user=request.user)
        return render(
            request,
            "classroom/course.html",
            {
                "course": course,
                "lessons": lessons,
                "read_ids": read_ids,
                "progress": selectors.course_progress(
                    lessons=lessons, read_ids=read_ids, completed=completed
                ),
                "live_sessions": selectors.upcoming_live_sessions(now=timezone.now()).filter(
                    course=course
                ),
            },
        )


class LessonMixin(CourseMixin):
    def lesson_get(self, request, course_slug, lesson_slug):
        course = self.course_get(request, course_slug)
        lesson = selectors.lesson_with_pictures(course=course, slug=lesson_slug, user=request.user)
        if lesson is None:
            raise Http404(_("No such lesson."))
        lesson.course = course
        return course, lesson


class LessonView(LessonMixin, View):
    def get(self, request, course_slug, lesson_slug):
        course, lesson = self.lesson_get(request, course_slug, lesson_slug)
        lessons = selectors.course_lessons(course=course)
        index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
        pictures = {picture.pk: picture for picture in lesson.pictures.all()}
        return render(
            request,
            "classroom/lesson.html",
            {
                "course": course,
                "lesson": lesson,
                "body": lesson_html(
                    body=lesson.body,
                    pictures=pictures,
                    picture_source=lambda picture: picture.image.url,
                ),
                "number": index + 1 if index is not None else None,
                "lesson_count": len(lessons),
                "previous": lessons[index - 1] if index else None,
                "next": lessons[index + 1]
                if index is not None and index + 1 < len(lessons)
                else None,
                "is_read": lesson.pk in selectors.read_lesson_ids(user=request.user, course=course),
            },
        )


class LessonPdfView(LessonMixin, View):
    def get(self, request, course_slug, lesson_slug):
        _course, lesson = self.lesson_get(request, course_slug, lesson_slug)
        response = HttpResponse(lesson_pdf_render(lesson=lesson), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{lesson.slug}.pdf"'
        return response


class LessonReadView(AtomicWritesMixin, LoginRequiredMixin, LessonMixin, View):
    def post(self, request, course_slug, lesson_slug):
        course, lesson = self.lesson_get(request, course_slug, lesson_slug)
        lesson_mark_read(user=request.user, lesson=lesson)
        lessons = selectors.course_lessons(course=course)
        following = [item for item in lessons if item.position > lesson.position]
        if following:
            return redirect("classroom:lesson", course.slug, following[0].slug)
        return redirect("classroom:course", course.slug)


class CheckView(AtomicWritesMixin, LoginRequiredMixin, CourseMixin, View):
    def page(self, request, course, form, status=200):
        return render(
            request, "classroom/check.html", {"course": course, "form": form}, status=status
        )

    def get(self, request, course_slug):
        course = self.course_get(request, course_slug)
        return self.page(
            request, course, CheckForm(questions=selectors.check_questions(course=course))
        )

    def post(self, request, course_slug):
        course = self.course_get(request, course_slug)
        form = CheckForm(request.POST, questions=selectors.check_questions(course=course))
        if form.is_valid():
            try:
                attempt = check_submit(user=request.user, course=course, answers=form.answers())
            except ClassroomRefused as error:
                form.add_error(None, error)
            else:
                return redirect("classroom:check-result", course.slug, attempt.pk)
        return self.page(request, course, form, status=400)


class CheckResultView(LoginRequiredMixin, CourseMixin, View):
    """The member's own answer sheet; anyone else's is a 404."""

    def get(self, request, course_slug, pk):
        course = self.course_get(request, course_slug)
        attempt = selectors.user_attempt(user=request.user, course=course, pk=pk)
        if attempt is None:
            raise Http404
        questions = selectors.check_questions(course=course)
        marked = []
        for question in questions:
            chosen = attempt.answers.get(str(question.pk))
            right = next((c for c in question.choices.all() if c.is_correct), None)
            marked.append((question, chosen == getattr(right, "pk", None)))
        return render(
            request,
            "classroom/check_result.html",
            {"course": course, "attempt": attempt, "marked": marked},
        )
