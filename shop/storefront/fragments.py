"""Fragments of the pages that are the same for everyone, cached for 300 seconds by the
templates that show them ({% cache 300 name LANGUAGE_CODE %}) and forgotten as soon as
what they show changes; the timeout bounds a change made without a signal (a bulk
update)."""

import functools

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

MENU_CATEGORIES = "menu_categories"  # the top categories in the main menu
CHECKOUT_PAGES = "checkout_pages"  # the pages (flatpages under /order/) checkout shows


def fragment_forget(name: str) -> None:
    cache.delete_many(
        [make_template_fragment_key(name, [code]) for code, _language in settings.LANGUAGES]
    )


def _forget(name: str, sender, **kwargs) -> None:
    fragment_forget(name)


def connect() -> None:
    from django.contrib.flatpages.models import FlatPage

    changes = (
        (get_model("catalogue", "Category"), MENU_CATEGORIES),
        (FlatPage, CHECKOUT_PAGES),
        (FlatPage.sites.through, CHECKOUT_PAGES),
    )
    for model, name in changes:
        signals = (m2m_changed,) if model is FlatPage.sites.through else (post_save, post_delete)
        for signal in signals:
            signal.connect(
                functools.partial(_forget, name),
                sender=model,
                weak=False,
                dispatch_uid=f"fragments.{name}.{model.__name__}.{id(signal)}",
            )
