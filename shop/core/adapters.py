"""Extension points configured like Django's backends. A setting maps a name to
`{"BACKEND": "dotted.path.Class", "OPTIONS": {...}}`; adapters are imported on first
use, never at import time, and a system check validates the setting at start-up.
Payment gateways (`PAYMENT_GATEWAYS`) and shipping carriers (`SHIPPING_CARRIERS`) are
both configured this way."""

from dataclasses import dataclass

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

# (name, backend, options) -> adapter. Keyed by the options' repr so a changed setting
# (tests override them) gives a new adapter, and options may hold dicts.
_adapters: dict[tuple, object] = {}


def _adapter(name: str, backend: str, options: dict):
    key = (name, backend, repr(sorted(options.items())))
    if key not in _adapters:
        _adapters[key] = import_string(backend)(name=name, options=dict(options))
    return _adapters[key]


@dataclass(frozen=True)
class AdapterRegistry:
    """The adapters named in `settings.<setting>`, each a subclass of `base`. `base`
    declares `capabilities` (with a `test_only` flag) and `required_options`."""

    setting: str
    base: type
    unknown: type[LookupError]
    check_prefix: str

    def configs(self) -> dict:
        return getattr(settings, self.setting, {})

    def get(self, name: str):
        config = self.configs().get(name)
        if config is None:
            raise self.unknown(name)
        return _adapter(name, config["BACKEND"], config.get("OPTIONS", {}))

    def all(self) -> list:
        return [self.get(name) for name in self.configs()]

    def check(self) -> list:
        """<prefix>.E001 unknown backend, E002 missing option, E003 a test-only adapter
        enabled outside DEBUG."""
        errors = []
        for name, config in self.configs().items():
            try:
                backend = import_string(config["BACKEND"])
                if not issubclass(backend, self.base):
                    raise TypeError
            except (KeyError, ImportError, TypeError):
                errors.append(
                    checks.Error(
                        f"{self.setting}[{name!r}]: BACKEND {config.get('BACKEND')!r} is not a "
                        f"{self.base.__module__}.{self.base.__qualname__}.",
                        id=f"{self.check_prefix}.E001",
                    )
                )
                continue
            missing = [
                option
                for option in backend.required_options
                if not config.get("OPTIONS", {}).get(option)
            ]
            if missing:
                errors.append(
                    checks.Error(
                        f"{self.setting}[{name!r}] needs OPTIONS {', '.join(missing)}.",
                        id=f"{self.check_prefix}.E002",
                    )
                )
            if backend.capabilities.test_only and not settings.DEBUG:
                errors.append(
                    checks.Error(
                        f"{self.setting}[{name!r}] is for development and tests only.",
                        hint="Remove it from the production settings.",
                        id=f"{self.check_prefix}.E003",
                    )
                )
        return errors
