from django.db import migrations

from shop.classroom.first_course import first_course_install


def install(apps, schema_editor):
    first_course_install(
        course_model=apps.get_model("classroom", "Course"),
        lesson_model=apps.get_model("classroom", "Lesson"),
        question_model=apps.get_model("classroom", "Question"),
        choice_model=apps.get_model("classroom", "Choice"),
    )


class Migration(migrations.Migration):
    dependencies = [("classroom", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
