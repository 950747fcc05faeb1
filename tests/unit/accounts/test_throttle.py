"""Which address a login attempt comes from, with and without proxies in front."""

import pytest
from django.test import RequestFactory

from shop.accounts.throttle import login_client_address


def request_from(remote: str, forwarded: str | None = None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().post("/accounts/login/", REMOTE_ADDR=remote, **headers)


def test_without_proxies_the_connection_is_the_client_and_the_header_is_ignored(settings):
    settings.LOGIN_TRUSTED_PROXIES = 0

    assert login_client_address(request_from("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.9", "203.0.113.9"),
        # Whatever the client wrote itself comes before what our proxy appended.
        ("1.2.3.4, 203.0.113.9", "203.0.113.9"),
        ("1.2.3.4,203.0.113.9 ", "203.0.113.9"),
        ("2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_one_proxy_the_client_is_the_last_forwarded_address(settings, forwarded, client):
    settings.LOGIN_TRUSTED_PROXIES = 1

    assert login_client_address(request_from("10.0.0.2", forwarded)) == client


def test_behind_two_proxies_the_client_is_second_from_the_end(settings):
    settings.LOGIN_TRUSTED_PROXIES = 2

    assert (
        login_client_address(request_from("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.1"))
        == "203.0.113.9"
    )


@pytest.mark.parametrize("forwarded", ["", "not-an-address", "203.0.113.9; drop table"])
def test_a_missing_or_malformed_header_falls_back_to_the_connection(settings, forwarded):
    settings.LOGIN_TRUSTED_PROXIES = 1

    assert login_client_address(request_from("10.0.0.2", forwarded)) == "10.0.0.2"
