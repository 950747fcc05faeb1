from django import forms
from django.utils.translation import gettext_lazy as _

from shop.classroom.models import Course, Lesson, LiveSession

ANSWERS_PER_QUESTION = 4
# /aprende/<course>/prueba/ is the course's check.
RESERVED_LESSON_SLUGS = {"prueba"}


class CheckForm(forms.Form):
    """One radio group per question of the course's check."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=[(choice.pk, choice.text) for choice in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def answers(self) -> dict[int, int]:
        return {question.pk: self.cleaned_data[f"q{question.pk}"] for question in self.questions}


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = ["title", "slug", "summary", "position", "pass_mark", "is_published"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class LessonForm(forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["title", "slug", "body", "is_published"]
        widgets = {"body": forms.Textarea(attrs={"rows": 24})}

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        taken = Lesson.objects.filter(course=self.course, slug=slug).exclude(pk=self.instance.pk)
        if slug in RESERVED_LESSON_SLUGS:
            raise forms.ValidationError(_("This address is taken by the course's check."))
        if taken.exists():
            raise forms.ValidationError(_("Another lesson of this course has this address."))
        return slug


class PictureForm(forms.Form):
    image = forms.ImageField(
        label=_("Picture"), help_text=_("PNG, JPEG, WebP or GIF, at most 2 MB.")
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=200,
        help_text=_("What it shows, for those who cannot see it."),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=300)
    answer_1 = forms.CharField(label=_("Answer 1"), max_length=200)
    answer_2 = forms.CharField(label=_("Answer 2"), max_length=200)
    answer_3 = forms.CharField(label=_("Answer 3"), max_length=200, required=False)
    answer_4 = forms.CharField(label=_("Answer 4"), max_length=200, required=False)
    right = forms.TypedChoiceField(
        label=_("The right answer"),
        choices=[(index, str(index + 1)) for index in range(ANSWERS_PER_QUESTION)],
        coerce=int,
    )

    def clean(self):
        data = super().clean()
        answers = [data.get(f"answer_{index + 1}", "") for index in range(ANSWERS_PER_QUESTION)]
        right = data.get("right")
        if right is not None and not answers[right]:
            self.add_error("right", _("The right answer must be one of those written."))
        data["choices"] = [answer for answer in answers if answer]
        if right is not None and answers[right]:
            data["right_index"] = data["choices"].index(answers[right])
        return data


class LiveSessionForm(forms.ModelForm):
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = LiveSession
        fields = ["title", "description", "starts_at", "ends_at", "place", "link", "course"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("It must end after it starts."))
        if not data.get("place") and not data.get("link"):
            self.add_error("place", _("Give the place, the link, or both."))
        return data
