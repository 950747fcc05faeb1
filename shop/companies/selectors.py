"""Reads of company accounts, always through a member: a member sees only its own
company's data, and only what its role allows (the accountant: invoices and
statements)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from phonenumber_field.phonenumber import PhoneNumber

from shop.companies.models import (
    BUYING_ROLES,
    Company,
    CompanyAddress,
    CompanyMember,
    CompanyPurchase,
    CreditCharge,
    CreditTerms,
)
from shop.invoices.models import CreditNote, Invoice
from vendors.models import Vendor, VendorOrder

SESSION_KEY = "company_id"


def memberships(*, user) -> list[CompanyMember]:
    if not user.is_authenticated:
        return []
    return list(
        CompanyMember.objects.filter(user=user)
        .select_related("company")
        .order_by("company__legal_name")
    )


def current_member(*, request) -> CompanyMember | None:
    """The company the user works for now: the one chosen (kept in the session) or its
    first, when it belongs to any."""
    members = memberships(user=request.user)
    chosen = request.session.get(SESSION_KEY)
    return next((member for member in members if member.company_id == chosen), None) or (
        members[0] if members else None
    )


def buyer_companies(*, user) -> list[Company]:
    """The companies `user` may buy for (checkout's "buy as")."""
    return [member.company for member in memberships(user=user) if member.role in BUYING_ROLES]


def stores_to_buy_as(*, user) -> QuerySet[Vendor]:
    """The stores `user` works for that do not buy as a company of its own yet."""
    if not user.is_authenticated:
        return Vendor.objects.none()
    return Vendor.objects.filter(memberships__user=user).exclude(company__members__user=user)


def company_addresses_for(*, user) -> QuerySet[CompanyAddress]:
    """The addresses of the companies `user` buys for (offered at checkout)."""
    if not user.is_authenticated:
        return CompanyAddress.objects.none()
    return CompanyAddress.objects.filter(
        company__members__user=user, company__members__role__in=BUYING_ROLES
    ).select_related("company", "municipality__province")


def company_address_fields(*, address: CompanyAddress, user) -> dict:
    """A company address as the checkout keeps a typed one (Oscar's session fields)."""
    return {
        "first_name": user.first_name or address.company.legal_name[:255],
        "last_name": user.last_name,
        "line1": address.line1,
        "line2": address.name,
        "line4": address.municipality.name,
        "state": address.municipality.province.name,
        "phone_number": PhoneNumber.from_string(address.phone, region="CU"),
        "notes": "",
        "country_id": "CU",
    }


def company_purchases(*, company: Company) -> QuerySet[CompanyPurchase]:
    return (
        CompanyPurchase.objects.filter(company=company)
        .select_related("order", "buyer", "decided_by")
        .prefetch_related(
            Prefetch(
                "order__vendor_orders",
                queryset=VendorOrder.objects.select_related("vendor").order_by("sequence"),
            )
        )
    )


def company_invoices(*, company: Company) -> QuerySet[Invoice]:
    return (
        Invoice.objects.filter(vendor_order__order__company_purchase__company=company)
        .select_related("vendor_order", "issuer")
        .order_by("-issued_at", "-pk")
    )


def company_credit_notes(*, company: Company) -> QuerySet[CreditNote]:
    return (
        CreditNote.objects.filter(invoice__vendor_order__order__company_purchase__company=company)
        .select_related("invoice", "issuer")
        .order_by("-issued_at", "-pk")
    )


def on_account_possible(*, company_id: int, vendor_ids) -> bool:
    """Whether every store of a basket grants the company terms."""
    return bool(on_account_company_ids(companies=[company_id], vendor_ids=vendor_ids))


def basket_vendor_ids(basket) -> set[int]:
    """The stores of a basket's lines (one query)."""
    partner_ids = {line.stockrecord.partner_id for line in basket.all_lines()}
    return set(Vendor.objects.filter(partner_id__in=partner_ids).values_list("pk", flat=True))


def on_account_company_ids(*, companies, vendor_ids) -> set[int]:
    """The ids of `companies` (companies or their ids) that every one of the stores
    `vendor_ids` sells to on account (one query)."""
    vendor_ids = set(vendor_ids)
    return {
        company_id
        for company_id, terms in terms_days_by_company(
            companies=companies, vendor_ids=vendor_ids
        ).items()
        if set(terms) == vendor_ids
    }


def terms_days_by_company(*, companies, vendor_ids) -> dict[int, dict[int, int]]:
    """{company id: {store id: days}} of the active terms the stores `vendor_ids` grant
    `companies` (companies or their ids), those with none left out (one query)."""
    if not vendor_ids or not companies:
        return {}
    granted: dict[int, dict[int, int]] = {}
    for company_id, vendor_id, days in CreditTerms.objects.filter(
        company__in=companies, is_active=True, vendor_id__in=vendor_ids
    ).values_list("company_id", "vendor_id", "days"):
        granted.setdefault(company_id, {})[vendor_id] = days
    return granted


@dataclass
class Statement:
    """What the company owes on account: open (delivered, not due yet, or not delivered
    yet), overdue, and paid, with totals."""

    open: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    paid: list = field(default_factory=list)
    open_total: Decimal = Decimal("0")
    overdue_total: Decimal = Decimal("0")
    terms: list = field(default_factory=list)


def company_statement(*, company: Company, today=None, paid_limit: int = 50) -> Statement:
    """Three queries whatever the number of charges: the open ones, the last paid ones
    and the terms."""
    today = today or timezone.localdate()
    statement = Statement()
    charges = CreditCharge.objects.filter(terms__company=company, released_at__isnull=True)
    related = ("terms__vendor", "vendor_order")
    for charge in charges.filter(paid_at__isnull=True).select_related(*related):
        if charge.due_on is not None and charge.due_on < today:
            statement.overdue.append(charge)
            statement.overdue_total += charge.amount
        else:
            statement.open.append(charge)
            statement.open_total += charge.amount
    statement.paid = list(
        charges.filter(paid_at__isnull=False)
        .select_related(*related)
        .order_by("-paid_at")[:paid_limit]
    )
    statement.terms = list(
        CreditTerms.objects.filter(company=company, is_active=True).select_related("vendor")
    )
    return statement


def vendor_terms(*, vendor: Vendor) -> QuerySet[CreditTerms]:
    return CreditTerms.objects.filter(vendor=vendor).select_related("company")


def vendor_open_charges(*, vendor: Vendor) -> QuerySet[CreditCharge]:
    return (
        CreditCharge.objects.filter(
            terms__vendor=vendor, paid_at__isnull=True, released_at__isnull=True
        )
        .select_related("terms__company", "vendor_order")
        .order_by("due_on", "pk")
    )


def open_charges(*, limit: int = 200) -> QuerySet[CreditCharge]:
    """Every store's parts on account waiting for their transfer (operators)."""
    return (
        CreditCharge.objects.filter(paid_at__isnull=True, released_at__isnull=True)
        .select_related("terms__company", "terms__vendor", "vendor_order")
        .order_by("due_on", "pk")[:limit]
    )
