"""A company world: a company with an owner, a buyer (spending limit 600), an approver
and an accountant, buying from the call-center factory's two stores (300 and 500, home
delivery 200 each)."""

from decimal import Decimal

from shop.companies.approvals import company_account
from shop.companies.models import CompanyMember, CompanyRole
from shop.companies.services import CompanyFields, company_create
from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for

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


def place_as_company(company, user, items, *, gateway="cash_on_delivery"):
    """A purchase placed as `company` by `user`: the PlacedPurchase."""
    return purchase_place_for(
        user,
        items,
        gateway=gateway,
        account=company_account(company_id=company.pk, user=user),
        placed=True,
    )
