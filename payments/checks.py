from django.core import checks

from payments.registry import GATEWAYS


@checks.register(checks.Tags.compatibility)
def payment_gateways_check(app_configs=None, **kwargs) -> list:
    """payments.E001 unknown backend, E002 missing option, E003 a test-only gateway
    enabled outside DEBUG."""
    return GATEWAYS.check()
