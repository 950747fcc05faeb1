"""The web checkout as a company: "Buy as" the company, a purchase above the buyer's
limit lands on its page waiting for approval and the approver's button lets it go on;
payment on account is offered only when every store of the basket grants the company
terms."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from logistics.models import DeliveryZone, Municipality
from shop.companies.credit import terms_grant
from shop.companies.models import ApprovalStatus, CompanyAddress, CompanyMember, CompanyPurchase
from tests.factories.companies import company_stores_world
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return company_stores_world()


def home(vendor) -> str:
    return f"home-{DeliveryZone.objects.get(vendor=vendor).pk}"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_over_the_limit_it_waits_and_the_approver_lets_it_go(world):
    buyer = signed_in(world["members"]["buyer"])
    basket_add(buyer, world["coffee"])
    basket_add(buyer, world["honey"])
    review = checkout_to_review(
        buyer,
        {world["cafe"]: home(world["cafe"]), world["miel"]: home(world["miel"])},
        billing={"buy_as": world["company"].pk},
    )
    assert "Panadería La Espiga S.R.L." in review.content.decode()

    response = order_place(buyer, review)

    purchase = CompanyPurchase.objects.get()
    assert response["Location"] == reverse("companies:purchase", kwargs={"pk": purchase.pk})
    page = buyer.get(response["Location"]).content.decode()
    assert "Esperando aprobación" in page
    assert "Aprobar" not in page
    approver = signed_in(world["members"]["approver"])
    assert "Aprobar" in approver.get(response["Location"]).content.decode()

    approver.post(reverse("companies:approve", kwargs={"pk": purchase.pk}))

    purchase.refresh_from_db()
    assert purchase.approval_status == ApprovalStatus.APPROVED
    assert set(purchase.order.vendor_orders.values_list("status", flat=True)) == {"placed"}
    assert "Aprobada" in buyer.get(response["Location"]).content.decode()


def test_payment_on_account_is_offered_only_with_terms_at_every_store(world):
    buyer = signed_in(world["members"]["buyer"])
    basket_add(buyer, world["coffee"])
    choices = {world["cafe"]: home(world["cafe"])}
    checkout_to_review(buyer, choices)
    page = buyer.get(reverse("checkout:payment-method")).content.decode()
    assert 'value="on_account"' not in page

    terms_grant(
        vendor=world["cafe"], company=world["company"], days=30, credit_limit=Decimal("5000")
    )
    page = buyer.get(reverse("checkout:payment-method")).content.decode()
    assert 'value="on_account"' in page
    refused = buyer.post(reverse("checkout:payment-method"), {"method": "on_account"})
    assert refused.status_code == 400
    assert "Pago a crédito" in refused.content.decode() or "crédito" in refused.content.decode()

    review = checkout_to_review(
        buyer, choices, payment="on_account", billing={"buy_as": world["company"].pk}
    )
    order_place(buyer, review)

    part = CompanyPurchase.objects.get().order.vendor_orders.get()
    assert part.status == "placed"
    assert part.credit_charge.amount == Decimal("500.00")


def test_the_company_addresses_are_offered_at_checkout_to_its_buyers_only(world):
    address = CompanyAddress.objects.create(
        company=world["company"],
        name="Almacén",
        line1="Calle 8 No. 12",
        municipality=Municipality.objects.get(name="Playa"),
        phone="+53 5 234 5678",
    )
    buyer = signed_in(world["members"]["buyer"])
    basket_add(buyer, world["coffee"])
    buyer.get(reverse("checkout:index"))
    assert "Almacén" in buyer.get(reverse("checkout:shipping-address")).content.decode()

    response = buyer.post(reverse("checkout:shipping-address"), {"company_address_id": address.pk})

    assert response["Location"] == reverse("checkout:shipping-method")
    page = buyer.get(response["Location"]).content.decode()
    assert "Playa" in page
    accountant = signed_in(world["members"]["accountant"])
    basket_add(accountant, world["coffee"])
    accountant.get(reverse("checkout:index"))
    assert "Almacén" not in accountant.get(reverse("checkout:shipping-address")).content.decode()
    refused = accountant.post(
        reverse("checkout:shipping-address"), {"company_address_id": address.pk}
    )
    assert refused.status_code == 404


def test_a_mixed_purchase_puts_the_store_with_terms_on_account_and_the_rest_paid_now(world):
    CompanyMember.objects.filter(company=world["company"]).update(spending_limit=None)
    terms_grant(
        vendor=world["cafe"], company=world["company"], days=30, credit_limit=Decimal("5000")
    )
    buyer = signed_in(world["members"]["buyer"])
    basket_add(buyer, world["coffee"])
    basket_add(buyer, world["honey"])
    choices = {world["cafe"]: home(world["cafe"]), world["miel"]: home(world["miel"])}
    checkout_to_review(buyer, choices)
    page = buyer.get(reverse("checkout:payment-method")).content.decode()
    assert 'name="parts_on_account"' in page
    assert 'value="on_account"' not in page  # not every store grants terms
    refused = buyer.post(
        reverse("checkout:payment-method"), {"method": "cash_on_delivery", "parts_on_account": "on"}
    )
    assert refused.status_code == 400  # bought for oneself: no terms

    review = checkout_to_review(
        buyer, choices, billing={"buy_as": world["company"].pk, "parts_on_account": "on"}
    )
    content = review.content.decode()
    assert "A 30 días (cuenta de la empresa)" in content
    assert "Por pagar ahora" in content
    assert review.context["pay_now_total"] == Decimal("700.00")
    assert review.context["on_account_total"] == Decimal("500.00")
    order_place(buyer, review)

    order = CompanyPurchase.objects.get().order
    on_account = dict(order.vendor_orders.values_list("vendor_id", "on_account"))
    assert on_account == {world["cafe"].pk: True, world["miel"].pk: False}
    assert order.payments.get().amount == Decimal("700.00")
    assert set(order.vendor_orders.values_list("status", flat=True)) == {"placed"}
