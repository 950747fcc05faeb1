from django import template

from shop.classroom.selectors import store_completed_courses

register = template.Library()


@register.inclusion_tag("classroom/partials/store_courses.html")
def store_courses(vendor) -> dict:
    """ "Curso completado: …" for each course a member of the store completed."""
    return {"courses": store_completed_courses(vendor=vendor)}
