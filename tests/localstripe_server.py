"""localstripe (a stateful fake Stripe on loopback) for the payment tests, and the
buyer's side of a card payment that Stripe.js plays in the browser.

Import `localstripe_url` into a conftest.py to use it. localstripe's quirks are listed
in the design notes ("Payments"); the ones that shape these helpers: a PaymentIntent is
confirmed without `payment_method` (set it first), 3-D Secure is completed with its
own `POST /v1/payment_intents/<id>/_authenticate`, and 4000000000000002 is declined
only when attached to a customer, so the card declined on payment is 4000000000000341.
"""

import hashlib
import hmac
import os
import sys
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

import pytest
import stripe

from tests.processes import free_port, http_get, running, wait_for

SECRET_KEY = "sk_test_encadena"  # localstripe takes any sk_ key
PUBLISHABLE_KEY = "pk_test_encadena"
WEBHOOK_SECRET = "whsec_test_encadena"

CARD_PAID = "4242424242424242"
CARD_DECLINED = "4000000000000341"
CARD_THREE_D_SECURE = "4000002760003184"


@pytest.fixture(scope="session")
def localstripe_url(tmp_path_factory) -> str:
    """A localstripe process on a free port with empty state, for the whole session."""
    executable = Path(sys.executable).parent / "localstripe"
    if not executable.exists():
        pytest.fail(
            f"{executable} is missing: localstripe is a dev dependency, "
            "run `make install` (pip install -e '.[dev]').",
            pytrace=False,
        )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("localstripe") / "localstripe.log"
    command = [str(executable), "--port", str(port), "--from-scratch"]
    with running(command, environment=dict(os.environ), log=log) as process:

        def answering() -> bool:
            if process.poll() is not None:
                raise AssertionError(
                    f"localstripe exited with {process.returncode}:\n"
                    f"{log.read_text(errors='replace')[-3000:]}"
                )
            return http_get(f"{url}/js.stripe.com/v3/")[0] == 200

        wait_for(answering, timeout=30, what=f"localstripe on {url}", log=log)
        yield url


def stripe_options(api_base: str, **overrides) -> dict:
    """OPTIONS for payments.gateways.stripe.StripeGateway talking to localstripe."""
    return {
        "secret_key": SECRET_KEY,
        "publishable_key": PUBLISHABLE_KEY,
        "webhook_secret": WEBHOOK_SECRET,
        "api_base": api_base,
        "js_url": f"{api_base}/js.stripe.com/v3/",
        "localstripe_compatible": True,
        "timeout": 5,
        "currencies": ("USD",),
        **overrides,
    }


def buyer_client(api_base: str) -> stripe.StripeClient:
    return stripe.StripeClient(
        SECRET_KEY, base_addresses={"api": api_base}, http_client=stripe.RequestsClient(timeout=5)
    )


def card_payment_confirm(*, api_base: str, gateway_reference: str, card_number: str) -> str:
    """What Stripe.js does when the buyer submits a card: the PaymentIntent's status
    after confirming ("requires_payment_method" again when the card was declined)."""
    client = buyer_client(api_base)
    method = client.v1.payment_methods.create(
        params={
            "type": "card",
            "card": {
                "number": card_number,
                "exp_month": 12,
                "exp_year": date.today().year + 5,
                "cvc": "123",
            },
        }
    )
    client.v1.payment_intents.update(gateway_reference, params={"payment_method": method.id})
    try:
        return client.v1.payment_intents.confirm(gateway_reference).status
    except stripe.CardError:
        return client.v1.payment_intents.retrieve(gateway_reference).status


def three_d_secure_answer(
    *, api_base: str, gateway_reference: str, client_secret: str, success: bool
) -> None:
    """The buyer passes (or fails) the bank's 3-D Secure challenge."""
    data = urllib.parse.urlencode(
        {
            "client_secret": client_secret,
            "success": "true" if success else "false",
            "key": PUBLISHABLE_KEY,
        }
    ).encode()
    url = f"{api_base}/v1/payment_intents/{gateway_reference}/_authenticate"
    with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=5) as answer:
        assert answer.status == 200


# A Stripe event as Stripe signs it (Stripe-Signature: t=<time>,v1=<HMAC of "t.body">).
EVENT = {
    "id": "evt_1",
    "object": "event",
    "type": "payment_intent.succeeded",
    "data": {"object": {"id": "pi_1", "object": "payment_intent", "status": "succeeded"}},
}


def signed(body: bytes, *, secret: str = WEBHOOK_SECRET, at: float | None = None) -> dict:
    timestamp = int(time.time() if at is None else at)
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "Stripe-Signature": f"t={timestamp},v1={digest}"}
