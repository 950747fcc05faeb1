"""Every company page with an object × role, on company A's objects.

The URLs come from walking the `companies` namespace, so a page added later is checked
without touching this file. A member sees only its own company's data and only what its
role allows; anyone else (another company's owner included) gets a 404 and changes
nothing; a visitor is sent to log in."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import get_resolver, reverse

from logistics.models import Municipality
from shop.companies.models import CompanyAddress, CompanyMember, CompanyPurchase
from shop.invoices.services import credit_note_issue, document_rendered_record, invoice_issue
from tests.factories import UserFactory
from tests.factories.callcenter import stores_create
from tests.factories.companies import company_world, place_as_company
from tests.module_data import fresh, module_data

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "owner", "buyer", "approver", "accountant", "owner_b"]
OWNER = {"owner"}
ORDERS = {"owner", "buyer", "approver"}
APPROVERS = {"owner", "approver"}
DOCUMENTS = {"owner", "buyer", "approver", "accountant"}
ALLOWED = {
    "member-edit": OWNER,
    "member-remove": OWNER,
    "address-delete": ORDERS,
    "purchase": ORDERS,
    "approve": APPROVERS,
    "refuse": APPROVERS,
    "invoice-pdf": DOCUMENTS,
    "credit-note-pdf": DOCUMENTS,
    # pages without an object, scoped to the member's company
    "members": OWNER,
    "addresses": ORDERS,
    "purchases": ORDERS,
    "documents": DOCUMENTS,
    "statement": DOCUMENTS,
}
POST_ONLY = {"member-edit", "member-remove", "address-delete", "approve", "refuse"}
POST_DATA = {
    "member-edit": {"role": "approver", "spending_limit": ""},
    "refuse": {"reason": "No hace falta."},
}
PK_OBJECTS = {
    "member-": "member",
    "address-": "address",
    "purchase": "purchase",
    "approve": "purchase",
    "refuse": "purchase",
    "invoice-pdf": "invoice",
    "credit-note-pdf": "credit_note",
}


PK_OBJECTS_NAMES = {
    "member-edit",
    "member-remove",
    "address-delete",
    "purchase",
    "approve",
    "refuse",
    "invoice-pdf",
    "credit-note-pdf",
}


def company_url_names() -> list[str]:
    namespace = get_resolver().namespace_dict["companies"][1]
    return sorted(pattern.name for pattern in namespace.url_patterns)


def test_the_matrix_covers_every_company_page():
    """A page added later must be placed here: scoped (in ALLOWED) or open to any
    signed-in user (its own checks)."""
    open_pages = {"home", "choose", "buy-as", "buy-as-store", "invitation"}
    assert set(company_url_names()) == set(ALLOWED) | open_pages


def rendered(document) -> None:
    """A stored PDF for the document, without rendering one."""
    storage = type(document)._meta.get_field("pdf").storage
    name = storage.save(f"matrix/{document.display_number}.pdf", ContentFile(b"%PDF-1.4"))
    document_rendered_record(document=document, name=name, sha256="0" * 64)


def world_build():
    (cafe, coffee), (miel, honey) = stores_create(stock=10)
    company, members = company_world()
    company_b, members_b = company_world(nit="40087654321", name="Cooperativa El Surco")
    held = place_as_company(company, members["buyer"], [(coffee, 1), (honey, 1)]).order
    paid = place_as_company(company, members["buyer"], [(coffee, 1)]).order
    invoice = invoice_issue(vendor_order=paid.vendor_orders.get())
    rendered(invoice)
    credit_note = credit_note_issue(
        vendor_order=paid.vendor_orders.get(), amount=Decimal("10.00"), key="matriz"
    )
    rendered(credit_note)
    address = CompanyAddress.objects.create(
        company=company,
        name="Depósito Norte",
        line1="Calle 8 No. 12",
        municipality=Municipality.objects.get(name="Playa"),
        phone="+53 5 234 5678",
    )
    users = {"anonymous": None, "outsider": UserFactory(), **members, "owner_b": members_b["owner"]}
    return {
        "users": users,
        "company": company,
        "member": CompanyMember.objects.get(user=members["buyer"]),
        "address": address,
        "purchase": CompanyPurchase.objects.get(order=held),
        "invoice": invoice,
        "credit_note": credit_note,
    }


world_built = module_data(world_build)


@pytest.fixture
def world(world_built, db):
    return fresh(world_built)


def url_for(name: str, world) -> str:
    namespace = get_resolver().namespace_dict["companies"][1]
    pattern = next(p for p in namespace.url_patterns if p.name == name)
    kwargs = {}
    if "pk" in pattern.pattern.converters:
        key = next(key for prefix, key in PK_OBJECTS.items() if name.startswith(prefix))
        kwargs["pk"] = world[key].pk
    return reverse(f"companies:{name}", kwargs=kwargs)


def snapshot(world) -> tuple:
    company = world["company"]
    return (
        list(CompanyMember.objects.filter(company=company).values_list("pk", "role")),
        CompanyAddress.objects.filter(company=company).count(),
        list(CompanyPurchase.objects.filter(company=company).values_list("pk", "approval_status")),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_company_pages_by_role(world, name, role):
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    before = snapshot(world)
    url = url_for(name, world)

    response = client.post(url, POST_DATA.get(name, {})) if name in POST_ONLY else client.get(url)

    # A list page shows company B's owner its own company (its content is checked below).
    as_owner = role == "owner_b" and name not in PK_OBJECTS_NAMES
    if role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
        assert snapshot(world) == before
    elif role in ALLOWED[name] or (as_owner and "owner" in ALLOWED[name]):
        assert response.status_code in (200, 302), response.status_code
    else:
        assert response.status_code == 404
        assert snapshot(world) == before


def test_another_company_sees_none_of_its_lists(world):
    client = Client()
    client.force_login(world["users"]["owner_b"])

    pages = [
        client.get(reverse(f"companies:{name}")).content.decode()
        for name in ("purchases", "documents", "statement", "addresses")
    ]

    # Company A's purchase, documents and address are not linked or named on B's pages
    # (numbers alone could match a token on the page: their links and names are checked).
    leaks = [
        reverse("companies:purchase", kwargs={"pk": world["purchase"].pk}),
        reverse("companies:invoice-pdf", kwargs={"pk": world["invoice"].pk}),
        reverse("companies:credit-note-pdf", kwargs={"pk": world["credit_note"].pk}),
        world["invoice"].display_number,
        "Panadería La Espiga",
    ]
    assert [leak for leak in leaks for page in pages if leak in page] == []
    assert all("Depósito Norte" not in page for page in pages)
