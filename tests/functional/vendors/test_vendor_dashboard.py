"""A vendor runs its catalogue and stock; bad input gets a Spanish message, nothing half-saved."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from tests.factories import CategoryFactory, PartnerFactory, ProductFactory, UserFactory
from tests.functional.vendors.conftest import png_bytes
from vendors.models import MembershipRole, StockMovement, StockMovementReason, VendorMembership

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def owner(db):
    return UserFactory(email="vilma@guayabita.test")


@pytest.fixture
def vendor(owner):
    partner = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    return partner.vendor


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def test_my_store_link_leads_a_member_to_its_dashboard(owner_client, vendor):
    response = owner_client.get("/vendedor/")

    assert response.status_code == 302
    assert response["Location"] == "/vendedor/guayabita/"


def test_owner_adds_a_product_with_a_picture_and_it_appears_on_the_store_page(
    owner_client, owner, vendor, client
):
    sweets = CategoryFactory(name="Conservas y dulces")

    response = owner_client.post(
        "/vendedor/guayabita/productos/nuevo/",
        {
            "title": "Mermelada de mango, 500 g",
            "description": "Casera.",
            "category": sweets.pk,
            "price": "320.50",
            "sku": "MM-500",
            "stock": "40",
            "low_stock_threshold": "5",
            "is_public": "on",
            "image": SimpleUploadedFile(
                "foto.jpg", png_bytes((1600, 900)), content_type="image/png"
            ),
        },
    )

    product = Product.objects.get(title="Mermelada de mango, 500 g")
    assert response.status_code == 302
    stockrecord = product.stockrecords.get()
    assert (
        stockrecord.partner_id,
        str(stockrecord.price),
        stockrecord.num_in_stock,
        stockrecord.partner_sku,
        stockrecord.low_stock_threshold,
    ) == (vendor.partner_id, "320.50", 40, "MM-500", 5)
    assert list(product.categories.all()) == [sweets]
    assert product.images.count() == 1
    movement = StockMovement.objects.get()
    assert (movement.reason, movement.delta, movement.level_after, movement.actor) == (
        StockMovementReason.INITIAL,
        40,
        40,
        owner,
    )
    store = client.get("/tiendas/guayabita/")
    assert [p.title for p in store.context["products"]] == ["Mermelada de mango, 500 g"]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("price", "10.505", "Asegúrese de que no haya más de 2 dígitos decimales."),
        ("price", "-1", "Asegúrese de que este valor es mayor o igual a 0."),
        ("stock", "-3", "Asegúrese de que este valor es mayor o igual a 0."),
        ("title", "", "Este campo es obligatorio."),
    ],
)
def test_bad_product_input_is_refused_and_nothing_is_saved(
    owner_client, vendor, field, value, message
):
    data = {"title": "Miel", "price": "100", "stock": "3", "is_public": "on", field: value}

    response = owner_client.post("/vendedor/guayabita/productos/nuevo/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Product.objects.count() == 0
    assert StockMovement.objects.count() == 0


def test_a_non_image_picture_is_refused(owner_client, vendor):
    response = owner_client.post(
        "/vendedor/guayabita/productos/nuevo/",
        {
            "title": "Miel",
            "price": "100",
            "stock": "3",
            "image": SimpleUploadedFile("foto.png", b"GIF89a<script>", content_type="image/png"),
        },
    )

    assert response.status_code == 400
    assert "La imagen debe ser una foto PNG, JPEG, WebP o GIF." in response.content.decode()
    assert Product.objects.count() == 0


@pytest.fixture
def honey(vendor):
    return ProductFactory(
        title="Miel de abejas", stockrecord__partner=vendor.partner, stockrecord__num_in_stock=10
    )


def test_owner_edits_price_and_hides_then_publishes_a_product(owner_client, vendor, honey):
    owner_client.post(
        f"/vendedor/guayabita/productos/{honey.pk}/",
        {"title": "Miel de abejas, 1 l", "price": "450", "is_public": "on"},
    )
    owner_client.post(f"/vendedor/guayabita/productos/{honey.pk}/publicar/", {"publish": "0"})

    honey.refresh_from_db()
    assert honey.title == "Miel de abejas, 1 l"
    assert str(honey.stockrecords.get().price) == "450.00"
    assert honey.is_public is False
    assert honey.stockrecords.get().num_in_stock == 10  # editing never touches stock

    owner_client.post(f"/vendedor/guayabita/productos/{honey.pk}/publicar/", {"publish": "1"})
    honey.refresh_from_db()
    assert honey.is_public is True


def test_stock_adjustment_needs_a_reason_and_is_recorded(owner_client, owner, vendor, honey):
    url = f"/vendedor/guayabita/productos/{honey.pk}/existencias/"

    refused = owner_client.post(url, {"level": "7", "note": ""})
    assert refused.status_code == 400
    assert "Este campo es obligatorio." in refused.content.decode()

    owner_client.post(url, {"level": "7", "note": "Conteo del almacén"})

    assert honey.stockrecords.get().num_in_stock == 7
    movement = StockMovement.objects.get()
    assert (
        movement.reason,
        movement.delta,
        movement.level_after,
        movement.note,
        movement.actor,
    ) == (StockMovementReason.ADJUSTMENT, -3, 7, "Conteo del almacén", owner)
    assert "Conteo del almacén" in owner_client.get(url).content.decode()


def test_stock_cannot_go_negative_or_below_what_orders_hold(owner_client, vendor, honey):
    honey.stockrecords.update(num_allocated=4)
    url = f"/vendedor/guayabita/productos/{honey.pk}/existencias/"

    negative = owner_client.post(url, {"level": "-1", "note": "x"})
    below = owner_client.post(url, {"level": "3", "note": "Rotura"})

    assert negative.status_code == 400
    assert below.status_code == 400
    assert "4 unidades ya están comprometidas" in below.content.decode()
    assert honey.stockrecords.get().num_in_stock == 10
    assert StockMovement.objects.count() == 0


def test_low_stock_products_are_listed_on_the_dashboard(owner_client, vendor, honey):
    honey.stockrecords.update(low_stock_threshold=12)
    ProductFactory(
        title="Guayaba",
        stockrecord__partner=vendor.partner,
        stockrecord__num_in_stock=50,
        stockrecord__low_stock_threshold=5,
    )

    html = owner_client.get("/vendedor/guayabita/").content.decode()

    assert "Miel de abejas" in html
    assert "Guayaba" not in html


def test_owner_invites_staff_who_accepts(owner_client, vendor, client):
    owner_client.post("/vendedor/guayabita/equipo/", {"email": "Pedro@Guayabita.test"})
    invitation = vendor.invitations.get()
    assert invitation.email == "pedro@guayabita.test"
    assert invitation.token in mail.outbox[0].body

    pedro = UserFactory(email="pedro@guayabita.test")
    staff_client = type(client)()
    staff_client.force_login(pedro)
    response = staff_client.post(f"/vendedor/invitacion/{invitation.token}/")

    assert response.status_code == 302
    assert VendorMembership.objects.get(user=pedro).role == MembershipRole.STAFF
    again = staff_client.post(f"/vendedor/invitacion/{invitation.token}/")
    assert again.status_code == 400
    assert "Esta invitación no es válida o ya se usó." in again.content.decode()


def test_an_invitation_cannot_be_used_by_another_account(owner_client, vendor, client):
    owner_client.post("/vendedor/guayabita/equipo/", {"email": "pedro@guayabita.test"})
    invitation = vendor.invitations.get()
    intruder = type(client)()
    intruder.force_login(UserFactory(email="otro@example.test"))

    response = intruder.post(f"/vendedor/invitacion/{invitation.token}/")

    assert response.status_code == 400
    assert VendorMembership.objects.filter(vendor=vendor).count() == 1


def profile_data(**changes) -> dict:
    from logistics.models import Municipality
    from vendors.models import Sector

    trinidad = Municipality.objects.get(name="Trinidad")
    return {
        "trade_name": "Dulces Guayabita",
        "description": "Dulces de Trinidad.",
        "sectors": [Sector.objects.get(slug="alimentos-y-bebidas").pk],
        "province": trinidad.province_id,
        "municipality": trinidad.pk,
        "address": "Calle Real 5",
        "phone": "+53 5 111 2222",
        "email": "hola@guayabita.test",
        **changes,
    }


def test_owner_edits_the_store_profile_and_logo(owner_client, vendor, client):
    logo = SimpleUploadedFile("logo.png", png_bytes((300, 300)), content_type="image/png")

    response = owner_client.post("/vendedor/guayabita/perfil/", {**profile_data(), "logo": logo})

    vendor.refresh_from_db()
    assert response.status_code == 302
    assert (vendor.description, vendor.municipality.name, vendor.phone) == (
        "Dulces de Trinidad.",
        "Trinidad",
        "+53 5 111 2222",
    )
    assert vendor.logo.name.endswith(".png")
    assert "Trinidad, Sancti Spíritus" in client.get("/tiendas/guayabita/").content.decode()


def test_profile_refuses_a_municipality_outside_the_province(owner_client, vendor):
    from logistics.models import Municipality

    response = owner_client.post(
        "/vendedor/guayabita/perfil/",
        profile_data(municipality=Municipality.objects.get(name="Playa").pk),
    )

    vendor.refresh_from_db()
    assert response.status_code == 400
    assert "Playa no está en Sancti Spíritus." in response.content.decode()
    assert vendor.municipality.name == "Playa"  # unchanged (the factory's)
