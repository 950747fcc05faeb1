"""Who may download an invoice, and what the public verification page shows."""

import hashlib
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from shop.invoices.files import credit_note_pdf_store, invoice_pdf_store
from shop.invoices.services import credit_note_issue, invoice_issue
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.models import MembershipRole

ROLES = ["anonymous", "shopper", "agent", "buyer", "owner_a", "staff_a", "owner_b", "operator"]
# the buyer, the issuing vendor's team, and staff (operators and call-center agents)
ALLOWED = {"buyer", "owner_a", "staff_a", "agent", "operator"}


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture
def world(db):
    partner_a = PartnerFactory(name="Tienda A", code="tienda-a")
    partner_b = PartnerFactory(name="Tienda B", code="tienda-b")
    users = {
        "anonymous": None,
        "shopper": UserFactory(),
        "agent": UserFactory(is_staff=True),
        "buyer": UserFactory(first_name="Berta", last_name="Compradora"),
        "owner_a": UserFactory(),
        "staff_a": UserFactory(),
        "owner_b": UserFactory(),
        "operator": UserFactory(is_staff=True, is_superuser=True),
    }
    users["agent"].groups.add(Group.objects.get_or_create(name="callcenter")[0])
    partner_a.vendor.memberships.create(user=users["owner_a"], role=MembershipRole.OWNER)
    partner_a.vendor.memberships.create(user=users["staff_a"], role=MembershipRole.STAFF)
    partner_b.vendor.memberships.create(user=users["owner_b"], role=MembershipRole.OWNER)
    order = purchase(
        {partner_a: [(ProductFactory(title="Producto de A", stockrecord__partner=partner_a), 1)]},
        user=users["buyer"],
    )
    invoice = invoice_issue(vendor_order=order.vendor_orders.get())
    invoice_pdf_store(invoice_id=invoice.pk)
    invoice.refresh_from_db()
    credit_note = credit_note_issue(
        vendor_order=order.vendor_orders.get(), amount=Decimal("1.00"), key="access"
    )
    credit_note_pdf_store(credit_note_id=credit_note.pk)
    credit_note.refresh_from_db()
    return {"users": users, "invoice": invoice, "credit_note": credit_note, "order": order}


def client_for(world, role) -> Client:
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("document", "url_name"),
    [("invoice", "invoices:pdf"), ("credit_note", "invoices:credit-note-pdf")],
)
def test_download(world, role, document, url_name):
    invoice = world[document]

    response = client_for(world, role).get(reverse(url_name, kwargs={"pk": invoice.pk}))

    if role in ALLOWED:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == "private, no-store"
        assert f'filename="{invoice.display_number}.pdf"' in response["Content-Disposition"]
        body = b"".join(response.streaming_content)
        assert body.startswith(b"%PDF")
        assert hashlib.sha256(body).hexdigest() == invoice.sha256
    else:
        assert response.status_code == 404


def test_an_unknown_invoice_is_404_even_for_operators(world):
    response = client_for(world, "operator").get(reverse("invoices:pdf", kwargs={"pk": 999999}))

    assert response.status_code == 404


def test_the_pdf_is_not_under_media(world, settings):
    path = world["invoice"].pdf.path

    assert path.startswith(str(settings.PRIVATE_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))


def test_the_public_verification_page_confirms_without_personal_data(world):
    invoice = world["invoice"]

    response = Client().get(reverse("invoices:verify", kwargs={"code": invoice.verification_code}))

    assert response.status_code == 200
    html = response.content.decode()
    assert invoice.display_number in html
    assert invoice.snapshot["issuer"]["legal_name"] in html
    assert invoice.snapshot["total"] == "250.00"
    assert "250,00 CUP" in html and "250.00" not in html
    assert invoice.snapshot["issued_on"] in html
    for personal in (
        "Berta",
        "Compradora",
        world["users"]["buyer"].email,
        world["order"].number,
        "Producto de A",
    ):
        assert personal not in html


def test_a_wrong_verification_code_is_404(world):
    response = Client().get(reverse("invoices:verify", kwargs={"code": "nope-" + "x" * 20}))

    assert response.status_code == 404


def test_the_pdf_prints_the_verification_address(world):
    invoice = world["invoice"]
    reader = PdfReader(io.BytesIO(invoice.pdf.read()))

    text = "".join("".join(page.extract_text() for page in reader.pages).split())

    assert f"/facturas/verificar/{invoice.verification_code}/" in text
