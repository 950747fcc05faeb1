import pytest
from django.core.exceptions import ImproperlyConfigured

from shop.settings.environment import s3_public_url_options


def test_public_pictures_are_addressed_by_the_public_url_not_the_endpoint():
    assert s3_public_url_options("https://media.encadena.cu/") == {
        "custom_domain": "media.encadena.cu",
        "url_protocol": "https:",
    }
    assert s3_public_url_options("http://objects.example:9000/encadena-media") == {
        "custom_domain": "objects.example:9000/encadena-media",
        "url_protocol": "http:",
    }
    assert s3_public_url_options("") == {}


@pytest.mark.parametrize(
    "url", ["media.encadena.cu", "ftp://media.encadena.cu", "https://m.cu/?a=1"]
)
def test_a_public_url_browsers_cannot_use_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="STORAGE_S3_MEDIA_PUBLIC_URL"):
        s3_public_url_options(url)
