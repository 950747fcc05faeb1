"""After the password each role lands where it works; a buyer goes where it was going,
on this site only."""

import pytest

from tests.factories import UserFactory, VendorFactory, VendorMembershipFactory
from tests.factories.accounts import operator_create, staff_operator_create
from tests.factories.callcenter import agent_create
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db


def customer_login(client, user, *, next_url=None, secure=False):
    path = "/accounts/login/" + (f"?next={next_url}" if next_url is not None else "")
    return client.post(
        path,
        {
            "login-username": user.email,
            "login-password": PASSWORD,
            "login-redirect_url": next_url or "",
            "login_submit": "1",
        },
        secure=secure,
    )


def dashboard_login(client, user, *, next_url=""):
    return client.post(
        "/dashboard/login/", {"username": user.email, "password": PASSWORD, "next": next_url}
    )


def test_a_call_center_agent_lands_on_the_console(client):
    response = customer_login(client, agent_create())

    assert response["Location"] == "/atencion/"
    assert client.get("/atencion/").status_code == 200


def test_an_agent_using_the_dashboard_login_form_lands_on_the_console_too(client):
    assert dashboard_login(client, agent_create())["Location"] == "/atencion/"


@pytest.mark.parametrize(
    "make_operator", [operator_create, staff_operator_create], ids=["superuser", "by-permission"]
)
def test_an_operator_lands_on_the_dashboard(client, make_operator):
    response = customer_login(client, make_operator())

    assert response["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


def test_a_vendor_lands_on_its_store_dashboard(client):
    membership = VendorMembershipFactory(vendor=VendorFactory(slug="guayabita"))

    response = customer_login(client, membership.user)

    assert response["Location"] == "/vendedor/guayabita/"


def test_a_member_of_two_stores_lands_on_the_store_picker(client):
    owner = UserFactory()
    for slug in ("guayabita", "la-esperanza"):
        VendorMembershipFactory(user=owner, vendor=VendorFactory(slug=slug))

    response = customer_login(client, owner)

    assert response["Location"] == "/vendedor/"
    page = client.get("/vendedor/").content.decode()
    assert 'href="/vendedor/guayabita/"' in page and 'href="/vendedor/la-esperanza/"' in page


def test_a_buyer_lands_on_the_home_page(client):
    assert customer_login(client, UserFactory())["Location"] == "/"


def test_a_buyer_goes_where_it_was_going(client):
    response = customer_login(client, UserFactory(), next_url="/accounts/orders/")

    assert response["Location"] == "/accounts/orders/"


def test_an_agent_sent_to_a_customer_file_goes_back_there(client):
    response = customer_login(client, agent_create(), next_url="/atencion/clientes/1/")

    assert response["Location"] == "/atencion/clientes/1/"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
    ],
)
def test_an_off_site_next_is_ignored(client, next_url):
    response = customer_login(client, UserFactory(), next_url=next_url)

    assert response["Location"] == "/"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/"])
def test_the_dashboard_login_ignores_an_off_site_next(client, next_url):
    assert dashboard_login(client, operator_create(), next_url=next_url)["Location"] == (
        "/dashboard/"
    )


def test_over_https_a_plain_http_next_on_this_site_is_ignored(client):
    response = customer_login(
        client, UserFactory(), next_url="http://testserver/accounts/", secure=True
    )

    assert response["Location"] == "/"


def test_the_login_page_sends_a_logged_in_agent_to_the_console(client):
    client.force_login(agent_create())

    assert client.get("/accounts/login/")["Location"] == "/atencion/"


def test_the_second_factor_step_keeps_the_safe_next_and_drops_an_off_site_one(client, settings):
    settings.STAFF_REQUIRE_SECOND_FACTOR = True
    client.force_login(agent_create())

    kept = client.get("/cuenta/segundo-factor/configurar/?next=/atencion/registro/")
    dropped = client.get("/cuenta/segundo-factor/configurar/?next=//evil.example/")

    assert 'value="/atencion/registro/"' in kept.content.decode()
    assert "evil.example" not in dropped.content.decode()
