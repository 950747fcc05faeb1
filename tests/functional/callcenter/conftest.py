from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from logistics.models import Shipment, TrackingEvent
from shop.callcenter.services import customer_create
from shop.invoices.services import invoice_issue
from shop.sourcing.conversations import conversation_start, message_post
from shop.sourcing.reports import conversation_report
from tests.factories import UserFactory
from tests.factories.callcenter import agent_create, owner_of, purchase_place_for, stores_create
from tests.module_data import fresh, module_data


def world_build():
    """Everything a console page can point at: a customer with a two-store purchase
    (invoiced, shipped by a carrier with a timeline), the roles that try to reach it."""
    (partner_a, coffee), (partner_b, honey) = stores_create()
    customer = UserFactory(email="marta@example.test", first_name="Marta", last_name="Díaz")
    order = purchase_place_for(customer, [(coffee, 1), (honey, 2)])
    part_a, part_b = order.vendor_orders.order_by("sequence")
    invoice = invoice_issue(vendor_order=part_a)
    shipment = Shipment.objects.create(
        vendor_order=part_b, carrier="manual", tracking_code="ENC-TRK-0001"
    )
    TrackingEvent.objects.create(
        shipment=shipment,
        status="picked_up",
        occurred_at=timezone.now() - timedelta(days=2),
        fingerprint="t1",
        note="Recogido en tienda",
    )
    agent = agent_create(first_name="Ángel", last_name="Agente")
    users = {
        "anonymous": None,
        "shopper": UserFactory(),
        "owner_a": owner_of(partner_a),
        "agent": agent,
        "operator": UserFactory(is_staff=True, is_superuser=True),
    }
    walk_in = customer_create(
        agent=agent, first_name="Pedro", last_name="Gómez", phone="+53 5 234 9876"
    )
    conversation = conversation_start(buyer=customer, vendor=partner_a.vendor, product=coffee)
    message_post(conversation=conversation, author=customer, from_store=False, body="¿Es molido?")
    conversation_report(conversation=conversation, reporter=customer, reason="Me insultaron")
    return {
        "users": users,
        "conversation": conversation,
        "customer": customer,
        "order": order,
        "part_a": part_a,
        "part_b": part_b,
        "invoice": invoice,
        "line": order.lines.order_by("pk").first(),
        "shipment": shipment,
        "walk_in": walk_in,
        "coffee": coffee,
        "honey": honey,
        "partners": (partner_a, partner_b),
        "price": Decimal("300.00"),
    }


world_built = module_data(world_build)


@pytest.fixture
def world(world_built, db):
    return fresh(world_built)


def client_for(world, role) -> Client:
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    return client


from tests.localstripe_server import localstripe_url  # noqa: E402, F401  (a fixture)


@pytest.fixture
def stripe_enabled(settings, localstripe_url):  # noqa: F811 - the fixture above
    from tests.localstripe_server import stripe_options

    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "stripe": {
            "BACKEND": "payments.gateways.stripe.StripeGateway",
            "OPTIONS": stripe_options(localstripe_url, currencies=("CUP",)),
        },
    }
    return localstripe_url
