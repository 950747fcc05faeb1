"""A small call-center world: two stores with pickup points and home delivery in La
Habana, a customer with a cash-on-delivery purchase across both, an agent, an
operator, a vendor owner and a shopper."""

from decimal import Decimal

from django.contrib.auth.models import Group
from oscar.core.loading import get_class, get_model

from shop.core.roles import AGENT_GROUP
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from vendors.models import MembershipRole

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")
Selector = get_class("partner.strategy", "Selector")

ADDRESS = {
    "first_name": "Marta",
    "last_name": "Díaz",
    "line1": "Calle 23 No. 1155",
    "line2": "entre 10 y 12",
    "line4": "Plaza de la Revolución",
    "state": "La Habana",
    "phone_number": "+5352345678",
    "notes": "",
}


def agent_create(**kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get_or_create(name=AGENT_GROUP)[0])
    return user


def stores_create(*, stock: int = 10):
    """Two stores (home delivery to La Habana at 200 and a pickup point each), one
    product each at 300 and 500."""
    stores = []
    for name, price in (("Café Serrano", "300.00"), ("Miel del Valle", "500.00")):
        partner = PartnerFactory(name=name)
        DeliveryZoneFactory(vendor=partner.vendor, name=f"Habana {name}", price=Decimal("200"))
        PickupPointFactory(vendor=partner.vendor, name=f"Punto {name}")
        product = ProductFactory(
            title=f"Producto de {name}",
            stockrecord__partner=partner,
            stockrecord__price=Decimal(price),
            stockrecord__num_in_stock=stock,
        )
        stores.append((partner, product))
    return stores


def cuba():
    return Country.objects.get_or_create(
        iso_3166_1_a2="CU",
        defaults={
            "iso_3166_1_a3": "CUB",
            "iso_3166_1_numeric": "192",
            "printable_name": "Cuba",
            "name": "Cuba",
            "is_shipping_country": True,
        },
    )[0]


def purchase_place_for(
    customer,
    items,
    *,
    gateway: str = "cash_on_delivery",
    home: bool = True,
    address: dict | None = None,
    account=None,
    placed: bool = False,
    on_account_vendor_ids=frozenset(),
):
    """A purchase placed through the real placement path: `items` = [(product, qty)];
    `account` makes it a company's (shop/companies), the parts of `on_account_vendor_ids`
    then on account; `placed` returns the PlacedPurchase."""
    from logistics.delivery import address_municipality, basket_vendor_parts
    from shop.apps.checkout.placement import purchase_place

    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy(user=customer)
    for product, quantity in items:
        basket.add_product(product, quantity=quantity)
    shipping = ShippingAddress(country=cuba(), **(address or ADDRESS))
    parts = basket_vendor_parts(basket=basket, municipality=address_municipality(shipping))
    choices = {
        part.key: next(
            option.code for option in part.options if option.kind == ("home" if home else "pickup")
        )
        for part in parts
    }
    result = purchase_place(
        basket=basket,
        shipping_address=shipping,
        choices=choices,
        user=customer,
        notify=False,
        payment_method=gateway,
        account=account,
        on_account_vendor_ids=on_account_vendor_ids,
    )
    return result if placed else result.order


def owner_of(partner):
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    return owner
