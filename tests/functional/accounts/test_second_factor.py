"""Staff confirm their logins with a code from an authenticator app (or a one-time
recovery code). Production requires it; the laptop demo offers it."""

import re
from base64 import b32decode
from binascii import hexlify

import pytest
import time_machine
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import REPOSITORY
from tests.factories import UserFactory, VendorMembershipFactory
from tests.factories.accounts import (
    operator_create,
    staff_operator_create,
    totp_device_create,
    totp_token,
)
from tests.factories.callcenter import agent_create
from tests.factories.users import PASSWORD
from tests.integration.shop.test_settings import run_python

STAFF_PAGES = ["/dashboard/", "/atencion/", "/admin/", "/dashboard/actores/", "/dashboard/envios/"]
pytestmark = pytest.mark.django_db

SETUP = "/cuenta/segundo-factor/configurar/"
VERIFY = "/cuenta/segundo-factor/verificar/"


@pytest.fixture
def required(settings):
    settings.STAFF_REQUIRE_SECOND_FACTOR = True
    return settings


def password_login(client, user):
    response = client.post(
        "/accounts/login/",
        {"login-username": user.email, "login-password": PASSWORD, "login_submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def set_up_with_the_page(client, user, *, next_url: str = "") -> TOTPDevice:
    """Open the set-up page, take the key the page shows, answer with the app's code."""
    page = client.get(SETUP).content.decode()
    shown = re.search(r'<code class="second-factor-secret">([A-Z2-7 ]+)</code>', page).group(1)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert hexlify(b32decode(shown.replace(" ", ""))).decode() == device.key
    response = client.post(SETUP, {"code": totp_token(device), "next": next_url})
    assert response.status_code == 302, response.content.decode()[:3000]
    return device


@pytest.mark.parametrize(
    "make_staff",
    [agent_create, operator_create, staff_operator_create],
    ids=["agent", "operator", "operator-by-permission"],
)
@pytest.mark.parametrize("page", STAFF_PAGES)
def test_required_staff_without_a_second_factor_reach_no_staff_page(
    client, required, make_staff, page
):
    client.force_login(make_staff())

    response = client.get(page)

    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next={page.replace('/', '%2F')}"


def test_a_staff_member_with_an_app_must_enter_its_code_after_the_password(client, required):
    agent = agent_create()
    totp_device_create(agent)
    password_login(client, agent)

    blocked = client.get("/atencion/")
    wrong = client.post(VERIFY, {"code": "000000", "next": "/atencion/"})
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=2)):
        device = TOTPDevice.objects.get(user=agent)
        right = client.post(VERIFY, {"code": totp_token(device), "next": "/atencion/"})
        console = client.get("/atencion/")

    assert blocked["Location"] == f"{VERIFY}?next=%2Fatencion%2F"
    assert wrong.status_code == 400
    assert "Ese código no es correcto" in wrong.content.decode()
    assert right.status_code == 302
    assert right["Location"] == "/atencion/"
    assert console.status_code == 200


def test_an_operator_sets_it_up_on_first_login_and_gets_recovery_codes_once(client, required):
    operator = operator_create()
    password_login(client, operator)
    assert client.get("/dashboard/")["Location"] == f"{SETUP}?next=%2Fdashboard%2F"

    set_up_with_the_page(client, operator, next_url="/dashboard/")
    codes_page = client.get("/cuenta/segundo-factor/codigos/?next=/dashboard/")
    again = client.get("/cuenta/segundo-factor/codigos/")

    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=operator).values_list("token", flat=True)
    )
    assert 'href="/dashboard/"' in codes_page.content.decode()
    assert codes[0] not in again.content.decode()
    assert TOTPDevice.objects.get(user=operator).confirmed
    assert client.get("/dashboard/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, required):
    agent = agent_create()
    totp_device_create(agent, recovery_codes=("abcd2345", "efgh6723"))

    password_login(client, agent)
    first = client.post(VERIFY, {"code": "ABCD 2345", "next": ""})
    client.logout()
    password_login(client, agent)
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=2)):
        second = client.post(VERIFY, {"code": "abcd2345"})

    assert first.status_code == 302
    assert first["Location"] == "/atencion/"
    assert second.status_code == 400
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["efgh6723"]


def test_wrong_codes_slow_the_next_tries_down(client, required):
    agent = agent_create()
    device = totp_device_create(agent)
    password_login(client, agent)

    with time_machine.travel(timezone.now(), tick=False):
        client.post(VERIFY, {"code": "000000"})
        client.post(VERIFY, {"code": "000001"})
        throttled = client.post(VERIFY, {"code": totp_token(device)})

    assert throttled.status_code == 400
    assert "Demasiados códigos incorrectos" in throttled.content.decode()


def test_a_password_alone_cannot_replace_the_app(client, required):
    agent = agent_create()
    device = totp_device_create(agent)
    password_login(client, agent)

    response = client.get(SETUP)

    assert response["Location"] == VERIFY
    assert list(TOTPDevice.objects.filter(user=agent)) == [device]


def test_the_code_is_asked_at_the_admin_login_too(client, required):
    operator = operator_create()
    totp_device_create(operator)

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": operator.email, "password": PASSWORD, "next": "/admin/"},
    )
    admin = client.get("/admin/")

    assert response["Location"] == "/admin/"
    assert admin["Location"] == f"{VERIFY}?next=%2Fadmin%2F"


def test_production_settings_require_the_second_factor():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.STAFF_REQUIRE_SECOND_FACTOR)",
        DJANGO_SETTINGS_MODULE="shop.settings.production",
        SECRET_KEY="x" * 50,
        DATABASE_URL="",
        REDIS_URL="",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_in_the_demo_staff_log_in_in_one_step(client, settings):
    settings.STAFF_REQUIRE_SECOND_FACTOR = False
    agent = agent_create()
    password_login(client, agent)

    assert client.get("/atencion/").status_code == 200


def test_in_the_demo_the_second_factor_is_offered_and_asked_for_once_set_up(client, settings):
    settings.STAFF_REQUIRE_SECOND_FACTOR = False
    operator = operator_create()
    client.force_login(operator)

    offer = client.get("/cuenta/segundo-factor/").content.decode()
    set_up_with_the_page(client, operator)
    client.logout()
    password_login(client, operator)

    assert f'href="{SETUP}"' in offer
    assert client.get("/dashboard/")["Location"] == f"{VERIFY}?next=%2Fdashboard%2F"


def test_buyers_and_vendors_have_no_second_factor(client, required):
    buyer = UserFactory()
    membership = VendorMembershipFactory()
    client.force_login(buyer)
    buyer_pages = [client.get(path).status_code for path in ("/accounts/orders/", SETUP)]
    client.force_login(membership.user)
    vendor_page = client.get(f"/vendedor/{membership.vendor.slug}/")

    assert buyer_pages == [200, 404]
    assert vendor_page.status_code == 200


def test_the_set_up_page_draws_the_qr_code_inline_without_scripts(client, required):
    agent = agent_create(email="agente@example.test")
    client.force_login(agent)

    page = client.get(SETUP).content.decode()

    assert re.search(r'<svg [^>]*class="qr-code"[^>]*role="img"', page)
    assert 'id="qr-path"' in page
    assert "otpauth" not in page  # the key travels in the QR code and as text, not as a link
    assert client.get(SETUP).content.decode().count("second-factor-secret") == 1


def test_our_login_pages_carry_no_inline_script_or_event_handler():
    templates = sorted((REPOSITORY / "templates" / "accounts").rglob("*.html"))
    inline = [
        str(path.relative_to(REPOSITORY))
        for path in templates
        if re.search(r"<script|\son[a-z]+\s*=", path.read_text())
    ]

    assert len(templates) == 8
    assert inline == []


def test_staff_find_their_second_factor_among_their_account_tabs(client):
    client.force_login(agent_create())
    staff_tabs = client.get("/accounts/profile/").content.decode()
    client.force_login(UserFactory())
    buyer_tabs = client.get("/accounts/profile/").content.decode()

    assert 'href="/cuenta/segundo-factor/"' in staff_tabs
    assert "/cuenta/segundo-factor/" not in buyer_tabs
