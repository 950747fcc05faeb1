"""Every console action sent through its page writes exactly one audit entry; a refused
one writes none. Operators read the log, filtered; nobody edits it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from logistics.models import Municipality
from shop.callcenter.models import AuditEntry
from tests.functional.callcenter.conftest import client_for

pytestmark = pytest.mark.django_db


def actions(world) -> dict:
    part_a, order = world["part_a"], world["order"]
    plaza = Municipality.objects.get(name="Plaza de la Revolución")
    pickup = f"pickup-{world['partners'][0].vendor.pickup_points.get().pk}"
    return {
        "customer-create": ({}, {"first_name": "Luis", "last_name": "Mora",
                                 "phone": "5 111 2233"}),
        "note-create": ({"pk": world["customer"].pk}, {"text": "Llamó"}),
        "address-change": ({"number": order.number}, {
            "first_name": "Marta", "last_name": "Díaz", "line1": "Calle 25 No. 8",
            "line2": "", "province": plaza.province_id, "municipality": plaza.pk,
            "phone_number": "+53 5 234 5678", "notes": "", "reason": "Cambio"}),
        "confirmation-resend": ({"number": order.number}, {"reason": "No le llegó"}),
        "vendor-order-cancel": ({"number": world["part_b"].number}, {"reason": "Desiste"}),
        "delivery-change": ({"number": part_a.number}, {"option": pickup,
                                                       "reason": "La recoge"}),
        "line-cancel": ({"pk": world["line"].pk}, {"reason": "No la quiere"}),
        "invoice-resend": ({"pk": world["invoice"].pk}, {"reason": "La perdió"}),
    }


@pytest.mark.parametrize("name", ["customer-create", "note-create", "address-change",
                                  "confirmation-resend", "vendor-order-cancel",
                                  "delivery-change", "line-cancel", "invoice-resend"])
def test_each_action_writes_exactly_one_entry(world, name, django_capture_on_commit_callbacks):
    kwargs, data = actions(world)[name]
    before = AuditEntry.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world, "agent").post(reverse(f"callcenter:{name}",
                                                           kwargs=kwargs), data)

    assert response.status_code == 302
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry.agent == world["users"]["agent"]


@pytest.mark.parametrize("name", ["address-change", "confirmation-resend",
                                  "vendor-order-cancel", "delivery-change", "line-cancel",
                                  "invoice-resend", "note-create"])
def test_an_action_without_its_reason_or_text_writes_nothing(world, name):
    kwargs, data = actions(world)[name]
    data = {key: value for key, value in data.items() if key not in ("reason", "text")}
    before = AuditEntry.objects.count()

    response = client_for(world, "agent").post(reverse(f"callcenter:{name}", kwargs=kwargs),
                                               data, follow=True)

    assert response.status_code == 200
    assert AuditEntry.objects.count() == before
    assert list(response.context["messages"])


def test_operators_read_the_log_filtered_by_agent_customer_and_date(world):
    client = client_for(world, "agent")
    client.post(reverse("callcenter:note-create", kwargs={"pk": world["customer"].pk}),
                {"text": "Llamó por la factura"})
    operator = client_for(world, "operator")
    agent = world["users"]["agent"]
    today = timezone.localdate()

    by_agent = operator.get(reverse("callcenter:audit-log"), {"agent": agent.pk})
    by_customer = operator.get(reverse("callcenter:audit-log"),
                               {"customer": world["customer"].pk})
    tomorrow = operator.get(reverse("callcenter:audit-log"), {
        "since": (today + datetime.timedelta(days=1)).isoformat()})

    assert [entry.action for entry in by_agent.context["entries"]] == [
        "note_added", "customer_created"]
    assert [entry.action for entry in by_customer.context["entries"]] == ["note_added"]
    assert list(tomorrow.context["entries"]) == []
    assert "Llamó por la factura" in by_customer.content.decode()
