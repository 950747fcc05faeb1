"""A buyer downloads everything held about them, then erases their account: their
invoices still verify with the name printed on them, and nothing else names them."""

import io
import json
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from shop.invoices.services import invoice_issue
from shop.privacy.models import DataRequest
from shop.sourcing.models import Message
from tests.factories import UserFactory
from tests.factories.shipments import ready_part
from vendors.orders.transitions import ActorRole, vendor_order_transition

User = get_user_model()


@pytest.fixture
def buyer_with_a_purchase(db):
    buyer = UserFactory(email="lucia@example.test", first_name="Lucía", last_name="Fernández")
    buyer.set_password("una-clave-larga-2026")
    buyer.save()
    part = ready_part(user=buyer)
    for step in ("shipped", "delivered"):
        vendor_order_transition(
            vendor_order_id=part.pk, to_status=step, actor=None, actor_role=ActorRole.VENDOR
        )
    invoice = invoice_issue(vendor_order=part)
    buyer.addresses.create(
        first_name="Lucía",
        last_name="Fernández",
        line1="Calle 23",
        line4="Plaza",
        state="La Habana",
        country_id="CU",
    )
    return {"buyer": buyer, "part": part, "invoice": invoice}


def test_a_buyer_downloads_everything_held_about_them(
    client, buyer_with_a_purchase, django_capture_on_commit_callbacks
):
    buyer, part = buyer_with_a_purchase["buyer"], buyer_with_a_purchase["part"]
    client.force_login(buyer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:mine"), {"action": "export"})

    assert response.status_code == 302
    ready = [m for m in mail.outbox if buyer.email in m.to and "/mis-datos/" in m.body]
    assert len(ready) == 1
    link = re.search(r"https?://\S+/descargar/", ready[0].body).group()
    download = client.get(link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
    assert download.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert {
        "account.json",
        "account.csv",
        "addresses.json",
        "purchases.json",
        "purchases.csv",
        "messages.json",
        "reviews.json",
        "notices.json",
    } <= set(archive.namelist())
    assert json.loads(archive.read("account.json"))[0]["email"] == "lucia@example.test"
    purchases = json.loads(archive.read("purchases.json"))
    assert [p["number"] for p in purchases] == [part.order.number]
    assert purchases[0]["parts"][0]["number"] == part.number
    assert json.loads(archive.read("addresses.json"))[0]["line1"] == "Calle 23"
    other = UserFactory()
    client.force_login(other)
    assert (
        client.get(
            reverse("privacy:download", kwargs={"pk": DataRequest.objects.get().pk})
        ).status_code
        == 404
    )


def test_erasure_keeps_the_invoice_and_names_nobody_else(client, buyer_with_a_purchase):
    buyer, invoice = buyer_with_a_purchase["buyer"], buyer_with_a_purchase["invoice"]
    part = buyer_with_a_purchase["part"]
    client.force_login(buyer)

    wrong = client.post(reverse("privacy:mine"), {"password": "otra"})
    response = client.post(reverse("privacy:mine"), {"password": "una-clave-larga-2026"})

    assert wrong.status_code == 400
    assert response.status_code == 302
    buyer.refresh_from_db()
    assert not buyer.is_active and not buyer.has_usable_password()
    assert "lucia" not in buyer.email and buyer.first_name == buyer.last_name == ""
    assert buyer.addresses.count() == 0
    address = part.order.shipping_address
    address.refresh_from_db()
    assert (address.first_name, address.last_name, address.line1, str(address.phone_number)) == (
        "",
        "",
        "",
        "",
    )
    invoice.refresh_from_db()
    assert invoice.snapshot["recipient"]["name"] == "Lucía Fernández"
    verify = client.get(reverse("invoices:verify", kwargs={"code": invoice.verification_code}))
    assert verify.status_code == 200
    erased = DataRequest.objects.get(kind="erasure")
    assert erased.completed_at is not None
    assert not User.objects.filter(email="lucia@example.test").exists()
    assert Message.objects.filter(author=buyer).exclude(body__startswith="[").count() == 0
