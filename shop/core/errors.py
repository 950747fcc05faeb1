"""The one base of every refusal a service raises: a message for the person who asked
(translated, in usted) and a code from its app's `error_codes`. A DomainError is a
Django ValidationError, so a form or a page shows it like any other; nothing that
raised one has kept anything."""

import enum

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    def __init__(self, message, *, code: enum.Enum | str, params: dict | None = None):
        super().__init__(
            message, code=str(code.value if isinstance(code, enum.Enum) else code), params=params
        )
