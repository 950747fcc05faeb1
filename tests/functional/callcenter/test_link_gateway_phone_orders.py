"""A phone order paid with Transfermóvil: the customer gets the payment link by text
message, opens it on their own phone (no account), sees the QR code, link and code, pays
in the (fake) app, and the purchase is paid."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from payments.models import Payment
from tests.fakes import transfermovil_server
from tests.fakes.fixtures import fake_reset, payer_confirms, transfermovil_url  # noqa: F401
from tests.functional.callcenter.conftest import client_for
from tests.functional.callcenter.test_payment_links import card_order

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
LINK = re.compile(r"https?://[^/\s]+(/pagar/enlace/[^\s]+/)")
TRANSFERMOVIL = "transfermovil"


@pytest.fixture
def transfermovil(settings, transfermovil_url):  # noqa: F811 - the fixture above
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        TRANSFERMOVIL: {
            "BACKEND": "payments.gateways.transfermovil.adapter.TransfermovilGateway",
            "OPTIONS": transfermovil_server.options(fake_reset(transfermovil_url)),
        },
    }


def test_a_phone_order_paid_with_transfermovil_through_the_text_message(
    world, transfermovil, django_capture_on_commit_callbacks
):
    from shop import sms

    sms.outbox.clear()
    order = card_order(
        world, client_for(world, "agent"), django_capture_on_commit_callbacks, TRANSFERMOVIL
    )
    [text] = sms.outbox
    assert order.number in text.body and "800,00 CUP" in text.body

    phone = Client()
    page = phone.get(LINK.search(text.body).group(1), follow=True)
    payment = Payment.objects.get(order=order)
    assert page.redirect_chain[-1][0] == reverse(
        "payment_pages:link", kwargs={"reference": payment.reference}
    )
    body = page.content.decode()
    code = page.context["link"].code
    assert "<svg" in body and code in body
    checked = phone.post(reverse("payment_pages:link", kwargs={"reference": payment.reference}))
    assert checked.status_code == 302 and "codigo" in checked["Location"]  # not paid yet

    payer_confirms(page.context["link"].url)
    with django_capture_on_commit_callbacks(execute=True):
        paid = phone.post(reverse("payment_pages:link", kwargs={"reference": payment.reference}))

    assert paid["Location"] == reverse("checkout:thank-you")
    payment.refresh_from_db()
    assert payment.state == "captured"
    assert sorted(order.vendor_orders.values_list("status", flat=True)) == ["placed", "placed"]
