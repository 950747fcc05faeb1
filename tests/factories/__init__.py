from tests.factories.catalogue import (
    CategoryFactory,
    PartnerFactory,
    ProductFactory,
    StockRecordFactory,
)
from tests.factories.users import UserFactory

__all__ = [
    "CategoryFactory",
    "PartnerFactory",
    "ProductFactory",
    "StockRecordFactory",
    "UserFactory",
]
