import logging

from django.test import override_settings

from shop import sms
from shop.sms import SmsMessage, sms_send


@override_settings(SMS_BACKEND="shop.sms.backends.logging.SmsBackend")
def test_the_default_backend_logs_each_message(caplog):
    with caplog.at_level(logging.INFO, logger="shop.sms"):
        sent = sms_send(to=" +53 5 234 5678 ", body="Su pedido salió a reparto.")

    assert sent == 1
    assert caplog.messages == ["SMS to +53 5 234 5678: Su pedido salió a reparto."]


def test_the_test_backend_keeps_messages_and_no_number_sends_nothing():
    sms.outbox.clear()

    assert sms_send(to="", body="nadie") == 0
    assert sms_send(to="+5352345678", body="hola") == 1

    assert sms.outbox == [SmsMessage(to="+5352345678", body="hola")]
    sms.outbox.clear()
