from decimal import Decimal

import pytest

from logistics.models import Municipality
from tests.factories.catalogue import CategoryFactory, PartnerFactory, ProductFactory
from vendors.models import ActorType


@pytest.fixture
def food(db):
    return CategoryFactory(name="Alimentos")


@pytest.fixture
def hygiene(db):
    return CategoryFactory(name="Higiene y belleza")


@pytest.fixture
def habana_store(db):
    return PartnerFactory(name="Café Serrano", code="cafe-serrano")


@pytest.fixture
def isla_store(db):
    isla = Municipality.objects.get(name="Isla de la Juventud")
    return PartnerFactory(
        name="Jabonería Natural Isla",
        code="jaboneria",
        vendor__municipality=isla,
        vendor__actor_type=ActorType.PDL,
    )


@pytest.fixture
def catalogue(food, hygiene, habana_store, isla_store):
    """Coffee and a mug in La Habana, soap on the Isla; named as shops name them."""
    return {
        "coffee": ProductFactory(
            title="Café molido tostado medio, 500 g",
            description="Café cubano de altura.",
            categories=[food],
            stockrecord__partner=habana_store,
            stockrecord__price=Decimal("250.00"),
        ),
        "mug": ProductFactory(
            title="Taza de barro, 250 ml",
            description="Para el café de la mañana.",
            categories=[food],
            stockrecord__partner=habana_store,
            stockrecord__price=Decimal("800.00"),
        ),
        "soap": ProductFactory(
            title="Jabón de coco artesanal, 150 g",
            description="Hecho a mano.",
            categories=[hygiene],
            stockrecord__partner=isla_store,
            stockrecord__price=Decimal("120.00"),
        ),
    }
