"""Product moderation: with PRODUCT_REVIEW_FIRST_PRODUCTS a new store's first products wait
"en revisión" (not public, not on the product page, not in the search index, and the store
cannot publish them) until an operator approves them; an operator removes a product with a
reason the store reads on its product list and by e-mail; the page is 404 to anyone else."""

import pytest
from django.core import mail
from django.test import Client
from oscar.core.loading import get_model

from shop.apps.search.models import ProductSearchDocument
from tests.clients import client_for
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from vendors.models import MembershipRole, ProductModeration, ProductModerationStatus

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

PAGE = "/dashboard/actores/productos/"


@pytest.fixture
def new_store():
    partner = PartnerFactory(name="Tienda Nueva", code="tienda-nueva")
    owner = UserFactory(email="duena@example.test")
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    return partner, client_for(owner)


def created(client, title) -> Product:
    client.post(
        "/vendedor/tienda-nueva/productos/nuevo/",
        {"title": title, "price": "100.00", "stock": "5", "is_public": "on"},
    )
    return Product.objects.get(title=title)


def test_a_new_stores_first_products_wait_for_an_operator(
    new_store, settings, django_capture_on_commit_callbacks
):
    settings.PRODUCT_REVIEW_FIRST_PRODUCTS = 1
    partner, owner = new_store
    operator = client_for(UserFactory(is_staff=True, is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        waiting = created(owner, "Miel de abejas")
        free = created(owner, "Cera")

    assert (waiting.is_public, free.is_public) == (False, True)
    assert Client().get(waiting.get_absolute_url()).status_code == 404
    assert list(ProductSearchDocument.objects.values_list("product_id", flat=True)) == [free.pk]
    owner.post(f"/vendedor/tienda-nueva/productos/{waiting.pk}/publicar/", {"publish": "1"})
    assert Product.objects.get(pk=waiting.pk).is_public is False
    assert "En revisión" in owner.get("/vendedor/tienda-nueva/productos/").content.decode()
    assert "Miel de abejas" in operator.get(PAGE).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        operator.post(PAGE, {"product": waiting.pk, "action": "approve"})

    assert Product.objects.get(pk=waiting.pk).is_public is True
    assert ProductSearchDocument.objects.filter(product=waiting).exists()
    assert Client().get(waiting.get_absolute_url()).status_code == 200
    assert ProductModeration.objects.get().status == ProductModerationStatus.APPROVED


def test_an_operator_removes_a_product_with_a_reason_the_store_reads(
    new_store, django_capture_on_commit_callbacks
):
    partner, owner = new_store
    product = ProductFactory(title="Aceite sin etiqueta", stockrecord__partner=partner)
    operator = client_for(UserFactory(is_staff=True, is_superuser=True))
    assert "Aceite sin etiqueta" in operator.get(PAGE, {"q": "aceite"}).content.decode()

    operator.post(PAGE, {"product": product.pk, "action": "remove", "reason": "  "})
    assert Product.objects.get(pk=product.pk).is_public is True
    with django_capture_on_commit_callbacks(execute=True):
        operator.post(
            PAGE, {"product": product.pk, "action": "remove", "reason": "Falta el registro."}
        )

    assert Product.objects.get(pk=product.pk).is_public is False
    assert not ProductSearchDocument.objects.filter(product=product).exists()
    (notice,) = mail.outbox
    assert "duena@example.test" in notice.to and "Falta el registro." in notice.body
    page = owner.get("/vendedor/tienda-nueva/productos/").content.decode()
    assert "Retirado por un operador" in page and "Falta el registro." in page
    owner.post(f"/vendedor/tienda-nueva/productos/{product.pk}/publicar/", {"publish": "1"})
    assert Product.objects.get(pk=product.pk).is_public is False


def test_the_moderation_page_is_404_to_anyone_but_operators(new_store):
    partner, owner = new_store
    product = ProductFactory(stockrecord__partner=partner)
    for client in (Client(), client_for(UserFactory()), owner):
        assert client.get(PAGE).status_code == 404
        response = client.post(PAGE, {"product": product.pk, "action": "remove", "reason": "x"})
        assert response.status_code == 404
    assert Product.objects.get(pk=product.pk).is_public is True
