"""Reported conversations: the buyer or the store reports a thread; operators and
call-center agents read it in the console, and each reading is in the audit log. A
thread nobody reported is read only with a reason; outsiders read nothing."""

import pytest
from django.urls import reverse

from shop.callcenter.models import AuditAction, AuditEntry
from shop.sourcing.conversations import conversation_start, message_post
from shop.sourcing.models import ConversationReport, Message
from tests.functional.callcenter.conftest import client_for

pytestmark = pytest.mark.django_db


def reading(pk) -> str:
    return reverse("callcenter:conversation", kwargs={"pk": pk})


def test_a_store_reports_a_thread_from_its_inbox_once(world):
    conversation = world["conversation"]
    store = client_for(world, "owner_a")
    url = reverse(
        "vendor_dashboard:thread-report",
        kwargs={"vendor_slug": conversation.vendor.slug, "pk": conversation.pk},
    )

    refused = store.post(url, {"reason": ""}, follow=True)
    store.post(url, {"reason": "Pide el pago fuera de la plataforma"})
    store.post(url, {"reason": "Otra vez"})

    assert "Indique qué ocurre." in refused.content.decode()
    assert list(
        ConversationReport.objects.filter(reporter=world["users"]["owner_a"]).values_list(
            "reason", flat=True
        )
    ) == ["Pide el pago fuera de la plataforma"]


def test_the_buyer_reports_from_the_thread_page(world):
    customer = world["customer"]
    thread = conversation_start(buyer=customer, vendor=world["partners"][1].vendor)
    message_post(conversation=thread, author=customer, from_store=False, body="Hola")
    client = client_for(world, "shopper")
    client.force_login(customer)
    page = client.get(reverse("sourcing_account:thread", kwargs={"pk": thread.pk}))
    report = reverse("sourcing_account:report", kwargs={"pk": thread.pk})
    assert f'action="{report}"' in page.content.decode()

    client.post(report, {"reason": "Spam"})

    assert ConversationReport.objects.get(conversation=thread).reason == "Spam"


@pytest.mark.parametrize("role", ["agent", "operator"])
def test_staff_read_a_reported_thread_and_each_reading_is_audited(world, role):
    client = client_for(world, role)
    conversation = world["conversation"]

    first = client.get(reading(conversation.pk)).content.decode()
    client.get(reading(conversation.pk))

    assert "¿Es molido?" in first and "Me insultaron" in first
    entries = AuditEntry.objects.filter(action=AuditAction.CONVERSATION_READ)
    assert entries.count() == 2
    entry = entries.first()
    assert (entry.agent, entry.customer, entry.object_id, entry.reason) == (
        world["users"][role],
        world["customer"],
        str(conversation.pk),
        "Denunciada: Me insultaron",
    )
    # Reading marks nothing as read for the store.
    assert Message.objects.get(conversation=conversation).read_at is None
    listing = client.get(reverse("callcenter:conversations")).content.decode()
    assert reading(conversation.pk) in listing


def test_an_unreported_thread_is_read_only_with_a_reason(world):
    customer = world["customer"]
    thread = conversation_start(buyer=customer, vendor=world["partners"][1].vendor)
    message_post(conversation=thread, author=customer, from_store=False, body="Dirección: Calle 8")
    agent = client_for(world, "agent")

    asked = agent.get(reading(thread.pk)).content.decode()
    refused = agent.post(reading(thread.pk), {"reason": " "})
    read = agent.post(reading(thread.pk), {"reason": "Reclamo por teléfono del cliente"})

    assert "Dirección: Calle 8" not in asked and refused.status_code == 400
    assert "Dirección: Calle 8" in read.content.decode()
    (entry,) = AuditEntry.objects.filter(action=AuditAction.CONVERSATION_READ)
    assert entry.reason == "Reclamo por teléfono del cliente"
    log = client_for(world, "operator").get(reverse("callcenter:audit-log")).content.decode()
    assert "leyó la conversación entre Marta Díaz y " in log


@pytest.mark.parametrize("role", ["anonymous", "shopper", "owner_a"])
def test_outsiders_read_no_conversation_in_the_console(world, role):
    response = client_for(world, role).get(reading(world["conversation"].pk))

    assert response.status_code == (302 if role == "anonymous" else 404)
    assert not AuditEntry.objects.filter(action=AuditAction.CONVERSATION_READ).exists()
