import copy

from django.conf import settings
from django.test import override_settings

from shop.core.checks import template_libraries_check


def test_the_two_libraries_replaced_on_purpose_raise_no_warning():
    assert template_libraries_check() == []


def test_any_other_library_name_used_twice_is_still_reported():
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["libraries"]["i18n"] = "shop.core.templatetags.links"

    with override_settings(TEMPLATES=templates):
        warnings = template_libraries_check()

    assert [(warning.id, warning.msg) for warning in warnings] == [
        (
            "shop.W001",
            "'i18n' is used for multiple template tag modules: "
            "django.templatetags.i18n, shop.core.templatetags.links",
        )
    ]
