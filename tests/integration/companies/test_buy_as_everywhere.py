"""A phone order taken for a company member and an offer accepted by a member buy as
the company through the one placement and pricing path: its price list, the member's
spending limit and its payment on account apply as on the web."""

from decimal import Decimal

import pytest
from django.utils import translation
from oscar.core.loading import get_class, get_model

from logistics.models import DeliveryZone
from shop.callcenter.exceptions import ConsoleRefused
from shop.callcenter.phone_orders import PhoneOrder, phone_basket_add, phone_order_place
from shop.companies.credit import terms_grant
from shop.companies.models import CompanyMember, CompanyPurchase, CompanyRole, CreditCharge
from shop.invoices.models import BillingDetails
from shop.sourcing.awards import Acceptance, offer_accept
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.services import offer_save
from tests.factories import ProductFactory, UserFactory
from tests.factories.callcenter import ADDRESS, agent_create
from tests.factories.companies import coffee_list_world, company_world
from tests.factories.sourcing import ACCEPT_ADDRESS, flour_request, offer_terms, sourcing_world

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")


@pytest.fixture
def coffee_for_bakeries():
    cafe, coffee, company, members = coffee_list_world()
    return cafe, coffee.stockrecords.get(), company, members


def phone_order(customer, record, quantity, *, company_id, payment_method="cash_on_delivery"):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy(user=customer)
    phone_basket_add(basket=basket, stockrecord_id=record.pk, quantity=quantity)
    vendor_id = record.partner.vendor.pk
    return phone_order_place(
        agent=agent_create(),
        customer=customer,
        basket=basket,
        order=PhoneOrder(
            address={**ADDRESS, "line4": "Playa"},
            choices={str(vendor_id): f"home-{DeliveryZone.objects.get(vendor_id=vendor_id).pk}"},
            payment_method=payment_method,
            channel="phone",
            company_id=company_id,
        ),
    )


def test_a_phone_order_for_a_member_is_the_companys_at_its_price(coffee_for_bakeries):
    _cafe, record, company, members = coffee_for_bakeries

    order = phone_order(members["buyer"], record, 1, company_id=company.pk)

    assert order.company_purchase.company == company
    assert order.lines.get().unit_price_incl_tax == Decimal("250.00")
    assert BillingDetails.objects.get(order=order).company_nit == company.nit


def test_a_phone_order_above_the_members_limit_waits_for_an_approver(coffee_for_bakeries):
    _cafe, record, company, members = coffee_for_bakeries

    order = phone_order(members["buyer"], record, 3, company_id=company.pk)  # 750 + 200

    assert order.company_purchase.approval_status == "waiting"
    assert not order.payments.exists()


def test_a_phone_order_on_account_takes_the_stores_credit(coffee_for_bakeries):
    cafe, record, company, members = coffee_for_bakeries
    terms_grant(vendor=cafe, company=company, days=30, credit_limit=Decimal("5000"))

    order = phone_order(
        members["owner"], record, 2, company_id=company.pk, payment_method="on_account"
    )

    assert CreditCharge.objects.get().vendor_order.order == order


def test_a_customer_who_does_not_buy_for_the_company_is_refused(coffee_for_bakeries):
    _cafe, record, company, members = coffee_for_bakeries

    with translation.override("es"), pytest.raises(ConsoleRefused) as refused:
        phone_order(members["accountant"], record, 1, company_id=company.pk)

    assert refused.value.message == (
        "Usted ya no puede comprar para esta empresa: pregunte a uno de sus dueños."
    )
    assert not CompanyPurchase.objects.exists()


def test_an_offer_accepted_as_the_company_is_the_companys_and_may_go_on_account():
    world = sourcing_world()
    store = world["stores"]["a"]
    flour = ProductFactory(
        stockrecord__partner=store.partner,
        stockrecord__price=Decimal("120.00"),
        stockrecord__num_in_stock=500,
    )
    company, _members = company_world()
    CompanyMember.objects.create(company=company, user=world["requester"], role=CompanyRole.BUYER)
    terms_grant(vendor=store, company=company, days=15, credit_limit=Decimal("100000"))
    offer = offer_save(
        request_id=flour_request(world["requester"]).pk,
        vendor=store,
        terms=offer_terms(price=Decimal("80.00"), stockrecord_id=flour.stockrecords.get().pk),
    )

    def accept(user, payment_method):
        return offer_accept(
            offer_id=offer.pk,
            user=user,
            acceptance=Acceptance(
                quantity=10,
                address=ACCEPT_ADDRESS,
                delivery="home",
                payment_method=payment_method,
                company_id=company.pk,
            ),
        )

    with translation.override("es"), pytest.raises(SourcingRefused):
        accept(UserFactory(), "on_account")
    placed = accept(world["requester"], "on_account")

    assert placed.order.company_purchase.company == company
    assert placed.order.lines.get().unit_price_incl_tax == Decimal("80.00")
    assert CreditCharge.objects.get().vendor_order.order == placed.order
