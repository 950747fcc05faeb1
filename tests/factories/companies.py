"""A company world: a company with an owner, a buyer (spending limit 600), an approver
and an accountant, buying from the call-center factory's two stores (300 and 500, home
delivery 200 each)."""

from decimal import Decimal

from shop.companies.approvals import company_account
from shop.companies.credit import terms_grant
from shop.companies.models import CompanyMember, CompanyRole
from shop.companies.price_lists import price_list_save
from shop.companies.services import CompanyFields, company_create
from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create

NIT = "40012345678"


def company_world(*, nit: str = NIT, name: str = "Panadería La Espiga S.R.L.", limit="600"):
    owner = UserFactory(email=f"dueno-{nit}@example.test")
    company = company_create(
        fields=CompanyFields(legal_name=name, nit=nit, actor_type="mipyme_privada"), owner=owner
    )
    members = {"owner": owner}
    for role, spending_limit in (
        (CompanyRole.BUYER, Decimal(limit)),
        (CompanyRole.APPROVER, None),
        (CompanyRole.ACCOUNTANT, None),
    ):
        user = UserFactory(email=f"{role}-{nit}@example.test")
        CompanyMember.objects.create(
            company=company, user=user, role=role, spending_limit=spending_limit
        )
        members[str(role)] = user
    return company, members


def place_as_company(
    company, user, items, *, gateway="cash_on_delivery", on_account_vendor_ids=frozenset()
):
    """A purchase placed as `company` by `user` (the parts of `on_account_vendor_ids` on
    account, `gateway` paying the rest): the PlacedPurchase."""
    return purchase_place_for(
        user,
        items,
        gateway=gateway,
        on_account_vendor_ids=on_account_vendor_ids,
        account=company_account(company_id=company.pk, user=user),
        placed=True,
    )


def coffee_list_world():
    """The call-center factory's two stores, the coffee's SKU CAF-01, a company world,
    and Café Serrano's price list "Panaderías" granting the company the coffee at 250:
    (Café Serrano's vendor, the coffee, the company, its members)."""
    (cafe, coffee), _miel = stores_create(stock=20)
    record = coffee.stockrecords.get()
    record.partner_sku = "CAF-01"
    record.save()
    company, members = company_world()
    price_list_save(vendor=cafe.vendor, name="Panaderías", nits=company.nit, prices="CAF-01 1:250")
    return cafe.vendor, coffee, company, members


def company_stores_world(*, limit="600") -> dict:
    """The company world (the buyer's spending limit `limit`) with the two stores."""
    (cafe, coffee), (miel, honey) = stores_create(stock=10)
    company, members = company_world(limit=limit)
    return {
        "company": company,
        "members": members,
        "cafe": cafe.vendor,
        "miel": miel.vendor,
        "coffee": coffee,
        "honey": honey,
    }


def credit_world() -> dict:
    """The company world (no spending limit to speak of) with the two stores: the café
    sells to it on 30-day terms, 1000 of credit; the honey store grants none."""
    world = company_stores_world(limit="100000")
    world["terms"] = terms_grant(
        vendor=world["cafe"], company=world["company"], days=30, credit_limit=Decimal("1000.00")
    )
    return world
