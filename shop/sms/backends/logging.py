import logging

from shop.sms.backends.base import BaseSmsBackend

logger = logging.getLogger("shop.sms")


class SmsBackend(BaseSmsBackend):
    def send_messages(self, messages: list) -> int:
        for message in messages:
            logger.info("SMS to %s: %s", message.to, message.body)
        return len(messages)
