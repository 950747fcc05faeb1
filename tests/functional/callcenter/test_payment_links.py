"""A phone order paid by card through a payment link, against localstripe: the agent
never sees a card; the customer opens the link on their own device (no account, not
the agent's browser) and pays; both vendor parts become placed. Refunds and line
cancellations then go back through the gateway, once."""

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from oscar.core.loading import get_model

from payments.models import Payment
from shop.callcenter import services
from shop.callcenter.links import payment_link_token
from shop.callcenter.models import AuditAction, AuditEntry
from tests.functional.callcenter.conftest import client_for
from tests.functional.callcenter.test_phone_orders import address_data, fill_basket
from tests.localstripe_server import CARD_PAID, buyer_client

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
LINK = re.compile(r"https?://[^/\s]+(/pagar/enlace/[^\s]+/)")


def card_order(world, client, django_capture_on_commit_callbacks, payment_method="stripe"):
    """A phone order the agent places for the customer, paid through a link; the text
    message and the e-mail go out."""
    url = reverse("callcenter:phone-order", kwargs={"pk": world["customer"].pk})
    fill_basket(client, url, world, coffee_quantity=1)
    choices = {
        f"vendor-{partner.vendor.pk}": f"pickup-{partner.vendor.pickup_points.get().pk}"
        for partner in world["partners"]
    }
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "action": "place",
                **address_data(),
                **choices,
                "channel": "phone",
                "payment_method": payment_method,
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Order.objects.filter(user=world["customer"]).order_by("-pk").first()


def pay_by_card(customer_client: Client, link_path: str, api_base: str):
    """What the customer's browser does: open the link, let Stripe.js turn the card into
    a payment method id (localstripe here), send us only that id."""
    page = customer_client.get(link_path, follow=True)
    assert page.status_code == 200
    reference = page.context["payment"].reference
    method = buyer_client(api_base).v1.payment_methods.create(
        params={
            "type": "card",
            "card": {
                "number": CARD_PAID,
                "exp_month": 12,
                "exp_year": date.today().year + 5,
                "cvc": "123",
            },
        }
    )
    return customer_client.post(
        reverse("payment_pages:card", kwargs={"reference": reference}),
        data=json.dumps({"payment_method": method.id}),
        content_type="application/json",
    )


def paid_card_order(world, api_base: str, django_capture_on_commit_callbacks):
    """A card phone order the customer has paid through the link it got by e-mail."""
    order = card_order(world, client_for(world, "agent"), django_capture_on_commit_callbacks)
    link_path = LINK.search(mail.outbox[-1].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        pay_by_card(Client(), link_path, api_base)
    return order


def test_the_customer_pays_a_two_store_phone_order_through_the_link(
    world, stripe_enabled, django_capture_on_commit_callbacks
):
    agent = client_for(world, "agent")
    order = card_order(world, agent, django_capture_on_commit_callbacks)
    assert sorted(order.vendor_orders.values_list("status", flat=True)) == [
        "pending_payment",
        "pending_payment",
    ]
    [request] = [message for message in mail.outbox if message.to == ["marta@example.test"]]
    link_path = LINK.search(request.body).group(1)
    assert "4242" not in request.body

    with django_capture_on_commit_callbacks(execute=True):
        paid = pay_by_card(Client(), link_path, stripe_enabled)

    assert paid.status_code == 200 and "redirect" in paid.json()
    payment = Payment.objects.get(order=order)
    assert (payment.state, payment.amount) == ("captured", Decimal("800.00"))
    assert sorted(order.vendor_orders.values_list("status", flat=True)) == ["placed", "placed"]
    assert AuditEntry.objects.filter(action=AuditAction.ORDER_PLACED).count() == 1
    # The agent's session never held the payment page.
    assert (
        agent.get(
            reverse("payment_pages:card", kwargs={"reference": payment.reference})
        ).status_code
        == 404
    )


def test_a_forged_or_foreign_link_opens_nothing(
    world, stripe_enabled, django_capture_on_commit_callbacks
):
    order = card_order(world, client_for(world, "agent"), django_capture_on_commit_callbacks)
    payment = Payment.objects.get(order=order)
    stranger = Client()

    forged = stranger.get(
        reverse("payment_link:open", kwargs={"token": payment_link_token(reference="x") + "x"})
    )
    other = stranger.get(
        reverse(
            "payment_link:open", kwargs={"token": payment_link_token(reference="no-such-purchase")}
        )
    )

    assert (forged.status_code, other.status_code) == (404, 404)
    assert (
        stranger.get(
            reverse("payment_pages:card", kwargs={"reference": payment.reference})
        ).status_code
        == 404
    )


def test_a_card_paid_line_is_refunded_through_the_gateway_once(
    world, stripe_enabled, django_capture_on_commit_callbacks
):
    order = paid_card_order(world, stripe_enabled, django_capture_on_commit_callbacks)
    coffee_part = order.vendor_orders.get(sequence=1)
    coffee_line = order.lines.get(partner=world["partners"][0])
    agent = world["users"]["agent"]

    services.order_line_cancel(agent=agent, line_id=coffee_line.pk, reason="Sin café")

    payment = Payment.objects.get(order=order)
    refunds = payment.events.filter(kind="refund", phase="success")
    assert list(refunds.values_list("amount", flat=True)) == [Decimal("300.00")]
    coffee_part.refresh_from_db()
    assert coffee_part.status == "cancelled"  # its only line
    assert StockRecord.objects.get(product=world["coffee"]).num_allocated == 1  # Marta's
    # A refund asked for afterwards cannot take more than what was paid for that part.
    with pytest.raises(ValidationError):
        services.vendor_order_refund(
            agent=agent,
            vendor_order_id=coffee_part.pk,
            amount=Decimal("1.00"),
            key="again",
            reason="Más",
        )
    assert refunds.count() == 1
    payment.refresh_from_db()
    assert payment.state == "partially_refunded"


def test_a_refund_form_sent_twice_refunds_and_is_audited_once(
    world, stripe_enabled, django_capture_on_commit_callbacks
):
    order = paid_card_order(world, stripe_enabled, django_capture_on_commit_callbacks)
    honey_part = order.vendor_orders.get(sequence=2)
    client = client_for(world, "agent")
    url = reverse("callcenter:refund", kwargs={"number": honey_part.number})
    form = {"amount": "100.00", "reason": "Llegó abollado", "key": "form-1"}

    client.post(url, form)
    client.post(url, form)

    payment = Payment.objects.get(order=order)
    assert list(
        payment.events.filter(kind="refund", phase="success").values_list("amount", flat=True)
    ) == [Decimal("100.00")]
    assert AuditEntry.objects.filter(action=AuditAction.REFUNDED).count() == 1
    honey_part.refresh_from_db()
    assert honey_part.status == "placed"


def test_cancelling_an_unpaid_card_order_cancels_it_whole_and_its_link(
    world, stripe_enabled, django_capture_on_commit_callbacks
):
    order = card_order(world, client_for(world, "agent"), django_capture_on_commit_callbacks)
    link_path = LINK.search(mail.outbox[-1].body).group(1)
    first = order.vendor_orders.get(sequence=1)
    line = order.lines.get(partner=world["partners"][0])

    with pytest.raises(ValidationError):
        services.order_line_cancel(agent=world["users"]["agent"], line_id=line.pk, reason="Parcial")
    services.vendor_order_cancel(
        agent=world["users"]["agent"], vendor_order_id=first.pk, reason="Ya no lo quiere"
    )

    assert sorted(order.vendor_orders.values_list("status", flat=True)) == [
        "cancelled",
        "cancelled",
    ]
    assert Payment.objects.get(order=order).state == "cancelled"
    assert StockRecord.objects.get(product=world["coffee"]).num_allocated == 1  # Marta's
    opened = Client().get(link_path)
    assert opened.status_code == 302 and opened["Location"] == "/"
    assert AuditEntry.objects.filter(action=AuditAction.PART_CANCELLED).count() == 1


def test_the_payment_link_also_goes_by_text_message(
    world, stripe_enabled, settings, django_capture_on_commit_callbacks
):
    from shop import sms

    sms.outbox.clear()
    settings.SITE_URL = "https://encadena.example"

    order = card_order(world, client_for(world, "agent"), django_capture_on_commit_callbacks)

    [message] = sms.outbox
    assert message.to == "+5352349876"
    assert order.number in message.body
    # The link goes to the site's public address, never to the Site's stored domain.
    assert "https://encadena.example/pagar/enlace/" in message.body
    assert "800,00 CUP" in message.body and "800.00" not in message.body


def test_a_bank_transfer_phone_order_mails_the_instructions_and_waits_for_the_money(
    world, settings, django_capture_on_commit_callbacks
):
    from payments.services import bank_transfer_confirm
    from shop import sms

    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "bank_transfer": {
            "BACKEND": "payments.gateways.bank_transfer.BankTransfer",
            "OPTIONS": {
                "account_holder": "Encadena",
                "account_number": "0598 7654 3210 1234",
                "bank": "Banco Metropolitano",
            },
        },
    }
    client = client_for(world, "agent")
    url = reverse("callcenter:phone-order", kwargs={"pk": world["customer"].pk})
    fill_basket(client, url, world, coffee_quantity=1)
    choices = {
        f"vendor-{partner.vendor.pk}": f"pickup-{partner.vendor.pickup_points.get().pk}"
        for partner in world["partners"]
    }
    mail.outbox.clear()
    sms.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "action": "place",
                **address_data(),
                **choices,
                "channel": "phone",
                "payment_method": "bank_transfer",
            },
        )

    order = Order.objects.filter(user=world["customer"]).order_by("-pk").first()
    assert sorted(order.vendor_orders.values_list("status", flat=True)) == [
        "pending_payment",
        "pending_payment",
    ]
    [request] = [message for message in mail.outbox if message.to == ["marta@example.test"]]
    assert "0598 7654 3210 1234" in request.body and "/pagar/enlace/" not in request.body
    payment = Payment.objects.get(order=order)
    deadline = date_format(timezone.localtime(payment.deadline), "DATETIME_FORMAT")
    assert f"Transferencia bancaria: transfiera 800,00 CUP antes del {deadline}." in request.body
    assert f"ENC-{order.number}" in request.body and "800.00" not in request.body
    [text] = sms.outbox
    short = date_format(timezone.localtime(payment.deadline), "SHORT_DATETIME_FORMAT")
    assert text.body == (
        f"Encadena: por su compra {order.number}, transfiera 800,00 CUP a la "
        f"cuenta 0598 7654 3210 1234 (Banco Metropolitano) con la referencia "
        f"ENC-{order.number} antes del {short}."
    )
    bank_transfer_confirm(
        payment_id=Payment.objects.get(order=order).pk, actor=world["users"]["operator"]
    )
    assert sorted(order.vendor_orders.values_list("status", flat=True)) == ["placed", "placed"]


def test_the_agent_sends_the_payment_link_again_and_only_while_it_waits(
    world, stripe_enabled, django_capture_on_commit_callbacks
):
    client = client_for(world, "agent")
    order = card_order(world, client, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("callcenter:payment-link-send", kwargs={"number": order.number}),
            {"reason": "No encuentra el correo"},
        )
    refused = client.post(
        reverse("callcenter:payment-link-send", kwargs={"number": world["order"].number}),
        {"reason": "Contra entrega"},
        follow=True,
    )

    [again] = mail.outbox
    assert again.to == ["marta@example.test"] and LINK.search(again.body)
    entries = AuditEntry.objects.filter(action=AuditAction.PAYMENT_LINK_SENT)
    assert [entry.reason for entry in entries] == ["No encuentra el correo"]
    assert list(refused.context["messages"])
