from django.urls import path

from shop.classroom.dashboard import operators

app_name = "classroom_dashboard"

# The operators' pages, under /dashboard/aula/.
urlpatterns = [
    path("", operators.CourseListView.as_view(), name="courses"),
    path("cursos/nuevo/", operators.CourseFormView.as_view(), name="course-create"),
    path("cursos/<int:pk>/", operators.CourseFormView.as_view(), name="course-edit"),
    path("cursos/<int:pk>/preguntas/", operators.QuestionAddView.as_view(), name="question-add"),
    path(
        "cursos/<int:course_pk>/lecciones/nueva/",
        operators.LessonFormView.as_view(),
        name="lesson-create",
    ),
    path(
        "cursos/<int:course_pk>/lecciones/<int:pk>/",
        operators.LessonFormView.as_view(),
        name="lesson-edit",
    ),
    path("lecciones/<int:pk>/mover/", operators.LessonMoveView.as_view(), name="lesson-move"),
    path(
        "lecciones/<int:pk>/publicar/",
        operators.LessonPublishView.as_view(),
        name="lesson-publish",
    ),
    path("lecciones/<int:pk>/fotos/", operators.LessonPictureView.as_view(), name="lesson-picture"),
    path(
        "preguntas/<int:pk>/borrar/",
        operators.QuestionDeleteView.as_view(),
        name="question-delete",
    ),
    path("sesiones/", operators.LiveSessionListView.as_view(), name="sessions"),
    path("sesiones/<int:pk>/", operators.LiveSessionEditView.as_view(), name="session-edit"),
]
