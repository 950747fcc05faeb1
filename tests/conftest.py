"""Fixtures and service gates shared by the whole suite.

Tests that need a real PostgreSQL, Redis or Chromium carry the markers
`postgres`, `redis` or `browser`. Without the service they are skipped with
the reason; with ENCADENA_REQUIRE_SERVICES=1 (set by .ci/run) they fail
instead, so CI can never pass by skipping them.
"""

import os
import shutil
from pathlib import Path

import hypothesis
import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from tests import database_template
from tests.caches import cache_empty
from tests.module_data import other_sessions_end

pytest_plugins = ["tests.fixtures"]

# Property tests check what is true, not how fast: a loaded machine (two test workers on two
# cores) must not fail them with Hypothesis's timing checks.
hypothesis.settings.register_profile(
    "encadena", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("encadena")

REPOSITORY = Path(__file__).resolve().parent.parent
TEST_RESULTS = REPOSITORY / "test-results"


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else None


def _missing_service(item) -> str | None:
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if item.get_closest_marker("redis") and not os.environ.get("REDIS_URL"):
        return "needs Redis: set REDIS_URL=redis://..."
    if item.get_closest_marker("browser") and chromium_path() is None:
        return "needs Chromium: apt-get install chromium (or set CHROMIUM_PATH)"
    return None


def pytest_runtest_setup(item):
    reason = _missing_service(item)
    if reason is None:
        return
    if os.environ.get("ENCADENA_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (ENCADENA_REQUIRE_SERVICES=1 forbids skipping it)", pytrace=False)
    pytest.skip(reason)


def pytest_sessionstart(session):
    # Before pytest-xdist starts the workers (its own hook runs last).
    database_template.template_build(session.config)


def pytest_unconfigure(config):
    database_template.template_drop(config)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """pytest-django's worker suffix, then the controller's migrated template if any."""
    database_template.template_use(settings.DATABASES)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, whose teardown first ends the sessions a live
    server's thread left open (else dropping the database fails and it stays behind)."""
    yield
    with django_db_blocker.unblock():
        other_sessions_end()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests marked `early` run first (after pytest-django has put transactional tests after
    the others): each is long and leaves the database as it found it, so starting them first
    keeps a test worker from ending the run alone on one of them."""
    items.sort(key=lambda item: item.get_closest_marker("early") is None)


@pytest.fixture(autouse=True)
def clear_caches():
    """Each test starts with an empty cache (locmem outlives rolled-back data)."""
    cache_empty()
    yield
    cache_empty()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's language. A request leaves its own language active in
    the thread (LocaleMiddleware does not switch back), so after a test that visited an /en/
    page, the next test's reverse() and get_absolute_url() would give /en/ addresses."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def test_output_dir(request) -> Path:
    """A folder under test-results/ named after the test, for screenshots and the like."""
    folder = TEST_RESULTS / request.node.nodeid.replace("/", ".").replace("::", "-")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
