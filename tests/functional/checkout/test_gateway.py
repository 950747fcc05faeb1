"""The first checkout step: a guest goes on without a password (the field is not
`required` in the page, so a browser without scripts lets the form through), and a
returning customer still signs in there."""

import re

import pytest
from django.urls import reverse

from tests.factories import ProductFactory, UserFactory
from tests.factories.users import PASSWORD
from tests.functional.checkout.flow import basket_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def basket_client(client):
    basket_add(client, ProductFactory())
    return client


def test_the_password_field_is_not_required_in_the_page(basket_client):
    page = basket_client.get(reverse("checkout:index")).content.decode()

    [password] = re.findall(r'<input[^>]*name="password"[^>]*>', page)
    assert " required" not in password
    assert "¿Quién es usted?" in page


def test_a_guest_goes_on_with_an_email_only(basket_client):
    response = basket_client.post(
        reverse("checkout:index"),
        {"username": "ana@example.test", "options": "anonymous", "password": ""},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:shipping-address")
    assert "_auth_user_id" not in basket_client.session


def test_a_returning_customer_signs_in_at_the_gateway(basket_client):
    user = UserFactory(email="carlos@example.test")

    response = basket_client.post(
        reverse("checkout:index"),
        {"username": "carlos@example.test", "options": "existing", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:shipping-address")
    assert basket_client.session["_auth_user_id"] == str(user.pk)


def test_a_returning_customer_without_a_password_is_asked_for_it(basket_client):
    UserFactory(email="carlos@example.test")

    response = basket_client.post(
        reverse("checkout:index"),
        {"username": "carlos@example.test", "options": "existing", "password": ""},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "password": ["Escriba su contraseña para iniciar sesión, o elija comprar como invitado."]
    }
    assert "_auth_user_id" not in basket_client.session


def test_a_wrong_password_is_still_refused(basket_client):
    UserFactory(email="carlos@example.test")

    response = basket_client.post(
        reverse("checkout:index"),
        {"username": "carlos@example.test", "options": "existing", "password": "nope"},
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in basket_client.session
