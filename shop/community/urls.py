from django.urls import path

from shop.community import views

app_name = "community"

urlpatterns = [
    path("", views.BoardView.as_view(), name="board"),
    path("normas/", views.CodeOfConductView.as_view(), name="code-of-conduct"),
    path("seguir/", views.FollowingView.as_view(), name="following"),
    path("nueva/", views.PostCreateView.as_view(), name="create"),
    path("<int:pk>/", views.PostDetailView.as_view(), name="detail"),
    path("<int:pk>/responder/", views.ReplyCreateView.as_view(), name="reply"),
    path("<int:pk>/denunciar/", views.ReportView.as_view(), name="report"),
    path("<int:pk>/respuestas/<int:reply_id>/util/", views.UsefulView.as_view(), name="useful"),
    path("<int:pk>/respuestas/<int:reply_id>/aceptar/", views.AcceptView.as_view(), name="accept"),
    path(
        "<int:pk>/respuestas/<int:reply_id>/denunciar/",
        views.ReportView.as_view(),
        name="report-reply",
    ),
]
