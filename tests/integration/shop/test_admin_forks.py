"""Forking an Oscar app keeps what Oscar registers in the admin."""

import pytest
from django.contrib import admin
from oscar.core.loading import get_model


@pytest.mark.parametrize(
    "app_label, model_name",
    [
        ("basket", "Basket"),
        ("basket", "Line"),
        ("offer", "ConditionalOffer"),
        ("offer", "Range"),
        ("partner", "StockRecord"),
        ("catalogue", "Product"),
    ],
)
def test_forked_oscar_apps_keep_their_admin(app_label, model_name):
    assert admin.site.is_registered(get_model(app_label, model_name))
