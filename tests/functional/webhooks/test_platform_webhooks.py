"""Operators subscribe the platform's own webhooks under "Marketplace": they hear every
store's events, with the same delivery log and "send again" as a store's page."""

import pytest
from django.urls import reverse

from shop.webhooks.models import DeliveryState, WebhookDelivery, WebhookSubscription
from shop.webhooks.services import subscription_create, webhook_event_emit
from tests.factories import PartnerFactory, UserFactory
from tests.factories.accounts import operator_create
from vendors.models import MembershipRole

pytestmark = pytest.mark.django_db
PAGE = "webhooks_operators:webhooks"


@pytest.fixture
def store():
    partner = PartnerFactory(name="Tienda A", code="tienda-a")
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    return {"vendor": partner.vendor, "owner": owner}


def test_an_operator_subscribes_the_platform_and_sees_every_stores_deliveries(
    client, store, django_capture_on_commit_callbacks
):
    operator = operator_create()
    client.force_login(operator)

    created = client.post(
        reverse(PAGE), {"url": "https://erp.example/hooks", "events": ["order.placed"]}
    )

    assert created.status_code == 201
    subscription = WebhookSubscription.objects.get()
    assert (subscription.vendor, subscription.created_by) == (None, operator)
    assert subscription.secret in created.content.decode()  # shown this once
    with django_capture_on_commit_callbacks(execute=False):
        webhook_event_emit(type="order.placed", vendor=store["vendor"], payload={"n": 1})
    delivery = WebhookDelivery.objects.get(subscription=subscription)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(state=DeliveryState.GAVE_UP)

    page = client.get(reverse(PAGE))
    assert page.status_code == 200
    html = page.content.decode()
    assert str(delivery.event.event_id) in html and "Tienda A" in html
    assert reverse("webhooks_operators:webhook-resend", args=[delivery.pk]) in html

    with django_capture_on_commit_callbacks(execute=False) as sent:
        again = client.post(reverse("webhooks_operators:webhook-resend", args=[delivery.pk]))
    assert again.status_code == 302 and again["Location"] == reverse(PAGE)
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.PENDING and len(sent) == 1


def test_a_stores_own_delivery_is_not_the_platforms_to_send_again(client, store):
    subscription = subscription_create(
        vendor=store["vendor"], user=store["owner"], url="https://a.example/", events=["stock.low"]
    )
    webhook_event_emit(type="stock.low", vendor=store["vendor"], payload={})
    delivery = WebhookDelivery.objects.get(subscription=subscription)
    client.force_login(operator_create())

    assert "https://a.example/" not in client.get(reverse(PAGE)).content.decode()
    resend = reverse("webhooks_operators:webhook-resend", args=[delivery.pk])
    assert client.post(resend).status_code == 404
    resume = reverse("webhooks_operators:webhook-resume", args=[subscription.pk])
    assert client.post(resume).status_code == 404


def test_a_store_owner_is_sent_to_sign_in(client, store):
    client.force_login(store["owner"])

    response = client.get(reverse(PAGE))

    assert response.status_code == 302 and "login" in response["Location"]
