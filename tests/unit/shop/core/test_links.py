import pytest
from django.core.exceptions import ImproperlyConfigured

from shop.core.links import absolute_url
from shop.settings.environment import env_site_url


def test_links_start_with_the_public_address(settings):
    settings.SITE_URL = "https://encadena.example"

    assert absolute_url("/seguimiento/ENC-1/") == "https://encadena.example/seguimiento/ENC-1/"
    assert absolute_url() == "https://encadena.example"


def test_a_path_without_its_leading_slash_is_a_mistake():
    with pytest.raises(ValueError):
        absolute_url("seguimiento/")


@pytest.mark.parametrize(
    ("raw", "seen"),
    [
        ("https://encadena.cu/", "https://encadena.cu"),
        ("http://127.0.0.1:8011", "http://127.0.0.1:8011"),
    ],
)
def test_the_setting_is_an_address_without_a_trailing_slash(monkeypatch, raw, seen):
    monkeypatch.setenv("SITE_URL", raw)

    assert env_site_url("SITE_URL", "http://127.0.0.1:8000") == seen


@pytest.mark.parametrize("raw", ["encadena.cu", "ftp://encadena.cu", "https://encadena.cu/shop"])
def test_anything_else_refuses_to_start(monkeypatch, raw):
    monkeypatch.setenv("SITE_URL", raw)

    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        env_site_url("SITE_URL", "http://127.0.0.1:8000")
