import pytest

from tests.factories import PartnerFactory, ProductFactory


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"
    return settings.PRIVATE_ROOT


@pytest.fixture
def vendor_partner(db):
    return PartnerFactory(name="Dulcería La Habana", code="dulceria")


@pytest.fixture
def paid_vendor_order(vendor_partner):
    from tests.factories.orders import purchase

    product = ProductFactory(
        title="Cake de guayaba", stockrecord__partner=vendor_partner, stockrecord__price="615.25"
    )
    order = purchase({vendor_partner: [(product, 2)]})
    return order.vendor_orders.get()
