"""The first course every new store is asked to take ("Primeros pasos"): "Vender en
Encadena", six lessons and its check, installed by a data migration and editable by
operators afterwards. `first_course_install` takes the models, so the migration can pass
its historical ones."""

from shop.classroom.first_course.lessons import COURSE, LESSONS, QUESTIONS


def first_course_install(*, course_model, lesson_model, question_model, choice_model) -> bool:
    """Create the course unless a course with its address exists; True when created."""
    if course_model.objects.filter(slug=COURSE["slug"]).exists():
        return False
    course = course_model.objects.create(**COURSE)
    for position, (slug, title, body) in enumerate(LESSONS, start=1):
        lesson_model.objects.create(
            course=course, slug=slug, title=title, body=body.strip() + "\n", position=position
        )
    for position, (text, choices, right) in enumerate(QUESTIONS, start=1):
        question = question_model.objects.create(course=course, text=text, position=position)
        for index, choice in enumerate(choices):
            choice_model.objects.create(question=question, text=choice, is_correct=index == right)
    return True
