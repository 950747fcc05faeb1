"""A webhook answered by the web process and processed by a real Celery worker."""

import json
from decimal import Decimal

import pytest
from django.test import Client

from payments.gateways.dummy import DummyGateway
from payments.models import Payment, WebhookMessage
from shop.celery import app as celery_app
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import purchase
from tests.processes import compose_command, process_environment, running, wait_for
from vendors.models import VendorOrder, VendorOrderStatus


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_processes_a_stored_webhook(tmp_path):
    partner = PartnerFactory(name="Café Serrano")
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price=Decimal("100.00"))
    order = purchase({partner: [(product, 1)]}, status=VendorOrderStatus.PENDING_PAYMENT)
    payment = Payment.objects.create(
        reference=order.number,
        order=order,
        gateway="dummy",
        amount=Decimal("100.00"),
        currency="CUP",
        gateway_reference="dummy_worker_10000",
    )
    body = json.dumps(
        {"id": "evt_worker", "type": "payment.captured", "reference": payment.gateway_reference}
    ).encode()
    log = tmp_path / "worker.log"
    environment = process_environment(DJANGO_SETTINGS_MODULE="shop.settings.test")

    with running(compose_command("worker"), environment=environment, log=log):
        wait_for(lambda: "ready." in log.read_text(), timeout=60, what="worker ready", log=log)
        celery_app.conf.task_always_eager = False
        try:
            response = Client().post(
                "/payments/webhooks/dummy/",
                body,
                content_type="application/json",
                headers={"X-Dummy-Signature": DummyGateway.webhook_sign(body)},
            )
        finally:
            celery_app.conf.task_always_eager = True
        wait_for(
            lambda: WebhookMessage.objects.filter(processed_at__isnull=False).exists(),
            timeout=60,
            what="the worker to process the webhook",
            log=log,
        )

    payment.refresh_from_db()
    assert response.status_code == 200
    assert payment.state == "captured"
    assert VendorOrder.objects.get().status == VendorOrderStatus.PLACED
    assert "payments.webhook_message_process" in log.read_text()
