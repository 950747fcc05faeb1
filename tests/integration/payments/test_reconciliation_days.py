"""The operators' reconciliation: per gateway and day, what was expected, what was
confirmed and the references that differ; the reconciliation task asks the gateways
without callbacks (Transfermóvil) about pending payments."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from payments.interface import Money, PaymentRequest, PaymentState
from payments.ledger import payment_outcome_record
from payments.models import Payment
from payments.reconciliation import payments_reconcile, reconciliation_days
from payments.registry import gateway_get
from tests.factories.accounts import operator_create
from tests.factories.users import UserFactory
from tests.fakes import enzona_server, transfermovil_server
from tests.fakes.fixtures import fake_reset, payer_confirms
from tests.queries import query_count

pytestmark = pytest.mark.django_db

ENZONA, TRANSFERMOVIL, CASH = "enzona", "transfermovil", "cash_on_delivery"


@pytest.fixture
def gateways(settings, enzona_url, transfermovil_url):
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        ENZONA: {
            "BACKEND": "payments.gateways.enzona.adapter.EnzonaGateway",
            "OPTIONS": enzona_server.options(fake_reset(enzona_url)),
        },
        TRANSFERMOVIL: {
            "BACKEND": "payments.gateways.transfermovil.adapter.TransfermovilGateway",
            "OPTIONS": transfermovil_server.options(fake_reset(transfermovil_url)),
        },
    }


def payment(reference, gateway, amount, *, at, taken=None, state=None, gateway_reference=""):
    with time_machine.travel(at, tick=False):
        made = Payment.objects.create(
            reference=reference,
            gateway=gateway,
            amount=Decimal(amount),
            currency="CUP",
            gateway_reference=gateway_reference or f"ref-{reference}",
            deadline=at + timedelta(days=2),
        )
        if taken is not None:
            payment_outcome_record(
                payment_id=made.pk,
                kind="charge",
                phase="success",
                amount=Decimal(taken),
                gateway_reference=made.gateway_reference,
            )
        if state == PaymentState.CANCELLED:
            payment_outcome_record(
                payment_id=made.pk, kind="cancel", phase="success", amount=made.amount
            )
    return made


@pytest.fixture
def two_days(gateways):
    now = timezone.now().replace(hour=12)
    earlier = now - timedelta(days=2)
    payment("PAGO-A1", ENZONA, "100.00", at=earlier, taken="100.00")
    payment("PAGO-A2", ENZONA, "50.00", at=earlier)  # never paid
    payment("PAGO-A3", ENZONA, "70.00", at=earlier, state=PaymentState.CANCELLED)
    payment("PAGO-A4", TRANSFERMOVIL, "30.00", at=earlier, taken="30.00")
    payment("PAGO-A5", CASH, "999.00", at=earlier)  # counted by the couriers, not here
    payment("PAGO-B1", ENZONA, "20.00", at=now, taken="15.00")  # paid short
    return earlier.date(), timezone.localdate(now)


def test_each_gateway_and_day_says_what_was_expected_confirmed_and_differs(two_days):
    earlier, today = two_days

    days = {(row.gateway, row.day): row for row in reconciliation_days(start=earlier, end=today)}

    assert set(days) == {(ENZONA, earlier), (TRANSFERMOVIL, earlier), (ENZONA, today)}
    enzona = days[(ENZONA, earlier)]
    assert (enzona.started, enzona.closed, enzona.differing) == (3, 1, 1)
    assert (enzona.expected, enzona.confirmed, enzona.difference) == (
        Decimal("150.00"),
        Decimal("100.00"),
        Decimal("-50.00"),
    )
    assert [(d.reference, d.gateway_reference, d.confirmed) for d in enzona.differences] == [
        ("PAGO-A2", "ref-PAGO-A2", Decimal("0"))
    ]
    assert days[(TRANSFERMOVIL, earlier)].differences == []
    short = days[(ENZONA, today)]
    assert [(d.reference, d.expected, d.confirmed) for d in short.differences] == [
        ("PAGO-B1", Decimal("20.00"), Decimal("15.00"))
    ]
    assert reconciliation_days(start=today, end=today) == [short]


def test_the_page_shows_the_references_to_chase_in_constant_queries(client, two_days):
    earlier, today = two_days
    client.force_login(operator_create())
    url = reverse("payments_dashboard:reconciliation") + f"?start={earlier}&end={today}"

    page = client.get(url).content.decode()
    before = query_count(client, url)
    now = timezone.now()
    for number in range(6):
        payment(f"PAGO-C{number}", TRANSFERMOVIL, "10.00", at=now - timedelta(days=number % 3))

    # References that a random token (the form's CSRF one) cannot spell by chance.
    assert "PAGO-A2" in page and "PAGO-B1" in page and "PAGO-A5" not in page
    assert query_count(client, url) == before


@pytest.mark.parametrize("query", ["start=2026-13-01&end=x", "start=2026-05-09&end=2026-05-01"])
def test_a_bad_period_is_told_in_spanish_and_the_last_week_shown(client, gateways, query):
    client.force_login(operator_create())

    answer = client.get(reverse("payments_dashboard:reconciliation") + "?" + query)

    assert answer.status_code == 200
    text = answer.content.decode()
    assert "Introduzca una fecha válida" in text or "no debe ser posterior" in text


def test_only_operators_see_the_reconciliation(client, gateways):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("payments_dashboard:reconciliation")).status_code == 302


def transfermovil_payment_started():
    gateway = gateway_get(TRANSFERMOVIL)
    started = gateway.start(
        PaymentRequest(
            reference="T1", amount=Money(Decimal("45.00"), "CUP"), idempotency_key="T1:charge:1"
        )
    )
    made = payment(
        "T1",
        TRANSFERMOVIL,
        "45.00",
        at=timezone.now(),
        gateway_reference=started.gateway_reference,
    )
    return made, gateway.payment_link(gateway_reference=started.gateway_reference)


def test_an_operator_asks_the_gateway_about_a_reference(client, gateways):
    made, link = transfermovil_payment_started()
    client.force_login(operator_create())
    url = reverse("payments_dashboard:reconciliation")
    client.post(url, {"payment": made.pk})
    made.refresh_from_db()
    assert made.state == PaymentState.PENDING

    payer_confirms(link.url)
    answer = client.post(url, {"payment": made.pk}, follow=True)

    made.refresh_from_db()
    assert made.state == PaymentState.CAPTURED
    assert "T1" in answer.content.decode()


def test_the_reconciliation_task_asks_transfermovil_about_pending_payments(gateways):
    made, link = transfermovil_payment_started()
    payer_confirms(link.url)

    report = payments_reconcile()

    made.refresh_from_db()
    assert report.synced == ["T1"]
    assert made.state == PaymentState.CAPTURED
