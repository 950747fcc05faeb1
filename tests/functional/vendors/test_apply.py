"""'Vende en Encadena': an actor applies; bad input never saves half a vendor."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from logistics.models import Municipality
from tests.factories import VendorFactory
from tests.functional.vendors.conftest import png_bytes
from vendors.models import MembershipRole, Vendor, VendorStatus

User = get_user_model()


def nothing_saved():
    return (
        Vendor.objects.count() == 0
        and not User.objects.filter(email="marta@habanera.test").exists()
    )


def test_a_visitor_applies_and_becomes_the_owner_of_an_applied_vendor(client, application_data):
    logo = SimpleUploadedFile("logo.png", png_bytes((800, 600)), content_type="image/png")

    response = client.post("/vende/", {**application_data, "logo": logo})

    assert response.status_code == 302
    assert response["Location"] == "/vende/gracias/"
    vendor = Vendor.objects.get()
    assert (vendor.status, vendor.trade_name, vendor.nit, vendor.slug) == (
        VendorStatus.APPLIED,
        "Dulcería La Habanera",
        "01234567890",
        "dulceria-la-habanera",
    )
    assert vendor.partner.name == "Dulcería La Habanera"
    owner = User.objects.get(email="marta@habanera.test")
    assert list(vendor.memberships.values_list("user", "role")) == [
        (owner.pk, MembershipRole.OWNER)
    ]
    assert list(vendor.status_changes.values_list("from_status", "to_status")) == [
        ("", VendorStatus.APPLIED)
    ]
    assert client.session["_auth_user_id"] == str(owner.pk)
    with Image.open(vendor.logo.path) as stored:
        assert (stored.format, stored.size) == ("PNG", (512, 384))
    assert [m.to for m in mail.outbox] == [["ventas@habanera.test"]]
    assert mail.outbox[0].subject == "Recibimos la solicitud de Dulcería La Habanera"


def test_an_applied_store_is_hidden_from_visitors_but_previewed_by_its_owner(
    client, application_data
):
    client.post("/vende/", application_data)

    owner_view = client.get("/tiendas/dulceria-la-habanera/")
    client.logout()
    visitor_view = client.get("/tiendas/dulceria-la-habanera/")

    assert owner_view.status_code == 200
    assert "Solo usted ve esta tienda" in owner_view.content.decode()
    assert visitor_view.status_code == 404
    assert "Dulcería La Habanera" not in client.get("/actores/").content.decode()


def test_a_signed_in_user_applies_without_a_new_account(
    client, application_data, django_user_model
):
    user = django_user_model.objects.create_user("ana", "ana@example.test", "una-clave-larga-2026")
    client.force_login(user)
    data = {k: v for k, v in application_data.items() if not k.startswith(("owner_", "password"))}

    response = client.post("/vende/", data)

    assert response.status_code == 302
    assert Vendor.objects.get().memberships.get().user == user


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("nit", "123", "El NIT debe tener exactamente 11 dígitos"),
        ("nit", "0123456789A", "El NIT debe tener exactamente 11 dígitos"),
        ("phone", "llámame", "Escriba un teléfono como"),
        ("municipality", "999999", "Elija un municipio de la lista."),
        ("actor_type", "banco", "Escoja una opción válida"),
        ("password2", "otra-clave-distinta", "Las dos contraseñas no coinciden."),
        ("email", "no-es-correo", "Introduzca una dirección de correo electrónico válida."),
    ],
)
def test_bad_input_is_refused_in_spanish_and_nothing_is_saved(
    client, application_data, field, value, message
):
    response = client.post("/vende/", {**application_data, field: value})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_saved()


def test_a_municipality_of_another_province_is_refused(client, application_data):
    trinidad = Municipality.objects.get(name="Trinidad")

    response = client.post("/vende/", {**application_data, "municipality": trinidad.pk})

    assert response.status_code == 400
    assert "Trinidad no está en La Habana." in response.content.decode()
    assert nothing_saved()


def test_a_nit_already_registered_is_refused(client, application_data):
    VendorFactory(nit="01234567890")

    response = client.post("/vende/", application_data)

    assert "Ya hay un vendedor registrado con este NIT." in response.content.decode()
    assert Vendor.objects.count() == 1


def test_an_existing_account_email_is_sent_to_sign_in(client, application_data, django_user_model):
    django_user_model.objects.create_user("marta", "marta@habanera.test", "x-clave-larga-2026")

    response = client.post("/vende/", application_data)

    assert "inicie sesión y luego solicite" in response.content.decode()
    assert Vendor.objects.count() == 0


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png"),
            "La imagen debe ser una foto PNG, JPEG, WebP o GIF.",
        ),
        (
            SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1)),
            "La imagen debe ocupar 2 MB o menos.",
        ),
        (
            SimpleUploadedFile("logo.png", png_bytes((5000, 4000))),
            "La imagen es demasiado grande: como máximo 4096 × 4096 píxeles.",
        ),
    ],
    ids=["not-an-image", "too-heavy", "too-many-pixels"],
)
def test_bad_logos_are_refused(client, application_data, upload, message):
    response = client.post("/vende/", {**application_data, "logo": upload})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_saved()


def test_the_form_works_in_english(client, application_data):
    response = client.post("/en/vende/", {**application_data, "nit": "12"})

    assert "The NIT must have exactly 11 digits" in response.content.decode()
