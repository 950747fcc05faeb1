"""Text messages through a backend named by `settings.SMS_BACKEND`, like Django's
EMAIL_BACKEND: `shop.sms.backends.logging` writes them to the log (the default: no SMS
provider is reachable yet), `shop.sms.backends.locmem` keeps them in `shop.sms.outbox`
for tests. A provider's backend subclasses `shop.sms.backends.base.BaseSmsBackend`."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

outbox: list = []  # filled by the locmem backend


@dataclass(frozen=True)
class SmsMessage:
    to: str
    body: str


def sms_send(*, to: str, body: str) -> int:
    """Send one text message; returns how many were sent (0 without a number)."""
    if not to.strip():
        return 0
    backend = import_string(settings.SMS_BACKEND)()
    return backend.send_messages([SmsMessage(to=to.strip(), body=body)])
