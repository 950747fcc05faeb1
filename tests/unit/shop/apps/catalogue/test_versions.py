import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from shop.apps.catalogue.versions import (
    CATALOGUE,
    CATEGORIES,
    LISTINGS,
    catalogue_version,
    catalogue_version_bump,
)
from tests.caches import cache_empty


@pytest.mark.django_db  # a request's start and end close old database connections
def test_a_request_reads_the_versions_once_and_sees_them_move():
    cache_empty()
    request_started.send(sender=None)
    try:
        first = {scope: catalogue_version(scope) for scope in (CATALOGUE, LISTINGS, CATEGORIES)}
        cache.set("catalogue:version", first[CATALOGUE] + 100, timeout=None)
        # Read once per request: a move made elsewhere is seen by the next request.
        assert catalogue_version(CATALOGUE) == first[CATALOGUE]
        # A move made by this request is seen at once.
        catalogue_version_bump(LISTINGS)
        assert catalogue_version(LISTINGS) == first[LISTINGS] + 1
        assert catalogue_version(CATALOGUE) == first[CATALOGUE] + 100
    finally:
        request_finished.send(sender=None)
    cache.set("catalogue:version", first[CATALOGUE] + 200, timeout=None)
    # Outside a request every read goes to the cache.
    assert catalogue_version(CATALOGUE) == first[CATALOGUE] + 200
