from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClassroomConfig(AppConfig):
    """The vendors' classroom: courses of short lessons written by operators, each
    member's progress and end-of-course check, and the live sessions announced."""

    name = "shop.classroom"
    label = "classroom"
    verbose_name = _("Classroom")
