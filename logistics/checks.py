from django.conf import settings
from django.core import checks

from logistics.carriers.registry import CARRIERS


@checks.register(checks.Tags.compatibility)
def shipping_carriers_check(app_configs=None, **kwargs) -> list:
    """logistics.E001 unknown backend, E002 missing option, E003 a test-only carrier
    enabled outside DEBUG, E004 no carrier at all (vendors could not ship)."""
    errors = CARRIERS.check()
    if not getattr(settings, "SHIPPING_CARRIERS", {}):
        errors.append(
            checks.Error(
                "SHIPPING_CARRIERS is empty: vendors cannot ship.",
                hint='Enable at least the "manual" carrier.',
                id="logistics.E004",
            )
        )
    return errors
