"""An e-mail backend that queues messages for the Celery worker.

Django and Oscar call `send_mail` / `EmailMessage.send()` in the request;
this backend only writes each message to the outbox (in the request's
transaction) and dispatches `mail.deliver_email` after commit. The worker
delivers it with `settings.MAIL_DELIVERY_BACKEND`.
"""

from django.core.mail.backends.base import BaseEmailBackend

from shop.mail.services import outgoing_email_queue


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            outgoing_email_queue(message=message)
            queued += 1
        return queued
