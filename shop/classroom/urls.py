from django.urls import path

from shop.classroom import views

app_name = "classroom"

urlpatterns = [
    path("", views.CourseListView.as_view(), name="courses"),
    path("<slug:course_slug>/", views.CourseView.as_view(), name="course"),
    path("<slug:course_slug>/prueba/", views.CheckView.as_view(), name="check"),
    path(
        "<slug:course_slug>/prueba/<int:pk>/",
        views.CheckResultView.as_view(),
        name="check-result",
    ),
    path("<slug:course_slug>/<slug:lesson_slug>/", views.LessonView.as_view(), name="lesson"),
    path(
        "<slug:course_slug>/<slug:lesson_slug>/pdf/",
        views.LessonPdfView.as_view(),
        name="lesson-pdf",
    ),
    path(
        "<slug:course_slug>/<slug:lesson_slug>/leida/",
        views.LessonReadView.as_view(),
        name="lesson-read",
    ),
]
