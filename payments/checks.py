from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

from payments.interface import PaymentGateway


@checks.register(checks.Tags.compatibility)
def payment_gateways_check(app_configs=None, **kwargs) -> list:
    """payments.E001 unknown backend, E002 missing option, E003 a test-only gateway
    enabled outside DEBUG."""
    errors = []
    for name, config in getattr(settings, "PAYMENT_GATEWAYS", {}).items():
        try:
            backend = import_string(config["BACKEND"])
            if not issubclass(backend, PaymentGateway):
                raise TypeError
        except (KeyError, ImportError, TypeError):
            errors.append(checks.Error(
                f"PAYMENT_GATEWAYS[{name!r}]: BACKEND {config.get('BACKEND')!r} is not a "
                "payments.interface.PaymentGateway.", id="payments.E001"))
            continue
        missing = [option for option in backend.required_options
                   if not config.get("OPTIONS", {}).get(option)]
        if missing:
            errors.append(checks.Error(
                f"PAYMENT_GATEWAYS[{name!r}] needs OPTIONS {', '.join(missing)}.",
                id="payments.E002"))
        if backend.capabilities.test_only and not settings.DEBUG:
            errors.append(checks.Error(
                f"PAYMENT_GATEWAYS[{name!r}] is for development and tests only.",
                hint="Remove it from the production settings.", id="payments.E003"))
    return errors
