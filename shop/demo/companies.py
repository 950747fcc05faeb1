"""The demo's company accounts: a cafeteria (a mipyme) with an owner, a buyer, an approver
and an accountant, and the store "Dulces Guayabita" buying as itself (one click) with an
accountant. The buyer's purchase above its spending limit waits for the approver; a
store sells to the cafeteria on 30-day terms and its delivered part is open in the
statement; a mixed purchase puts that store's part on account and pays the other store's
at the door. Created once, like the demo's purchases."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model

from logistics.models import Municipality
from payments.interface import Capability
from payments.selectors import gateway_names_with, payment_method_default
from shop.companies.approvals import company_account
from shop.companies.credit import terms_grant
from shop.companies.models import Company, CompanyAddress, CompanyMember, CompanyRole
from shop.companies.services import CompanyFields, company_create, company_for_vendor
from shop.demo import data
from shop.demo.purchases import demo_purchase_place
from vendors.orders.transitions import ActorRole, vendor_order_transition

User = get_user_model()

CAFETERIA = CompanyFields(
    legal_name="Cafetería El Portal S.R.L.", nit="30100200301", actor_type="mipyme_privada"
)


@dataclass(frozen=True)
class CompanyAccount:
    email: str
    first_name: str
    last_name: str
    role: str
    spending_limit: Decimal | None = None


CAFETERIA_MEMBERS = (
    CompanyAccount("empresa@encadena.test", "Elena", "Empresaria", CompanyRole.OWNER),
    CompanyAccount(
        "compras@encadena.test", "Camilo", "Compras", CompanyRole.BUYER, Decimal("1000.00")
    ),
    CompanyAccount("aprobador@encadena.test", "Adela", "Aprobadora", CompanyRole.APPROVER),
    CompanyAccount("contador@encadena.test", "Conrado", "Contador", CompanyRole.ACCOUNTANT),
)
HELD_FROM = ("GUAYABITA", "ESPIGA")  # the buyer's purchase waiting for approval
ON_TERMS = "SERRANO"  # sells to the cafeteria on 30-day terms
MIXED_WITH = "ESPIGA"  # grants no terms: its part of the mixed purchase is paid at the door


def demo_companies_seed(*, stores: dict, cuba) -> int:
    """`stores` = {store code: partner}. Returns how many demo companies there are."""
    if Company.objects.filter(nit=CAFETERIA.nit).exists():
        return (
            Company.objects.filter(members__user__email__endswith="@encadena.test")
            .distinct()
            .count()
        )
    users = {account.email: _user(account) for account in CAFETERIA_MEMBERS}
    owner = users[CAFETERIA_MEMBERS[0].email]
    cafeteria = company_create(fields=CAFETERIA, owner=owner)
    for account in CAFETERIA_MEMBERS[1:]:
        CompanyMember.objects.create(
            company=cafeteria,
            user=users[account.email],
            role=account.role,
            spending_limit=account.spending_limit,
        )
    municipality = Municipality.objects.get(
        name=data.PURCHASE_ADDRESS["line4"], province__name=data.PURCHASE_ADDRESS["state"]
    )
    CompanyAddress.objects.create(
        company=cafeteria,
        name="Cafetería",
        line1=data.PURCHASE_ADDRESS["line1"],
        municipality=municipality,
        phone=data.PURCHASE_ADDRESS["phone_number"],
    )
    store_owner = User.objects.get(email=data.ACCOUNTS[2].email)
    guayabita = company_for_vendor(
        vendor=stores[data.VENDOR_ACCOUNT_STORE].vendor, user=store_owner
    )
    CompanyMember.objects.create(
        company=guayabita, user=users["contador@encadena.test"], role=CompanyRole.ACCOUNTANT
    )
    buyer = users["compras@encadena.test"]
    _place(cafeteria, buyer, [stores[code] for code in HELD_FROM], cuba, quantity=3)
    terms_grant(
        vendor=stores[ON_TERMS].vendor, company=cafeteria, days=30, credit_limit=Decimal("20000")
    )
    order = _place(
        cafeteria,
        owner,
        [stores[ON_TERMS]],
        cuba,
        quantity=2,
        gateway=gateway_names_with(Capability.PAY_ON_ACCOUNT)[0],
    )
    for step in ("accepted", "ready", "shipped", "delivered"):
        vendor_order_transition(
            vendor_order_id=order.vendor_orders.get().pk,
            to_status=step,
            actor=None,
            actor_role=ActorRole.VENDOR,
        )
    _place(
        cafeteria,
        owner,
        [stores[ON_TERMS], stores[MIXED_WITH]],
        cuba,
        quantity=1,
        on_account_vendor_ids={stores[ON_TERMS].vendor.pk},
    )
    return 2


def _user(account: CompanyAccount):
    user = User.objects.filter(email__iexact=account.email).first() or User(
        username=account.email.split("@")[0], email=account.email
    )
    user.first_name, user.last_name, user.is_active = account.first_name, account.last_name, True
    user.set_password(data.DEMO_PASSWORD)
    user.save()
    return user


def _place(company, user, partners, cuba, *, quantity, gateway=None, **placement):
    return demo_purchase_place(
        buyer=user,
        partners=partners,
        cuba=cuba,
        payment_method=gateway or payment_method_default(),
        quantity=quantity,
        least_stock=10,
        account=company_account(company_id=company.pk, user=user),
        **placement,
    ).order
