"""Password guessing: every login form stops an account after 10 failures from anywhere,
and an address after 30 for any accounts, saying when to try again."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.accounts import operator_create
from tests.factories.callcenter import agent_create
from tests.factories.users import PASSWORD
from tests.functional.checkout.flow import basket_add

pytestmark = pytest.mark.django_db

WRONG = "not-the-password"


def address(number: int) -> str:
    return f"203.0.113.{number}"


def customer_login(client, email, password, *, remote, path="/accounts/login/"):
    return client.post(
        path,
        {"login-username": email, "login-password": password, "login_submit": "Iniciar sesión"},
        REMOTE_ADDR=remote,
    )


def checkout_login(client, email, password, *, remote):
    return client.post(
        "/checkout/",
        {"username": email, "password": password, "options": "existing"},
        REMOTE_ADDR=remote,
    )


def dashboard_login(client, email, password, *, remote):
    return client.post(
        "/dashboard/login/", {"username": email, "password": password}, REMOTE_ADDR=remote
    )


def admin_login(client, email, password, *, remote):
    return client.post(
        "/admin/login/?next=/admin/", {"username": email, "password": password}, REMOTE_ADDR=remote
    )


def english_login(client, email, password, *, remote):
    return customer_login(client, email, password, remote=remote, path="/en/accounts/login/")


LOGIN_FORMS = {
    "shoppers-vendors-agents": customer_login,
    "checkout-returning-customer": checkout_login,
    "dashboard": dashboard_login,
    "admin": admin_login,
}


def lock_account(client, email, *, form=customer_login):
    """Ten wrong passwords for the account, each from another address."""
    for n in range(1, 11):
        form(client, email, WRONG, remote=address(n))


def lock_address(client, remote):
    """Thirty wrong passwords from one address, each for another account."""
    for n in range(30):
        customer_login(client, f"someone{n}@example.test", WRONG, remote=remote)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def basket_client(client, db):
    """The checkout's first step needs something in the basket."""
    product = ProductFactory(
        stockrecord__partner=PartnerFactory(name="Miel del Valle"), stockrecord__num_in_stock=5
    )
    basket_add(client, product)
    return client


def local_today_at(hour, minute):
    """Today (by the clock) at a given local time: a lockout's wording depends on whether it
    ends the same day, so the tests choose the time of day rather than inherit it."""
    return timezone.localtime().replace(hour=hour, minute=minute, second=0, microsecond=0)


@pytest.fixture
def frozen_now():
    with time_machine.travel(local_today_at(10, 0), tick=False) as traveller:
        yield traveller


@pytest.fixture
def frozen_late_evening():
    with time_machine.travel(local_today_at(23, 55), tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize("form", LOGIN_FORMS.values(), ids=LOGIN_FORMS.keys())
def test_every_login_form_refuses_the_eleventh_attempt_for_an_account_from_any_address(
    basket_client, form, frozen_now
):
    operator = operator_create(email="operadora@example.test")

    answers = [
        form(basket_client, operator.email, WRONG, remote=address(n)).status_code
        for n in range(1, 11)
    ]
    eleventh = form(basket_client, operator.email, PASSWORD, remote=address(11))

    assert answers[:9] == [200] * 9  # the form again, with its error
    assert answers[9] == 429  # the tenth failure locks the account and says so
    assert eleventh.status_code == 429
    assert "Demasiados intentos fallidos" in eleventh.content.decode()
    assert not logged_in(basket_client)


def test_the_lockout_says_in_spanish_when_to_try_again(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    lock_account(client, buyer.email)

    response = customer_login(client, buyer.email, PASSWORD, remote=address(99))

    again = timezone.localtime(timezone.now() + timedelta(minutes=15)).strftime("%H:%M")
    page = response.content.decode()
    assert response.status_code == 429
    assert f"Vuelva a intentarlo a las {again} (dentro de 15 minutos)." in page
    assert response["Retry-After"] == "900"
    assert 'href="/password-reset/"' in page


def test_under_en_the_lockout_is_in_english(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    lock_account(client, buyer.email, form=english_login)

    response = english_login(client, buyer.email, PASSWORD, remote=address(99))

    again = timezone.localtime(timezone.now() + timedelta(minutes=15)).strftime("%H:%M")
    assert response.status_code == 429
    assert f"Try again at {again} (in 15 minutes)." in response.content.decode()


@pytest.mark.parametrize(
    "form, wording",
    [
        (customer_login, "Vuelva a intentarlo el {t:%d/%m/%Y} 00:10 (dentro de 15 minutos)."),
        (english_login, "Try again on {t:%m/%d/%Y} 12:10 a.m. (in 15 minutes)."),
    ],
    ids=["es", "en"],
)
def test_a_lockout_ending_after_midnight_gives_the_date_too(
    client, frozen_late_evening, form, wording
):
    buyer = UserFactory(email="ana@example.test")
    lock_account(client, buyer.email, form=form)

    response = form(client, buyer.email, PASSWORD, remote=address(99))

    until = timezone.localtime(timezone.now() + timedelta(minutes=15))
    page = response.content.decode()
    assert response.status_code == 429
    assert until.date() == timezone.localdate() + timedelta(days=1)
    assert wording.format(t=until) in page


def test_the_account_is_one_however_its_email_is_typed(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    spellings = ["ana@example.test", "ANA@example.test", "Ana@Example.Test", " ana@EXAMPLE.test"]
    for n in range(10):
        customer_login(client, spellings[n % len(spellings)], WRONG, remote=address(n))

    response = customer_login(client, buyer.email, PASSWORD, remote=address(50))

    assert response.status_code == 429


def test_the_admin_login_by_username_counts_against_the_same_account(client, frozen_now):
    operator = operator_create(username="operadora", email="operadora@example.test")
    for n in range(5):
        admin_login(client, "operadora", WRONG, remote=address(n))
    for n in range(5, 10):
        customer_login(client, operator.email, WRONG, remote=address(n))

    response = admin_login(client, "operadora", PASSWORD, remote=address(60))

    assert response.status_code == 429


def test_the_lockout_ends_after_fifteen_minutes(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    lock_account(client, buyer.email)

    frozen_now.shift(timedelta(minutes=14, seconds=59))
    assert customer_login(client, buyer.email, PASSWORD, remote=address(20)).status_code == 429
    frozen_now.shift(timedelta(seconds=2))
    response = customer_login(client, buyer.email, PASSWORD, remote=address(20))

    assert response.status_code == 302
    assert logged_in(client)


def test_attempts_refused_during_a_lockout_do_not_make_it_longer(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    lock_account(client, buyer.email)
    for minute in range(14):
        frozen_now.shift(timedelta(minutes=1))
        customer_login(client, buyer.email, WRONG, remote=address(30 + minute))

    frozen_now.shift(timedelta(minutes=1, seconds=1))
    response = customer_login(client, buyer.email, PASSWORD, remote=address(99))

    assert response.status_code == 302


def test_one_address_is_stopped_after_thirty_failures_for_any_accounts(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    lock_address(client, address(7))

    from_there = customer_login(client, buyer.email, PASSWORD, remote=address(7))
    from_elsewhere = customer_login(client, buyer.email, PASSWORD, remote=address(8))

    assert from_there.status_code == 429
    assert "Demasiados intentos fallidos" in from_there.content.decode()
    assert from_elsewhere.status_code == 302


def test_twenty_nine_failures_from_one_address_still_let_a_right_password_in(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    for n in range(29):
        customer_login(client, f"someone{n}@example.test", WRONG, remote=address(7))

    assert customer_login(client, buyer.email, PASSWORD, remote=address(7)).status_code == 302


def test_registering_still_logs_the_new_account_in(client):
    response = client.post(
        "/accounts/login/",
        {
            "registration-email": "nueva@example.test",
            "registration-password1": "una-clave-2026-x",
            "registration-password2": "una-clave-2026-x",
            "registration_submit": "Registrarse",
        },
    )

    assert response.status_code == 302
    assert logged_in(client)


def test_an_operator_sees_and_lifts_an_account_lockout(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    lock_account(client, buyer.email)
    operator = operator_create()
    client.force_login(operator)

    page = client.get(reverse("accounts_dashboard:lockouts")).content.decode()
    lifted = client.post(reverse("accounts_dashboard:lockouts"), {"account": buyer.email})
    client.logout()
    response = customer_login(client, buyer.email, PASSWORD, remote=address(11))

    assert "ana@example.test" in page
    assert "Bloqueos de acceso" in page
    assert lifted.status_code == 302
    assert response.status_code == 302
    assert logged_in(client)


def test_an_operator_lifts_an_address_lockout(client, frozen_now):
    buyer = UserFactory(email="ana@example.test")
    lock_address(client, address(7))
    client.force_login(operator_create())

    page = client.get(reverse("accounts_dashboard:lockouts")).content.decode()
    client.post(reverse("accounts_dashboard:lockouts"), {"address": address(7)})
    client.logout()

    assert address(7) in page
    assert customer_login(client, buyer.email, PASSWORD, remote=address(7)).status_code == 302


def test_the_dashboard_menu_leads_operators_to_the_lockouts(client):
    client.force_login(operator_create())

    page = client.get(reverse("dashboard:index")).content.decode()

    assert f'href="{reverse("accounts_dashboard:lockouts")}"' in page


def test_call_center_agents_cannot_see_or_lift_lockouts(client):
    buyer = UserFactory(email="ana@example.test")
    client.force_login(agent_create())

    listing = client.get(reverse("accounts_dashboard:lockouts"))
    lift = client.post(reverse("accounts_dashboard:lockouts"), {"account": buyer.email})

    assert listing.status_code == 302
    assert lift.status_code == 302
    assert "Bloqueos" not in client.get(reverse("callcenter:search")).content.decode()
