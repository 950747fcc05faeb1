"""Settings for a developer's machine: `make run` and `manage.py` use these."""

from django.core.exceptions import ImproperlyConfigured

from shop.settings.base import *  # noqa: F403
from shop.settings.environment import env_bool, env_int, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: the development key is only used while DEBUG is on."
        )
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"
# The demo's staff log in in one step: the second factor is offered, not required.
STAFF_REQUIRE_SECOND_FACTOR = env_bool("STAFF_REQUIRE_SECOND_FACTOR", False)
# While DEBUG is on, a template just edited shows at once: no whole pages kept.
STOREFRONT_PAGE_CACHE_SECONDS = env_int("STOREFRONT_PAGE_CACHE_SECONDS", 0 if DEBUG else 120)
# WhiteNoise expects STATIC_ROOT to exist even while it serves from the finders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# On a laptop (and in the demo): bank transfer with a demo account, and the dummy
# gateway whose outcome follows the cents of the amount (payments/gateways/dummy.py).
PAYMENT_GATEWAYS = {
    **PAYMENT_GATEWAYS,  # noqa: F405
    "bank_transfer": {
        "BACKEND": "payments.gateways.bank_transfer.BankTransfer",
        "OPTIONS": {
            "account_holder": "Encadena (demo)",
            "account_number": "0599 0000 1234 5678",
            "bank": "Banco Metropolitano",
        },
    },
    "on_account": {
        "BACKEND": "payments.gateways.on_account.OnAccount",
        "OPTIONS": {
            "account_holder": "Encadena (demo)",
            "account_number": "0599 0000 1234 5678",
            "bank": "Banco Metropolitano",
        },
    },
}
if DEBUG:  # noqa: F405
    PAYMENT_GATEWAYS["dummy"] = {"BACKEND": "payments.gateways.dummy.DummyGateway"}
