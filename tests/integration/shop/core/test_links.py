"""Every link that leaves the site (e-mails, text messages, the invoice's QR code, Oscar's
own e-mails) starts with the configured public address, never with the Site's stored
domain nor whatever host served the request."""

import io
import re

import pytest
from django.contrib.sites.models import Site
from django.core import mail
from pypdf import PdfReader

from logistics.models import TrackingStatus
from logistics.tracking import shipment_create, tracking_event_record
from shop import sms
from shop.customers.models import CustomerPreferences
from shop.invoices.files import invoice_pdf_store
from shop.invoices.models import Invoice
from shop.invoices.services import invoice_issue
from tests.factories import UserFactory, VendorMembershipFactory
from tests.factories.shipments import carrier_event, ready_part
from vendors.actors.services import vendor_invitation_create
from vendors.models import MembershipRole

PUBLIC = "https://tienda.encadena.example:8443"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_address(settings, tmp_path):
    settings.SITE_URL = PUBLIC
    settings.PRIVATE_ROOT = tmp_path / "private"
    Site.objects.filter(pk=1).update(domain="127.0.0.1:8000")
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_the_invoice_prints_and_encodes_the_public_verification_address(
    django_capture_on_commit_callbacks,
):
    part = ready_part()
    invoice = invoice_issue(vendor_order=part)
    invoice_pdf_store(invoice_id=invoice.pk)
    invoice = Invoice.objects.get(pk=invoice.pk)

    with invoice.pdf.open("rb") as pdf:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read())).pages)

    assert f"{PUBLIC}/facturas/verificar/{invoice.verification_code}/" in text.replace("\n", "")
    assert "127.0.0.1" not in text


def test_delivery_steps_link_the_public_tracking_page_by_mail_and_text(
    django_capture_on_commit_callbacks,
):
    buyer = UserFactory(email="lucia@example.test")
    CustomerPreferences.objects.create(user=buyer, sms_notifications=True)
    shipment = shipment_create(
        vendor_order=ready_part(user=buyer),
        carrier="manual",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
    )

    with django_capture_on_commit_callbacks(execute=True):
        tracking_event_record(
            shipment_id=shipment.pk, event=carrier_event(shipment, TrackingStatus.OUT_FOR_DELIVERY)
        )

    tracking = f"{PUBLIC}/seguimiento/{shipment.tracking_code}/"
    [message] = mail.outbox
    [text] = sms.outbox
    assert links(message.body) == [tracking]
    assert links(message.alternatives[0][0]) == [tracking]
    assert links(text.body) == [tracking]


def test_a_store_invitation_links_the_public_address():
    vendor = ready_part().vendor
    owner = VendorMembershipFactory(vendor=vendor, role=MembershipRole.OWNER).user

    invitation = vendor_invitation_create(
        vendor=vendor, email="nuevo@example.test", invited_by=owner
    )

    [message] = mail.outbox
    assert links(message.body) == [f"{PUBLIC}/vendedor/invitacion/{invitation.token}/"]


def test_oscars_own_emails_link_the_public_address(client, django_capture_on_commit_callbacks):
    UserFactory(email="olvido@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/password-reset/", {"email": "olvido@example.test"})

    [message] = mail.outbox
    assert links(message.body)
    assert all(
        link.startswith(f"{PUBLIC}/password-reset/confirm/") for link in links(message.body)
    ), message.body
