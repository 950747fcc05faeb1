from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from payments.ledger import payment_outcome_record
from payments.models import Payment
from payments.reconciliation import payments_reconcile
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.models import VendorOrder, VendorOrderStatus

StockRecord = get_model("partner", "StockRecord")


def unpaid(gateway: str = "bank_transfer", **payment_fields) -> Payment:
    partner = PartnerFactory(name="Café Serrano")
    product = ProductFactory(
        stockrecord__partner=partner,
        stockrecord__price=Decimal("100.00"),
        stockrecord__num_in_stock=5,
    )
    order = purchase({partner: [(product, 2)]}, status=VendorOrderStatus.PENDING_PAYMENT)
    return Payment.objects.create(
        reference=order.number,
        order=order,
        gateway=gateway,
        amount=Decimal("200.00"),
        currency="CUP",
        gateway_reference=f"ENC-{order.number}",
        deadline=timezone.now() + timedelta(hours=48),
        **payment_fields,
    )


@pytest.mark.django_db
def test_money_taken_but_parts_never_handed_over_are_repaired_once(
    django_capture_on_commit_callbacks,
):
    payment = unpaid()
    # The fault: the charge was recorded, then the process died before the next step.
    payment_outcome_record(
        payment_id=payment.pk,
        kind="charge",
        phase="success",
        amount=payment.amount,
        gateway_reference=payment.gateway_reference,
    )

    with django_capture_on_commit_callbacks(execute=True):
        first = payments_reconcile()
        second = payments_reconcile()

    assert first.handed_to_vendors == [payment.reference]
    assert second.handed_to_vendors == []
    assert VendorOrder.objects.get().status == VendorOrderStatus.PLACED
    assert sum("ana@example.test" in message.to for message in mail.outbox) == 1
    assert payment.events.filter(phase="success").count() == 1


@pytest.mark.django_db
def test_an_unpaid_purchase_past_its_deadline_is_cancelled_and_gives_its_stock_back():
    payment = unpaid()
    Payment.objects.filter(pk=payment.pk).update(deadline=timezone.now() - timedelta(minutes=1))

    report = payments_reconcile()

    payment.refresh_from_db()
    assert report.expired == [payment.reference]
    assert payment.state == "cancelled"
    assert VendorOrder.objects.get().status == VendorOrderStatus.CANCELLED
    assert StockRecord.objects.get().num_allocated == 0
    assert payments_reconcile().expired == []


@pytest.mark.django_db
def test_a_pending_payment_the_gateway_settled_is_brought_up_to_date(
    django_capture_on_commit_callbacks,
):
    payment = unpaid(gateway="dummy")
    Payment.objects.filter(pk=payment.pk).update(gateway_reference="dummy_abc_20000")

    with django_capture_on_commit_callbacks(execute=True):
        report = payments_reconcile()

    payment.refresh_from_db()
    assert report.synced == [payment.reference]
    assert payment.state == "captured"
    assert VendorOrder.objects.get().status == VendorOrderStatus.PLACED


@pytest.mark.django_db
def test_an_operator_confirms_a_transfer_once(client, django_capture_on_commit_callbacks):
    payment = unpaid()
    operator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(operator)
    url = reverse("payments_dashboard:bank-transfers")

    assert payment.gateway_reference in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"payment": payment.pk})
        client.post(url, {"payment": payment.pk})

    payment.refresh_from_db()
    assert payment.state == "captured"
    assert payment.events.get(phase="success").actor == operator
    assert VendorOrder.objects.get().status == VendorOrderStatus.PLACED


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "shopper", "agent"])
def test_only_operators_reach_the_transfer_page(client, role):
    payment = unpaid()
    if role != "anonymous":
        client.force_login(UserFactory(is_staff=role == "agent"))

    get = client.get(reverse("payments_dashboard:bank-transfers"))
    post = client.post(reverse("payments_dashboard:bank-transfers"), {"payment": payment.pk})

    payment.refresh_from_db()
    assert get.status_code == post.status_code == 302
    assert payment.state == "pending"


@pytest.mark.django_db
def test_a_payment_taken_without_a_purchase_is_reported_to_the_operators(
    django_capture_on_commit_callbacks,
):
    operator = UserFactory(is_staff=True, is_superuser=True, email="olga@example.test")
    orphan = Payment.objects.create(
        reference="P-ORPHAN",
        gateway="dummy",
        amount=Decimal("50.00"),
        currency="CUP",
        gateway_reference="dummy_orphan_5000",
    )
    payment_outcome_record(
        payment_id=orphan.pk,
        kind="charge",
        phase="success",
        amount=orphan.amount,
        gateway_reference=orphan.gateway_reference,
    )

    with django_capture_on_commit_callbacks(execute=True):
        report = payments_reconcile()

    assert report.without_purchase == ["P-ORPHAN"]
    [message] = [m for m in mail.outbox if operator.email in m.to]
    assert "P-ORPHAN" in message.body
