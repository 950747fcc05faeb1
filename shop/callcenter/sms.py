"""The one place the console sends a text message. SMS_SEND_FUNCTION names the function
(dotted path, `(*, phone: str, text: str) -> None`) of the SMS backend; unset, no text
is sent and the e-mail is the only channel."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def sms_send(*, phone: str, text: str) -> bool:
    path = getattr(settings, "SMS_SEND_FUNCTION", "")
    if not path or not phone:
        logger.info("no SMS backend configured: text to %s not sent", phone)
        return False
    import_string(path)(phone=phone, text=text)
    return True
