"""The verification pages: the store's owners upload, the operators decide, the badge shows
wherever the store is listed, and nobody else ever reaches a document or a decision page."""

import pytest
from django.test import Client

from shop.sourcing.services import offer_save
from shop.trust.models import VendorDocument
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.sourcing import flour_request, offer_terms
from tests.factories.trust import pdf_upload, verified
from tests.queries import query_count
from vendors.models import MembershipRole

BADGE = "verified-badge"


@pytest.fixture
def store(db):
    partner = PartnerFactory(name="Café Serrano", code="cafe-serrano")
    ProductFactory(title="Café artesanal", stockrecord__partner=partner)
    return partner.vendor


@pytest.fixture
def people(store):
    users = {
        "owner": UserFactory(),
        "staff": UserFactory(),
        "other_owner": UserFactory(),
        "shopper": UserFactory(),
        "operator": UserFactory(is_staff=True, is_superuser=True),
    }
    store.memberships.create(user=users["owner"], role=MembershipRole.OWNER)
    store.memberships.create(user=users["staff"], role=MembershipRole.STAFF)
    PartnerFactory(name="Otra", code="otra").vendor.memberships.create(
        user=users["other_owner"], role=MembershipRole.OWNER
    )
    return users


def client_as(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_owner_uploads_and_the_operator_verifies(store, people, mailoutbox):
    owner = client_as(people["owner"])
    response = owner.post(
        "/vendedor/cafe-serrano/verificacion/",
        {"kind": "nit_certificate", "file": pdf_upload("nit.pdf")},
    )
    assert response.status_code == 302
    assert (
        "Esperando revisión" in owner.get("/vendedor/cafe-serrano/verificacion/").content.decode()
    )

    operator = client_as(people["operator"])
    queue = operator.get("/dashboard/confianza/verificacion/").content.decode()
    assert "Café Serrano" in queue
    response = operator.post("/dashboard/confianza/verificacion/cafe-serrano/", {"grant": "1"})

    assert response.status_code == 302
    assert BADGE in client_as(None).get("/tiendas/cafe-serrano/").content.decode()
    assert "Café Serrano" in mailoutbox[-1].subject


def test_a_bad_file_is_answered_in_spanish_and_nothing_is_kept(store, people):
    response = client_as(people["owner"]).post(
        "/vendedor/cafe-serrano/verificacion/",
        {"kind": "licence", "file": pdf_upload("x.pdf", b"<svg onload=alert(1)>")},
    )

    assert response.status_code == 400
    assert "El documento debe ser un PDF o una foto" in response.content.decode()
    assert not VendorDocument.objects.exists()


def test_withdrawing_without_a_reason_is_refused_on_the_page(store, people):
    verified(store)

    response = client_as(people["operator"]).post(
        "/dashboard/confianza/verificacion/cafe-serrano/", {"withdraw": "1", "reason": ""}
    )

    assert response.status_code == 400
    assert VendorDocument.objects.filter(vendor=store).count() == 1


@pytest.mark.parametrize("role", ["anonymous", "shopper", "staff", "other_owner", "owner"])
@pytest.mark.parametrize(
    "url", ["/dashboard/confianza/verificacion/", "/dashboard/confianza/verificacion/cafe-serrano/"]
)
def test_the_operator_pages_do_not_exist_for_anyone_else(store, people, role, url):
    user = None if role == "anonymous" else people[role]
    verified(store)

    get = client_as(user).get(url)
    post = client_as(user).post(url, {"withdraw": "1", "reason": "Fuera"})

    assert get.status_code == 404 and post.status_code == 404
    assert VendorDocument.objects.filter(vendor=store).count() == 1


@pytest.mark.parametrize(
    ("role", "status"),
    [("owner", 200), ("operator", 200), ("staff", 404), ("other_owner", 404), ("shopper", 404)],
)
def test_a_document_reaches_only_the_owners_and_the_operators(store, people, role, status):
    verified(store)
    document = VendorDocument.objects.get(vendor=store)

    response = client_as(people[role]).get(f"/vendedor/cafe-serrano/verificacion/{document.pk}/")

    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 registro"
        assert response["Cache-Control"] == "private, no-store"


def test_the_badge_shows_on_store_directory_search_cards_product_and_offers(store, people):
    product = store.partner.stockrecords.get().product
    sourcing_request = flour_request(people["shopper"])
    offer_save(request_id=sourcing_request.pk, vendor=store, terms=offer_terms())
    pages = [
        "/tiendas/cafe-serrano/",
        "/actores/",
        "/search/?q=artesanal",
        "/catalogue/",
        product.get_absolute_url(),
    ]
    anonymous = client_as(None)
    shopper = client_as(people["shopper"])
    offers_page = f"/solicitudes/{sourcing_request.pk}/"
    assert all(BADGE not in anonymous.get(url).content.decode() for url in pages)
    assert BADGE not in shopper.get(offers_page).content.decode()

    verified(store)

    assert [url for url in pages if BADGE not in anonymous.get(url).content.decode()] == []
    assert BADGE in shopper.get(offers_page).content.decode()


def test_the_directory_spends_no_query_on_badges_however_many_stores_are_verified(db):
    client = Client()
    stores = [PartnerFactory().vendor for _ in range(2)]
    verified(stores[0])
    few = query_count(client, "/actores/")

    for _ in range(8):
        verified(PartnerFactory().vendor)
    many = query_count(client, "/actores/")

    assert many == few
    assert client.get("/actores/").content.decode().count(BADGE) == 9
