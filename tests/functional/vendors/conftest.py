import io

import pytest
from PIL import Image

from logistics.models import Municipality
from tests.factories import PartnerFactory, UserFactory
from vendors.models import MembershipRole, Sector


def png_bytes(size=(64, 64), colour="green") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def application_data(db):
    playa = Municipality.objects.get(name="Playa")
    return {
        "trade_name": "Dulcería La Habanera",
        "legal_name": "Dulcería La Habanera S.R.L.",
        "actor_type": "mipyme_privada",
        "nit": "01234567890",
        "sectors": [Sector.objects.get(slug="alimentos-y-bebidas").pk],
        "province": playa.province_id,
        "municipality": playa.pk,
        "address": "Calle 42 No. 113",
        "phone": "+53 5 234 5678",
        "email": "ventas@habanera.test",
        "description": "Dulces caseros.",
        "owner_first_name": "Marta",
        "owner_last_name": "Díaz",
        "owner_email": "marta@habanera.test",
        "password1": "una-clave-larga-2026",
        "password2": "una-clave-larga-2026",
    }


@pytest.fixture
def operator(db):
    return UserFactory(email="operadora@example.test", is_staff=True, is_superuser=True)


@pytest.fixture
def agent(db):
    from django.contrib.auth.models import Group

    user = UserFactory(email="agente@example.test", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="callcenter")[0])
    return user


@pytest.fixture
def vendor(db):
    """Dulces Guayabita, an approved store (modules may define their own)."""
    return PartnerFactory(name="Dulces Guayabita", code="guayabita").vendor


@pytest.fixture
def owner_client(client, vendor):
    """A client logged in as the owner of `vendor`."""
    owner = UserFactory(email="vilma@guayabita.test")
    vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)
    return client
