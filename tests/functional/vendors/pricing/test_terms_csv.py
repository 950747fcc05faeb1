"""The CSV import sets a product's wholesale terms with the same checks as the
dashboard, all or nothing, with an error per row; the export writes them back."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from vendors.catalogue.csv_import import vendor_catalogue_csv, vendor_catalogue_csv_import
from vendors.pricing.models import ProductTerms, TierPrice
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.selectors import quantity_terms_for

pytestmark = pytest.mark.django_db

HEADER = "sku,price,stock,minimum,multiple,tiers\n"


@pytest.fixture
def vendor():
    partner = PartnerFactory(name="Harinera del Sur")
    ProductFactory(
        title="Harina de trigo",
        stockrecord__partner=partner,
        stockrecord__partner_sku="HARINA-1",
        stockrecord__price=Decimal("100.00"),
    )
    return partner.vendor


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("productos.csv", text.encode("utf-8"), content_type="text/csv")


def terms_of(vendor) -> dict:
    records = vendor.partner.stockrecords.order_by("partner_sku")
    terms = quantity_terms_for(record.pk for record in records)
    return {record.partner_sku: terms[record.pk] for record in records}


def test_the_import_sets_tiers_minimum_and_multiple_and_the_export_writes_them(vendor):
    report = vendor_catalogue_csv_import(
        vendor=vendor,
        actor=UserFactory(),
        upload=upload(HEADER + 'HARINA-1,100.00,500,24,24,"24:95,00; 48:90"\n'),
    )

    assert (report.ok, report.updated) == (True, 1)
    assert terms_of(vendor) == {
        "HARINA-1": QuantityTerms(
            minimum=24,
            multiple=24,
            tiers=(Tier(24, Decimal("95.00")), Tier(48, Decimal("90.00"))),
        )
    }
    assert (
        "HARINA-1,Harina de trigo,100.00,500,,sí,,24,24,24:95.00; 48:90.00"
        in vendor_catalogue_csv(vendor=vendor)
    )


def test_one_bad_row_keeps_nothing_and_each_row_says_what_is_wrong(vendor):
    ProductFactory(stockrecord__partner=vendor.partner, stockrecord__partner_sku="HARINA-2")

    with translation.override("es"):
        report = vendor_catalogue_csv_import(
            vendor=vendor,
            actor=UserFactory(),
            upload=upload(
                HEADER
                + 'HARINA-1,100.00,500,24,24,"24:95"\n'
                + "HARINA-2,100.00,5,0,12,24:120\n"
                + "HARINA-3,100.00,5,1,1,veinte\n"
            ),
        )

    assert report.errors == [
        (
            3,
            "La cantidad mínima 0 no es un número entero de 1 a 1000000; el precio desde 24 "
            "unidades (120) debe ser menor que el precio para menos unidades (100.00).",
        ),
        (
            4,
            "El precio por volumen veinte no está escrito como cantidad:precio (por ejemplo "
            "24:95.00).",
        ),
    ]
    assert not ProductTerms.objects.exists() and not TierPrice.objects.exists()
