from email import message_from_bytes, policy

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from shop.core.roles import is_operator
from shop.mail.models import OutgoingEmail


class _StoredMessage(EmailMessage):
    """Hands the stored MIME bytes to a delivery backend unchanged."""

    def __init__(self, outgoing: OutgoingEmail):
        super().__init__(
            subject=outgoing.subject, from_email=outgoing.sender, to=outgoing.recipients
        )
        self._mime = bytes(outgoing.mime)

    def message(self, *, policy=policy.default):  # noqa: ARG002 - the stored message is final
        return message_from_bytes(self._mime, policy=policy)


def outgoing_email_queue(*, message: EmailMessage) -> OutgoingEmail:
    """Store `message` in the outbox and deliver it once the transaction commits."""
    from shop.mail.tasks import deliver_email

    outgoing = OutgoingEmail.objects.create(
        sender=message.from_email or settings.DEFAULT_FROM_EMAIL,
        recipients=list(message.recipients()),
        subject=str(message.subject)[:998],
        mime=message.message().as_bytes(),
    )
    deliver_email.delay_on_commit(outgoing.pk)
    return outgoing


def outgoing_email_deliver(*, outgoing_email_id: int) -> bool:
    """Deliver one queued message; True if it was sent now, False if it already was."""
    try:
        with transaction.atomic():
            outgoing = (
                OutgoingEmail.objects.select_for_update()
                .filter(pk=outgoing_email_id, sent_at__isnull=True)
                .first()
            )
            if outgoing is None:
                return False
            connection = get_connection(settings.MAIL_DELIVERY_BACKEND, fail_silently=False)
            connection.send_messages([_StoredMessage(outgoing)])
            OutgoingEmail.objects.filter(pk=outgoing.pk).update(
                sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
            )
            return True
    except Exception as error:
        OutgoingEmail.objects.filter(pk=outgoing_email_id, sent_at__isnull=True).update(
            attempts=F("attempts") + 1, last_error=repr(error)[:2000]
        )
        raise


def operators_mail(*, subject: str, body: str) -> int:
    """E-mail every platform operator (what only a person can settle)."""
    from django.contrib.auth import get_user_model
    from django.core.mail import send_mail

    operators = [
        user.email
        for user in get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
        if is_operator(user)
    ]
    if not operators:
        return 0
    return send_mail(subject, body, None, operators)


def templated_email_send(
    *, template: str, context: dict, recipients: list[str], html: bool = True, attachments=()
) -> None:
    """The one way the site writes an e-mail: the e-mail of `template`
    ("app/emails/name"): `<template>_subject.txt`, `<template>_body.txt` and, with
    `html`, `<template>_body.html` as its alternative; `attachments` are (file name,
    bytes, MIME type)."""
    if not recipients:
        return
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    message = EmailMultiAlternatives(
        subject, render_to_string(f"{template}_body.txt", context), None, recipients
    )
    if html:
        message.attach_alternative(render_to_string(f"{template}_body.html", context), "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()
