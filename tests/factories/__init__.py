from tests.factories.catalogue import (
    CategoryFactory,
    PartnerFactory,
    ProductFactory,
    StockRecordFactory,
)
from tests.factories.users import UserFactory
from tests.factories.vendors import VendorFactory, VendorMembershipFactory

__all__ = [
    "CategoryFactory",
    "PartnerFactory",
    "ProductFactory",
    "StockRecordFactory",
    "UserFactory",
    "VendorFactory",
    "VendorMembershipFactory",
]
