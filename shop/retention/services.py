from django.db import transaction
from django.utils import timezone

from shop.retention.rules import RULES


def retention_apply(*, now=None) -> dict[str, int]:
    """Delete what every rule says has been kept long enough; rows deleted per rule."""
    now = now or timezone.now()
    deleted = {}
    for rule in RULES:
        with transaction.atomic():
            count, _by_model = rule.rows(now=now).delete()
        deleted[rule.name] = count
    return deleted
