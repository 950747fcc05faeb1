"""Settings for the test suite: the local settings, faster and quieter."""

import os
import tempfile
from pathlib import Path

from shop.settings.environment import env_int, env_str
from shop.settings.local import *  # noqa: F403

# Invoice PDFs rendered by the tests stay out of the working tree.
PRIVATE_ROOT = Path(tempfile.gettempdir()) / "encadena-test-private"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A test that needs the real delivery path overrides this.
MAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
# The suite's transactions never commit: the search index follows each change at once
# (the tests of the after-commit path set "after_commit" and commit for real).
SEARCH_INDEX_UPDATES = "immediate"
# Pages are rendered for every request: the tests read what a view put in its context and
# count the queries of a rendered page. The page cache's own tests turn it on
# (tests/functional/storefront/test_page_cache.py).
STOREFRONT_PAGE_CACHE_SECONDS = env_int("STOREFRONT_PAGE_CACHE_SECONDS", 0)
# Tasks run in-process even when REDIS_URL is set; the worker tests opt out.
CELERY_TASK_ALWAYS_EAGER = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file (not :memory:) so a Celery worker process can share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(LOCAL_DATA_DIR / "test.sqlite3")}  # noqa: F405

# Tests pick a payment's fate by its amount (payments/gateways/dummy.py).
PAYMENT_GATEWAYS["dummy"] = {"BACKEND": "payments.gateways.dummy.DummyGateway"}  # noqa: F405

# A third-party courier posting signed events, and text messages kept in memory.
SHIPPING_CARRIERS["webhook"] = {  # noqa: F405
    "BACKEND": "logistics.carriers.webhook.WebhookCarrier",
    "OPTIONS": {"SECRET": "test-shipping-webhook-secret", "LABEL": "Mensajería de prueba"},
}
# A national carrier posting signed steps, and one whose steps the stores copy by hand.
SHIPPING_CARRIERS["nacional-sin-firma"] = {  # noqa: F405
    **SHIPPING_CARRIERS["nacional"],  # noqa: F405
    "OPTIONS": {"LABEL": "Paquetería sin integración", "PREFIX": "PS"},
}
SHIPPING_CARRIERS["nacional"]["OPTIONS"]["SECRET"] = "test-national-carrier-secret"  # noqa: F405
SMS_BACKEND = "shop.sms.backends.locmem.SmsBackend"

# Parallel test workers (pytest-xdist) share one Redis: each keeps its own cache keys, so
# one worker's cached rows never answer another worker's database, and each sends its
# tasks to a queue of its own, which only the Celery worker its tests start reads.
TEST_RUNNER_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
if "KEY_PREFIX" in CACHES["default"]:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] += "-" + TEST_RUNNER_WORKER  # noqa: F405
CELERY_TASK_DEFAULT_QUEUE += "-" + TEST_RUNNER_WORKER  # noqa: F405
