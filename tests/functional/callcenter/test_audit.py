"""Every console action sent through its page writes exactly one audit entry; a refused
one writes none. Operators read the log, filtered; nobody edits it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from logistics.models import Municipality
from shop.callcenter.models import AuditEntry
from tests.functional.callcenter.conftest import client_for

pytestmark = pytest.mark.django_db


def actions(world) -> dict:
    part_a, order = world["part_a"], world["order"]
    plaza = Municipality.objects.get(name="Plaza de la Revolución")
    pickup = f"pickup-{world['partners'][0].vendor.pickup_points.get().pk}"
    return {
        "customer-create": ({}, {"first_name": "Luis", "last_name": "Mora", "phone": "5 111 2233"}),
        "note-create": ({"pk": world["customer"].pk}, {"text": "Llamó"}),
        "address-change": (
            {"number": order.number},
            {
                "first_name": "Marta",
                "last_name": "Díaz",
                "line1": "Calle 25 No. 8",
                "line2": "",
                "province": plaza.province_id,
                "municipality": plaza.pk,
                "phone_number": "+53 5 234 5678",
                "notes": "",
                "reason": "Cambio",
            },
        ),
        "confirmation-resend": ({"number": order.number}, {"reason": "No le llegó"}),
        "vendor-order-cancel": ({"number": world["part_b"].number}, {"reason": "Desiste"}),
        "delivery-change": ({"number": part_a.number}, {"option": pickup, "reason": "La recoge"}),
        "line-cancel": ({"pk": world["line"].pk}, {"reason": "No la quiere"}),
        "invoice-resend": ({"pk": world["invoice"].pk}, {"reason": "La perdió"}),
    }


@pytest.mark.parametrize(
    "name",
    [
        "customer-create",
        "note-create",
        "address-change",
        "confirmation-resend",
        "vendor-order-cancel",
        "delivery-change",
        "line-cancel",
        "invoice-resend",
    ],
)
def test_each_action_writes_exactly_one_entry(world, name, django_capture_on_commit_callbacks):
    kwargs, data = actions(world)[name]
    before = AuditEntry.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world, "agent").post(
            reverse(f"callcenter:{name}", kwargs=kwargs), data
        )

    assert response.status_code == 302
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry.agent == world["users"]["agent"]


@pytest.mark.parametrize(
    "name",
    [
        "address-change",
        "confirmation-resend",
        "vendor-order-cancel",
        "delivery-change",
        "line-cancel",
        "invoice-resend",
        "note-create",
    ],
)
def test_an_action_without_its_reason_or_text_writes_nothing(world, name):
    kwargs, data = actions(world)[name]
    data = {key: value for key, value in data.items() if key not in ("reason", "text")}
    before = AuditEntry.objects.count()

    response = client_for(world, "agent").post(
        reverse(f"callcenter:{name}", kwargs=kwargs), data, follow=True
    )

    assert response.status_code == 200
    assert AuditEntry.objects.count() == before
    assert list(response.context["messages"])


def test_operators_read_the_log_filtered_by_agent_customer_and_date(world):
    client = client_for(world, "agent")
    client.post(
        reverse("callcenter:note-create", kwargs={"pk": world["customer"].pk}),
        {"text": "Llamó por la factura"},
    )
    operator = client_for(world, "operator")
    agent = world["users"]["agent"]
    today = timezone.localdate()

    by_agent = operator.get(reverse("callcenter:audit-log"), {"agent": agent.pk})
    by_customer = operator.get(reverse("callcenter:audit-log"), {"customer": world["customer"].pk})
    tomorrow = operator.get(
        reverse("callcenter:audit-log"), {"since": (today + datetime.timedelta(days=1)).isoformat()}
    )

    assert [entry.action for entry in by_agent.context["entries"]] == [
        "note_added",
        "customer_created",
    ]
    assert [entry.action for entry in by_customer.context["entries"]] == ["note_added"]
    assert list(tomorrow.context["entries"]) == []
    assert "Llamó por la factura" in by_customer.content.decode()


def test_the_log_reads_as_sentences_in_spanish_and_in_english(
    world, django_capture_on_commit_callbacks
):
    agent = client_for(world, "agent")
    part_a, part_b = world["part_a"], world["part_b"]
    pickup = world["partners"][0].vendor.pickup_points.get()
    with django_capture_on_commit_callbacks(execute=True):
        agent.post(
            reverse("callcenter:vendor-order-cancel", kwargs={"number": part_b.number}),
            {"reason": "el cliente ya no la quiere"},
        )
        agent.post(
            reverse("callcenter:delivery-change", kwargs={"number": part_a.number}),
            {"option": f"pickup-{pickup.pk}", "reason": "La recoge"},
        )
        agent.post(
            reverse("callcenter:note-create", kwargs={"pk": world["customer"].pk}),
            {"text": "Llamó por la factura"},
        )
    operator = client_for(world, "operator")

    spanish = operator.get(reverse("callcenter:audit-log"))
    with translation.override("en"):
        english = operator.get(reverse("callcenter:audit-log"))

    sentences = [line.sentence for line in spanish.context["lines"]]
    assert sentences[0] == "Ángel Agente dejó una nota sobre Marta Díaz: Llamó por la factura."
    assert sentences[1].startswith(
        f"Ángel Agente cambió la entrega de la parte {part_a.number} "
        "de “Entrega a domicilio en Plaza de la Revolución"
    )
    assert sentences[1].endswith(
        f"a “Recogida en {pickup.name}: {pickup.address}, Plaza de la "
        f"Revolución (La Habana). {pickup.hours}”: La recoge."
    )
    assert sentences[2] == (
        f"Ángel Agente canceló la parte {part_b.number}: el cliente ya no la quiere."
    )
    assert sentences[3] == "Ángel Agente creó el cliente Pedro Gómez (+5352349876)."
    changes = [
        (change.label, change.before, change.after)
        for change in spanish.context["lines"][1].changes
    ]
    assert ("Cargo de entrega", "200,00 CUP", "0,00 CUP") in changes
    assert [(c.label, c.before, c.after) for c in spanish.context["lines"][2].changes] == [
        ("Estado", "Realizado", "Cancelado")
    ]
    html = spanish.content.decode()
    assert "{&#x27;" not in html and "{'" not in html and "200.00" not in html
    assert f"Ángel Agente cancelled part {part_b.number}: el cliente ya no la quiere." in [
        line.sentence for line in english.context["lines"]
    ]
