"""Thin named fixtures built from the factories."""

import pytest

from tests.factories import CategoryFactory, PartnerFactory, ProductFactory


@pytest.fixture
def store(db):
    return PartnerFactory(name="Dulces Guayabita", code="guayabita")


@pytest.fixture
def food_category(db):
    return CategoryFactory(name="Alimentos")


@pytest.fixture
def coffee(store, food_category):
    return ProductFactory(
        title="Café molido tostado medio, 500 g",
        categories=[food_category],
        stockrecord__partner=store,
        stockrecord__num_in_stock=10,
    )


@pytest.fixture
def catalogue_from_two_stores(coffee, food_category):
    """Coffee from one store and honey from another, both in Alimentos."""
    honey = ProductFactory(
        title="Miel de abejas, 1 l",
        categories=[food_category],
        stockrecord__partner=PartnerFactory(name="CPA La Esperanza", code="esperanza"),
    )
    return [coffee, honey]
