"""Operators keep each national carrier's tables by CSV (all or nothing, each bad row
named in Spanish); a store chooses the carriers it sends through."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from logistics.national.models import NationalCarrier, NationalPoint, NationalRate, StoreCarrier
from tests.factories import UserFactory, VendorMembershipFactory
from tests.factories.accounts import operator_create
from tests.factories.national import NationalCarrierFactory, national_table

pytestmark = pytest.mark.django_db

GOOD_RATES = (
    "origen;destino;hasta_kg;precio;dias\n"
    "Guantánamo;Pinar del Río;2;380,00;4\n"
    "35;21;5;520;4\n"
    "La Habana;Pinar del Río;0,5;200;2\n"
)
BAD_RATES = (
    "origen,destino,hasta_kg,precio,dias\n"
    "Guantánamo,Pinar del Río,2,380.00,4\n"
    "Habana Vieja,Pinar del Río,2,300,2\n"
    "Guantánamo,Pinar del Río,2,400,4\n"
    "Holguín,Pinar del Río,-1,abc,dos\n"
)


@pytest.fixture
def operator_client(client):
    client.force_login(operator_create())
    return client


def upload(client, carrier, table: str, text: str):
    return client.post(
        reverse("national_dashboard:table-import", args=[carrier.pk, table]),
        {"table": SimpleUploadedFile("tabla.csv", text.encode(), content_type="text/csv")},
    )


def test_a_good_rate_table_replaces_the_old_one_and_exports_as_it_imports(operator_client):
    carrier = NationalCarrierFactory()
    national_table(carrier, origins=["Holguín"], destinations=["La Habana"])

    response = upload(operator_client, carrier, "tarifas", GOOD_RATES)

    assert response.status_code == 302
    assert sorted(
        NationalRate.objects.values_list(
            "origin__name", "destination__name", "max_weight_kg", "price", "transit_days"
        )
    ) == [
        ("Guantánamo", "Pinar del Río", Decimal("2.000"), Decimal("380.00"), 4),
        ("Guantánamo", "Pinar del Río", Decimal("5.000"), Decimal("520.00"), 4),
        ("La Habana", "Pinar del Río", Decimal("0.500"), Decimal("200.00"), 2),
    ]
    exported = operator_client.get(
        reverse("national_dashboard:table-export", args=[carrier.pk, "tarifas"])
    )
    NationalRate.objects.all().delete()
    assert upload(operator_client, carrier, "tarifas", exported.content.decode()).status_code == 302
    assert NationalRate.objects.count() == 3


def test_a_table_with_bad_rows_names_each_one_in_spanish_and_saves_nothing(operator_client):
    carrier = NationalCarrierFactory()
    national_table(carrier, origins=["Holguín"], destinations=["La Habana"])
    before = list(NationalRate.objects.values_list("pk", flat=True))

    response = upload(operator_client, carrier, "tarifas", BAD_RATES)

    assert response.status_code == 400
    html = response.content.decode()
    assert "No se importó nada" in html
    assert "Fila 3: no hay ninguna provincia llamada «Habana Vieja»." in html
    assert "Fila 4: la misma banda que la fila 2." in html
    assert "Fila 5:" in html and "el peso" in html and "el precio" in html
    assert list(NationalRate.objects.values_list("pk", flat=True)) == before


def test_a_file_without_the_columns_is_refused(operator_client):
    carrier = NationalCarrierFactory()

    response = upload(operator_client, carrier, "puntos", "nombre,ciudad\nA,B\n")

    assert response.status_code == 400
    assert "faltan: tipo, provincia, municipio, direccion, horario" in response.content.decode()
    assert not NationalPoint.objects.exists()


def test_points_import_with_their_municipality(operator_client):
    carrier = NationalCarrierFactory()
    text = (
        "tipo,provincia,municipio,nombre,direccion,horario\n"
        "ambos,Pinar del Río,Pinar del Río,Oficina Pinar,Martí 112,8:00 a 17:00\n"
        "recogida,Holguín,Moa,Oficina Moa,Calle 1,9:00 a 12:00\n"
        "entrega,Holguín,Baracoa,Oficina Baracoa,Calle 2,9:00 a 12:00\n"
    )

    response = upload(operator_client, carrier, "puntos", text)

    assert response.status_code == 400
    assert "Holguín no tiene ningún municipio llamado «Baracoa»" in response.content.decode()
    assert not NationalPoint.objects.exists()
    assert (
        upload(operator_client, carrier, "puntos", text.rsplit("entrega", 1)[0]).status_code == 302
    )
    assert sorted(NationalPoint.objects.values_list("kind", "municipality__name")) == [
        ("both", "Pinar del Río"),
        ("pickup", "Moa"),
    ]


def test_a_carrier_must_be_configured_before_it_is_saved(operator_client):
    data = {"name": "Otra", "minimum_charge": "100", "handling_days": "1", "is_active": "on"}

    refused = operator_client.post(
        reverse("national_dashboard:carrier-create"), {**data, "code": "otra"}
    )
    saved = operator_client.post(
        reverse("national_dashboard:carrier-create"), {**data, "code": "nacional"}
    )

    assert refused.status_code == 400
    assert "SHIPPING_CARRIERS" in refused.content.decode()
    assert saved.status_code == 302
    assert NationalCarrier.objects.get().name == "Otra"


def test_only_operators_open_the_carriers(client):
    client.force_login(UserFactory())

    response = client.get(reverse("national_dashboard:carriers"))

    assert response.status_code == 302


def test_a_store_chooses_its_national_carriers(client):
    carrier = NationalCarrierFactory()
    membership = VendorMembershipFactory()
    client.force_login(membership.user)
    url = reverse("vendor_dashboard:national-carriers", args=[membership.vendor.slug])

    assert "Paquetería Nacional" in client.get(url).content.decode()
    assert client.post(url, {"carrier": carrier.pk, "is_active": "1"}).status_code == 302
    assert StoreCarrier.objects.get().is_active
    assert client.post(url, {"carrier": carrier.pk, "is_active": "0"}).status_code == 302
    assert not StoreCarrier.objects.get().is_active
    assert client.post(url, {"carrier": 999, "is_active": "1"}).status_code == 404
