import csv
import io
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from shop.invoices.files import invoice_pdf_store
from shop.invoices.services import credit_note_issue, invoice_issue
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.models import MembershipRole


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture
def world(db):
    partner_a = PartnerFactory(name="Tienda A", code="tienda-a")
    partner_b = PartnerFactory(name="Tienda B", code="tienda-b")
    owner = UserFactory()
    partner_a.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    buyer = UserFactory(first_name="=HYPERLINK(1)", last_name="")
    order = purchase(
        {
            partner_a: [
                (
                    ProductFactory(
                        stockrecord__partner=partner_a, stockrecord__price=Decimal("100.00")
                    ),
                    1,
                )
            ],
            partner_b: [
                (
                    ProductFactory(
                        stockrecord__partner=partner_b, stockrecord__price=Decimal("40.00")
                    ),
                    1,
                )
            ],
        },
        user=buyer,
    )
    part_a, part_b = order.vendor_orders.order_by("sequence")
    invoice_a = invoice_issue(vendor_order=part_a)
    invoice_pdf_store(invoice_id=invoice_a.pk)
    invoice_b = invoice_issue(vendor_order=part_b)
    invoice_pdf_store(invoice_id=invoice_b.pk)
    credit_note = credit_note_issue(vendor_order=part_a, amount=Decimal("25"), key="x")
    client = Client()
    client.force_login(owner)
    return {
        "vendor": partner_a.vendor,
        "client": client,
        "invoice_a": invoice_a,
        "invoice_b": invoice_b,
        "credit_note": credit_note,
        "part_a": part_a,
    }


def test_the_csv_lists_the_periods_invoices_and_credit_notes(world):
    response = world["client"].get(
        reverse("vendor_dashboard:invoice-export", args=[world["vendor"].slug])
    )

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    today = timezone.localdate().isoformat()
    invoice, credit_note, part = world["invoice_a"], world["credit_note"], world["part_a"]
    invoice.refresh_from_db()
    assert rows == [
        [
            "document",
            "number",
            "date",
            "invoice",
            "order",
            "customer",
            "customer_nit",
            "tax_base",
            "tax",
            "total",
            "currency",
            "sha256",
        ],
        [
            "factura",
            invoice.display_number,
            today,
            "",
            part.number,
            "'=HYPERLINK(1)",
            "",
            "100.00",
            "0.00",
            "100.00",
            "CUP",
            invoice.sha256,
        ],
        [
            "nota de crédito",
            credit_note.display_number,
            today,
            invoice.display_number,
            part.number,
            "'=HYPERLINK(1)",
            "",
            "-25.00",
            "0.00",
            "-25.00",
            "CUP",
            "",
        ],
    ]


def test_the_zip_holds_the_csv_and_only_the_vendors_pdfs(world):
    response = world["client"].get(
        reverse("vendor_dashboard:invoice-export-pdfs", args=[world["vendor"].slug])
    )

    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    invoice = world["invoice_a"]
    invoice.refresh_from_db()
    assert sorted(archive.namelist()) == sorted(["documentos.csv", f"{invoice.display_number}.pdf"])
    assert archive.read(f"{invoice.display_number}.pdf") == invoice.pdf.read()


def test_a_period_without_documents_exports_only_the_header(world):
    last_year = timezone.localdate() - timedelta(days=400)

    response = world["client"].get(
        reverse("vendor_dashboard:invoice-export", args=[world["vendor"].slug]),
        {"start": last_year.isoformat(), "end": (last_year + timedelta(days=30)).isoformat()},
    )

    assert response.status_code == 200
    assert len(response.content.decode().splitlines()) == 1


def test_a_backwards_period_is_refused(world):
    today = timezone.localdate()

    response = world["client"].get(
        reverse("vendor_dashboard:invoice-export", args=[world["vendor"].slug]),
        {"start": today.isoformat(), "end": (today - timedelta(days=1)).isoformat()},
    )

    assert response.status_code == 400
