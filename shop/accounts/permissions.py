"""Whose logins need a second factor. No model imports: settings reference this module."""


def second_factor_applies(user) -> bool:
    """Staff accounts: call-center agents are staff (is_staff), operators are staff or
    superusers. Read from the user row alone: no query on a buyer's request."""
    return bool(user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser))
