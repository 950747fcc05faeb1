from django.db import transaction
from django.http import HttpResponse


# No transaction: the ceiling is what a request costs through the middleware, no more.
@transaction.non_atomic_requests
def bench_ceiling(request):
    """The bench's trivial page."""
    return HttpResponse("ok", content_type="text/plain")
