"""A shipment notice queued by the web process and sent by a real Celery worker."""

import json

import pytest
from django.test import Client

from logistics.carriers.webhook import SIGNATURE_HEADER, webhook_signature
from logistics.models import ShipmentNotice
from logistics.tracking import shipment_create
from shop.celery import app as celery_app
from tests.factories.shipments import carrier_time, ready_part
from tests.processes import compose_command, process_environment, running, wait_for


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_sends_the_notice_once(tmp_path):
    shipment_create(
        vendor_order=ready_part(),
        carrier="webhook",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
        tracking_code="MR-W1",
    )
    body = json.dumps(
        {
            "events": [
                {
                    "id": "evt-worker",
                    "tracking_code": "MR-W1",
                    "status": "picked_up",
                    "occurred_at": carrier_time(),
                }
            ]
        }
    ).encode()
    headers = {
        SIGNATURE_HEADER: webhook_signature(secret="test-shipping-webhook-secret", body=body)
    }
    log = tmp_path / "worker.log"
    environment = process_environment(DJANGO_SETTINGS_MODULE="shop.settings.test")

    with running(compose_command("worker"), environment=environment, log=log):
        wait_for(lambda: "ready." in log.read_text(), timeout=60, what="worker ready", log=log)
        celery_app.conf.task_always_eager = False
        try:
            responses = [
                Client().post(
                    "/logistics/webhooks/webhook/",
                    body,
                    content_type="application/json",
                    headers=headers,
                )
                for _ in range(3)
            ]
        finally:
            celery_app.conf.task_always_eager = True
        wait_for(
            lambda: ShipmentNotice.objects.filter(sent_at__isnull=False).exists(),
            timeout=60,
            what="the worker to send the notice",
            log=log,
        )
        # The worker logs the task's end after its transaction commits: stopped at once, it
        # would be cut off before saying so.
        wait_for(lambda: "succeeded" in log.read_text(), timeout=30, what="the task's end", log=log)

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert list(ShipmentNotice.objects.values_list("status", flat=True)) == ["picked_up"]
    assert log.read_text().count("logistics.shipment_notice_send") >= 1
    assert "succeeded" in log.read_text()
