"""schemathesis against the API's own OpenAPI schema: generated requests (bounded and
deterministic) to every operation, public and a store's, find no 500 and no answer
that breaks the schema (status, content type, body, headers)."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.serializers.json import DjangoJSONEncoder
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from shop.api.models import STORE_SCOPES
from shop.api.services import personal_api_key_create, store_api_key_create
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.models import MembershipRole

MAX_EXAMPLES = 8
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def _schema() -> dict:
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(json.dumps(generated, cls=DjangoJSONEncoder))


schema = schemathesis.openapi.from_dict(_schema())
schema.app = get_wsgi_application()


@pytest.fixture
def connection_kept():
    """As Django's test client does: a request's end must not close the test's
    database connection (its transaction holds the test's data)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def store_world(db, settings, connection_kept):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_CLASSES": [],
    }
    partner = PartnerFactory(name="Tienda del contrato", code="contrato")
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    product = ProductFactory(stockrecord__partner=partner, stockrecord__num_in_stock=5)
    buyer = UserFactory()
    purchase({partner: [(product, 1)]}, user=buyer)
    return {
        "slug": partner.vendor.slug,
        "store_key": store_api_key_create(
            vendor=partner.vendor, user=owner, name="contrato", scopes=STORE_SCOPES
        ).secret,
        "personal_key": personal_api_key_create(user=buyer, name="contrato").secret,
    }


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_schema(case, store_world):
    if "vendor_slug" in (case.path_parameters or {}):
        case.path_parameters["vendor_slug"] = store_world["slug"]
    key = store_world["personal_key"] if "/me/" in case.path else store_world["store_key"]
    # The WSGI transport does not undo compression, as real clients do.
    headers = {"Authorization": f"Bearer {key}", "Accept-Encoding": "identity"}
    case.call_and_validate(headers=headers, checks=CHECKS)
