"""`/healthz`: is this process able to serve? Checks the database and the cache."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        raise RuntimeError("the cache did not return what was written")


CHECKS = {"database": check_database, "cache": check_cache}


# Not wrapped in ATOMIC_REQUESTS' transaction: opening it would fail before the
# view could report that the database is down.
@transaction.non_atomic_requests
@never_cache
@require_GET
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure of a dependency means "unhealthy"
            logger.warning("healthz: %s is down: %s", name, error)
            results[name] = f"error: {error.__class__.__name__}"
        else:
            results[name] = "ok"
    healthy = all(value == "ok" for value in results.values())
    failing = [name for name, value in results.items() if value != "ok"]
    body = {"status": "ok" if healthy else "unavailable", "checks": results, "failing": failing}
    return JsonResponse(body, status=200 if healthy else 503)
