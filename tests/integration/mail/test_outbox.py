"""Every e-mail leaves through the outbox and the Celery task, after commit, once."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.db import transaction

from shop.mail.models import OutgoingEmail
from shop.mail.services import outgoing_email_deliver
from shop.mail.tasks import deliver_email
from tests.processes import free_port

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def outbox_backend(settings):
    # The test runner swaps EMAIL_BACKEND for locmem; put the real one back.
    settings.EMAIL_BACKEND = "shop.mail.backends.OutboxEmailBackend"
    settings.MAIL_DELIVERY_BACKEND = LOCMEM
    return settings


def test_oscar_registration_email_is_sent_by_the_task_after_commit(
    client, db, outbox_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            "/accounts/login/",
            {
                "registration-email": "nueva@example.test",
                "registration-password1": "una-clave-larga-2026",
                "registration-password2": "una-clave-larga-2026",
                "registration_submit": "Registrarse",
            },
        )

    assert response.status_code == 302
    assert len(callbacks) == 1
    outgoing = OutgoingEmail.objects.get()
    assert outgoing.recipients == ["nueva@example.test"]
    assert outgoing.sent_at is not None
    assert outgoing.attempts == 1
    assert [message.to for message in mail.outbox] == [["nueva@example.test"]]


def test_nothing_is_queued_or_sent_when_the_transaction_rolls_back(
    db, outbox_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            send_mail("Pedido confirmado", "Gracias", None, ["ana@example.test"])
            raise RuntimeError("the order failed")

    assert callbacks == []
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_the_task_is_not_dispatched_before_commit(
    db, outbox_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_mail("Pedido confirmado", "Gracias", None, ["ana@example.test"])

    assert len(callbacks) == 1
    assert mail.outbox == []
    assert OutgoingEmail.objects.get().sent_at is None


def test_delivering_the_same_email_twice_sends_it_once(db, outbox_backend):
    with transaction.atomic():
        EmailMessage("Factura", "Adjunta", None, ["ana@example.test"]).send()
    outgoing = OutgoingEmail.objects.get()

    first = deliver_email.apply(args=[outgoing.pk]).get()
    second = deliver_email.apply(args=[outgoing.pk]).get()

    assert (first, second) == (True, False)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Factura"


def test_a_failed_delivery_is_recorded_and_a_later_one_succeeds(db, outbox_backend):
    with transaction.atomic():
        send_mail("Pedido enviado", "En camino", None, ["ana@example.test"])
    outgoing = OutgoingEmail.objects.get()
    outbox_backend.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    outbox_backend.EMAIL_HOST = "127.0.0.1"
    outbox_backend.EMAIL_PORT = free_port()  # nothing listens there

    with pytest.raises(OSError):
        outgoing_email_deliver(outgoing_email_id=outgoing.pk)

    outgoing.refresh_from_db()
    assert outgoing.sent_at is None
    assert outgoing.attempts == 1
    assert "Connection refused" in outgoing.last_error or "ConnectionRefused" in outgoing.last_error

    outbox_backend.MAIL_DELIVERY_BACKEND = LOCMEM
    assert outgoing_email_deliver(outgoing_email_id=outgoing.pk) is True
    outgoing.refresh_from_db()
    assert outgoing.attempts == 2
    assert outgoing.last_error == ""
    assert len(mail.outbox) == 1


def test_a_message_with_no_recipients_is_not_queued(db, outbox_backend):
    sent = EmailMessage("Nada", "Nada", None, []).send()

    assert sent == 0
    assert OutgoingEmail.objects.count() == 0


def test_the_delivered_message_keeps_its_html_alternative_and_accents(db, outbox_backend):
    from django.core.mail import EmailMultiAlternatives

    message = EmailMultiAlternatives(
        "Confirmación de pedido", "Texto plano: señor", None, ["ana@example.test"]
    )
    message.attach_alternative("<p>Confirmación</p>", "text/html")
    with transaction.atomic():
        message.send()

    outgoing_email_deliver(outgoing_email_id=OutgoingEmail.objects.get().pk)

    delivered = mail.outbox[0].message()
    assert delivered["Subject"] == "Confirmación de pedido"
    parts = {
        part.get_content_type(): part.get_content()
        for part in delivered.walk()
        if not part.is_multipart()
    }
    assert parts["text/plain"].strip() == "Texto plano: señor"
    assert parts["text/html"].strip() == "<p>Confirmación</p>"
