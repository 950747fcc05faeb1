"""Hostile pictures on every upload (a product's picture, the store's logo, an
application's logo): a clear Spanish message, and nothing saved, not even a file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from tests.factories import PartnerFactory, UserFactory
from tests.functional.vendors.hostile_files import HOSTILE_PICTURES
from tests.functional.vendors.test_vendor_dashboard import profile_data
from vendors.models import MembershipRole, Vendor

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")

HOSTILE = pytest.mark.parametrize(
    "name, content, message", HOSTILE_PICTURES.values(), ids=HOSTILE_PICTURES.keys()
)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def files_in(folder) -> list:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@pytest.fixture
def owner_client(client, db):
    partner = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)
    return client


@HOSTILE
def test_a_hostile_product_picture_is_refused_and_nothing_is_saved(
    owner_client, media, name, content, message
):
    response = owner_client.post(
        "/vendedor/guayabita/productos/nuevo/",
        {
            "title": "Miel",
            "price": "100",
            "stock": "3",
            "image": SimpleUploadedFile(name, content, content_type="image/png"),
        },
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Product.objects.count(), ProductImage.objects.count()) == (0, 0)
    assert files_in(media) == []


@HOSTILE
def test_a_hostile_store_logo_is_refused_and_nothing_is_saved(
    owner_client, media, name, content, message
):
    before = Vendor.objects.values_list("logo", "description", "phone").get()

    response = owner_client.post(
        "/vendedor/guayabita/perfil/",
        {**profile_data(), "logo": SimpleUploadedFile(name, content, content_type="image/png")},
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Vendor.objects.values_list("logo", "description", "phone").get() == before
    assert files_in(media) == []


@HOSTILE
def test_a_hostile_logo_in_an_application_is_refused_and_nothing_is_saved(
    client, application_data, media, name, content, message, django_user_model
):
    response = client.post(
        "/vende/",
        {**application_data, "logo": SimpleUploadedFile(name, content, content_type="image/png")},
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Vendor.objects.count(), django_user_model.objects.count()) == (0, 0)
    assert files_in(media) == []
