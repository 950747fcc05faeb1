from django.conf import settings
from django.core import checks

from payments.hooks import outcome_handler_load
from payments.registry import GATEWAYS


@checks.register(checks.Tags.compatibility)
def payment_gateways_check(app_configs=None, **kwargs) -> list:
    """payments.E001 unknown backend, E002 missing option, E003 a test-only gateway
    enabled outside DEBUG."""
    return GATEWAYS.check()


@checks.register(checks.Tags.compatibility)
def outcome_handler_check(app_configs=None, **kwargs) -> list:
    """payments.E004: PAYMENT_OUTCOME_HANDLER missing, not importable, or not a
    PaymentOutcomeHandler."""
    path = getattr(settings, "PAYMENT_OUTCOME_HANDLER", "")
    try:
        outcome_handler_load(path)
    except (ImportError, TypeError, ValueError) as error:
        return [
            checks.Error(
                f"PAYMENT_OUTCOME_HANDLER {path!r}: {error}",
                hint="Name a subclass of payments.hooks.PaymentOutcomeHandler.",
                id="payments.E004",
            )
        ]
    return []
