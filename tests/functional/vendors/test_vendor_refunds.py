from decimal import Decimal

import pytest
from django.urls import reverse

from payments.ledger import payment_outcome_record
from payments.models import Payment, PaymentEvent
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.ledger.entries import vendor_balance, vendor_sale_record
from vendors.models import MembershipRole


@pytest.fixture
def paid_part(db):
    partner = PartnerFactory(name="Café Serrano")
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    order = purchase(
        {
            partner: [
                (
                    ProductFactory(
                        stockrecord__partner=partner, stockrecord__price=Decimal("100.00")
                    ),
                    1,
                )
            ]
        }
    )
    payment = Payment.objects.create(
        reference=order.number,
        order=order,
        gateway="dummy",
        amount=Decimal("100.00"),
        currency="CUP",
        gateway_reference="dummy_abc_10000",
    )
    payment_outcome_record(
        payment_id=payment.pk,
        kind="charge",
        phase="success",
        amount=payment.amount,
        gateway_reference=payment.gateway_reference,
    )
    vendor_order = order.vendor_orders.get()
    vendor_sale_record(vendor_order=vendor_order)
    return owner, vendor_order


def refund_url(vendor_order) -> str:
    return reverse(
        "vendor_dashboard:order-refund",
        kwargs={"vendor_slug": vendor_order.vendor.slug, "number": vendor_order.number},
    )


def test_the_vendor_refunds_its_part_once_even_when_the_form_is_sent_twice(client, paid_part):
    owner, vendor_order = paid_part
    client.force_login(owner)
    page = client.get(
        reverse(
            "vendor_dashboard:order-detail",
            kwargs={"vendor_slug": vendor_order.vendor.slug, "number": vendor_order.number},
        )
    )
    key = page.context["refund_form"].initial["key"]
    data = {"amount": "25.00", "reason": "Paquete dañado", "key": key}

    answers = [client.post(refund_url(vendor_order), data).status_code for _ in range(2)]

    assert answers == [302, 302]
    assert list(
        PaymentEvent.objects.filter(kind="refund", phase="success").values_list("amount", flat=True)
    ) == [Decimal("25.00")]
    assert vendor_balance(vendor=vendor_order.vendor) == Decimal("69.00")  # 100 − 8 − 25 + 2


@pytest.mark.parametrize(
    "amount, message",
    [
        ("0", "mayor que cero"),
        ("abc", "número"),
        ("100.01", "Como máximo"),
    ],
)
def test_bad_refunds_are_explained_and_change_nothing(client, paid_part, amount, message):
    owner, vendor_order = paid_part
    client.force_login(owner)

    response = client.post(refund_url(vendor_order), {"amount": amount, "reason": "x", "key": "k1"})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PaymentEvent.objects.filter(kind="refund").exists()
