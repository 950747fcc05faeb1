import pytest
from django.test import Client

from shop.api.models import STORE_SCOPES
from shop.api.services import personal_api_key_create, store_api_key_create
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.models import MembershipRole


def api_client(secret: str | None = None, language: str = "es") -> Client:
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    if secret:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return Client(**headers)


@pytest.fixture
def shop_a(db):
    """Store A with an owner, a product with 10 units, and a placed order of 2 units."""
    partner = PartnerFactory(name="Tienda A", code="tienda-a")
    owner = UserFactory(email="duena@tienda-a.test")
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    product = ProductFactory(
        title="Café de A", stockrecord__partner=partner, stockrecord__num_in_stock=10
    )
    buyer = UserFactory(email="ana@example.test")
    order = purchase({partner: [(product, 2)]}, user=buyer)
    return {
        "vendor": partner.vendor,
        "owner": owner,
        "product": product,
        "buyer": buyer,
        "purchase": order,
        "vendor_order": order.vendor_orders.get(),
    }


@pytest.fixture
def shop_b(db):
    partner = PartnerFactory(name="Tienda B", code="tienda-b")
    owner = UserFactory(email="dueno@tienda-b.test")
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    product = ProductFactory(title="Miel de B", stockrecord__partner=partner)
    return {"vendor": partner.vendor, "owner": owner, "product": product}


@pytest.fixture
def key_a(shop_a) -> str:
    return store_api_key_create(
        vendor=shop_a["vendor"], user=shop_a["owner"], name="ERP", scopes=STORE_SCOPES
    ).secret


@pytest.fixture
def key_b(shop_b) -> str:
    return store_api_key_create(
        vendor=shop_b["vendor"], user=shop_b["owner"], name="ERP de B", scopes=STORE_SCOPES
    ).secret


@pytest.fixture
def buyer_key(shop_a) -> str:
    return personal_api_key_create(user=shop_a["buyer"], name="Mi teléfono").secret
