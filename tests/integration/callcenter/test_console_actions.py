"""Each console action: what it changes, exactly one audit entry, who hears of it, and
that a refusal leaves nothing behind."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from payments.models import Payment
from shop.callcenter import services
from shop.callcenter.models import AuditAction, AuditEntry, CustomerNote, PurchaseOrigin
from tests.factories import ProductFactory, UserFactory
from tests.factories.callcenter import agent_create, owner_of, purchase_place_for, stores_create
from tests.factories.orders import vendor_order_deliver
from vendors.models import LINE_CANCELLED
from vendors.orders.money import vendor_part_total
from vendors.orders.transitions import ActorRole, vendor_order_transition

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")
Line = get_model("order", "Line")


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    (partner_a, coffee), (partner_b, honey) = stores_create()
    sugar = ProductFactory(
        title="Azúcar 1 kg",
        stockrecord__partner=partner_a,
        stockrecord__price=Decimal("100.00"),
        stockrecord__num_in_stock=10,
    )
    customer = UserFactory(email="marta@example.test", first_name="Marta", last_name="Díaz")
    with django_capture_on_commit_callbacks(execute=True):
        order = purchase_place_for(customer, [(coffee, 2), (sugar, 1), (honey, 1)])
    mail.outbox.clear()
    return {
        "agent": agent_create(),
        "customer": customer,
        "order": order,
        "coffee": coffee,
        "sugar": sugar,
        "honey": honey,
        "owner_a": owner_of(partner_a),
        "parts": list(order.vendor_orders.order_by("sequence")),
    }


def available(product) -> int:
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock - record.num_allocated


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_web_purchase_records_its_channel_and_no_agent(world):
    origin = PurchaseOrigin.objects.get(order=world["order"])

    assert (origin.channel, origin.agent) == ("web", None)


def test_cancelling_a_part_gives_its_stock_back_writes_one_entry_and_tells_both(
    world, django_capture_on_commit_callbacks
):
    part = world["parts"][0]

    with django_capture_on_commit_callbacks(execute=True):
        services.vendor_order_cancel(
            agent=world["agent"], vendor_order_id=part.pk, reason="El cliente ya no lo necesita"
        )

    part.refresh_from_db()
    assert part.status == "cancelled"
    assert (available(world["coffee"]), available(world["sugar"])) == (10, 10)
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.agent, entry.customer) == (
        AuditAction.PART_CANCELLED,
        world["agent"],
        world["customer"],
    )
    assert (entry.before["status"], entry.after["status"]) == ("placed", "cancelled")
    assert entry.reason == "El cliente ya no lo necesita"
    assert "marta@example.test" in recipients() and world["owner_a"].email in recipients()


def test_cancelling_without_a_reason_is_refused_and_changes_nothing(world):
    part = world["parts"][0]

    with pytest.raises(ValidationError):
        services.vendor_order_cancel(agent=world["agent"], vendor_order_id=part.pk, reason=" ")

    part.refresh_from_db()
    assert part.status == "placed"
    assert AuditEntry.objects.count() == 0


def test_a_shipped_part_cannot_be_cancelled(world):
    part = world["parts"][0]
    for step in ("accepted", "ready", "shipped"):
        vendor_order_transition(
            vendor_order_id=part.pk, to_status=step, actor=None, actor_role=ActorRole.VENDOR
        )

    with pytest.raises(ValidationError):
        services.vendor_order_cancel(agent=world["agent"], vendor_order_id=part.pk, reason="Tarde")

    assert AuditEntry.objects.count() == 0


def test_cancelling_one_of_two_lines_keeps_the_part_and_lowers_what_is_due(world):
    part = world["parts"][0]
    sugar_line = world["order"].lines.get(product=world["sugar"])
    due_before = vendor_part_total(part)

    services.order_line_cancel(
        agent=world["agent"], line_id=sugar_line.pk, reason="No queda azúcar en casa del cliente"
    )

    part.refresh_from_db()
    assert part.status == "placed"
    assert Line.objects.get(pk=sugar_line.pk).status == LINE_CANCELLED
    assert available(world["sugar"]) == 10
    assert available(world["coffee"]) == 8
    assert vendor_part_total(part) == due_before - Decimal("100.00")
    assert [line.product_id for line in part.lines] == [world["coffee"].pk]
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.after["line_status"]) == (
        AuditAction.LINE_CANCELLED,
        LINE_CANCELLED,
    )


def test_the_last_open_line_cancels_its_whole_part(world):
    honey_part = world["parts"][1]
    honey_line = world["order"].lines.get(product=world["honey"])

    services.order_line_cancel(agent=world["agent"], line_id=honey_line.pk, reason="Sin miel")

    honey_part.refresh_from_db()
    assert honey_part.status == "cancelled"
    assert available(world["honey"]) == 10
    assert AuditEntry.objects.count() == 1


def test_a_line_is_cancelled_once(world):
    sugar_line = world["order"].lines.get(product=world["sugar"])
    services.order_line_cancel(agent=world["agent"], line_id=sugar_line.pk, reason="Uno")

    with pytest.raises(ValidationError):
        services.order_line_cancel(agent=world["agent"], line_id=sugar_line.pk, reason="Dos")

    assert available(world["sugar"]) == 10
    assert AuditEntry.objects.count() == 1


def test_delivering_a_part_after_a_cancelled_line_collects_and_consumes_only_the_rest(world):
    part = world["parts"][0]
    sugar_line = world["order"].lines.get(product=world["sugar"])
    services.order_line_cancel(agent=world["agent"], line_id=sugar_line.pk, reason="Uno")

    vendor_order_deliver(part)

    coffee = StockRecord.objects.get(product=world["coffee"])
    sugar = StockRecord.objects.get(product=world["sugar"])
    assert (coffee.num_in_stock, coffee.num_allocated) == (8, 0)
    assert (sugar.num_in_stock, sugar.num_allocated) == (10, 0)
    payment = Payment.objects.get(order=world["order"])
    cash = payment.events.get(
        kind="charge", phase="success", gateway_reference=f"cash:{part.number}"
    )
    assert cash.amount == Decimal("600.00") + part.delivery_charge


def test_changing_the_delivery_option_of_a_cash_part(world, django_capture_on_commit_callbacks):
    from logistics.delivery import vendor_order_delivery_options
    from logistics.models import Municipality

    part = world["parts"][0]
    pickup = next(
        option
        for option in vendor_order_delivery_options(
            vendor_order=part, municipality=Municipality.objects.get(name="Plaza de la Revolución")
        )
        if option.kind == "pickup"
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.delivery_option_change(
            agent=world["agent"],
            vendor_order_id=part.pk,
            option_code=pickup.code,
            reason="Lo recoge él",
        )

    part.refresh_from_db()
    assert (part.delivery_code, part.delivery_charge) == (pickup.code, Decimal("0.00"))
    entry = AuditEntry.objects.get()
    assert entry.before["delivery_charge"] == "200.00"
    assert world["owner_a"].email in recipients()


def test_an_unknown_delivery_option_is_refused(world):
    with pytest.raises(ValidationError):
        services.delivery_option_change(
            agent=world["agent"],
            vendor_order_id=world["parts"][0].pk,
            option_code="home-999999",
            reason="x",
        )
    assert AuditEntry.objects.count() == 0


def test_changing_the_address_keeps_before_and_after(world):
    address = {
        "first_name": "Marta",
        "last_name": "Díaz",
        "line1": "Calle 70 No. 4512",
        "line2": "",
        "line4": "Playa",
        "state": "La Habana",
        "phone_number": "+5352345678",
        "notes": "Portal verde",
    }

    services.delivery_address_change(
        agent=world["agent"], order_id=world["order"].pk, address=address, reason="Se mudó"
    )

    world["order"].shipping_address.refresh_from_db()
    assert world["order"].shipping_address.line1 == "Calle 70 No. 4512"
    entry = AuditEntry.objects.get()
    assert (entry.before["line1"], entry.after["line1"]) == (
        "Calle 23 No. 1155",
        "Calle 70 No. 4512",
    )
    assert entry.after["line4"] == "Playa"


def test_an_address_the_store_does_not_deliver_to_is_refused(world):
    address = {
        "first_name": "Marta",
        "last_name": "Díaz",
        "line1": "Calle 1",
        "line2": "",
        "line4": "Santiago de Cuba",
        "state": "Santiago de Cuba",
        "phone_number": "+5352345678",
        "notes": "",
    }

    with pytest.raises(ValidationError):
        services.delivery_address_change(
            agent=world["agent"], order_id=world["order"].pk, address=address, reason="Se mudó"
        )

    world["order"].shipping_address.refresh_from_db()
    assert world["order"].shipping_address.line4 == "Plaza de la Revolución"
    assert AuditEntry.objects.count() == 0


def test_a_note_and_a_resent_confirmation_are_one_entry_each(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.note_add(
            agent=world["agent"],
            customer=world["customer"],
            text="Llamó por la entrega",
            order=world["order"],
        )
        services.confirmation_resend(
            agent=world["agent"], order_id=world["order"].pk, reason="No le llegó"
        )

    assert CustomerNote.objects.get().text == "Llamó por la entrega"
    assert sorted(AuditEntry.objects.values_list("action", flat=True)) == [
        AuditAction.CONFIRMATION_RESENT,
        AuditAction.NOTE_ADDED,
    ]
    assert recipients() == ["marta@example.test"]
    assert world["order"].number in mail.outbox[0].subject + mail.outbox[0].body


def test_the_notice_of_an_entry_goes_out_once(world, django_capture_on_commit_callbacks):
    from shop.callcenter.notifications import audit_notify

    with django_capture_on_commit_callbacks(execute=True):
        services.confirmation_resend(
            agent=world["agent"], order_id=world["order"].pk, reason="No le llegó"
        )
    entry = AuditEntry.objects.get()

    assert audit_notify(entry_id=entry.pk) is False
    assert len(mail.outbox) == 1


def test_creating_a_customer_by_phone(world):
    customer = services.customer_create(
        agent=world["agent"], first_name="Pedro", last_name="Gómez", phone="5 234 9876"
    )

    assert customer.callcenter_contact.phone_number == "+5352349876"
    assert not customer.has_usable_password()
    assert AuditEntry.objects.get().action == AuditAction.CUSTOMER_CREATED
    with pytest.raises(ValidationError):
        services.customer_create(
            agent=world["agent"], first_name="Otro", last_name="Pedro", phone="+53 5 234 9876"
        )
    assert AuditEntry.objects.count() == 1


def test_the_audit_log_cannot_be_changed_or_deleted(world):
    services.note_add(agent=world["agent"], customer=world["customer"], text="Hola")
    entry = AuditEntry.objects.get()

    entry.reason = "cambiado"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
    with pytest.raises(ValueError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="cambiado")
    with pytest.raises(ValueError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().reason == ""


def test_a_resent_confirmation_lists_only_the_lines_still_bought(
    world, django_capture_on_commit_callbacks
):
    sugar_line = world["order"].lines.get(product=world["sugar"])
    services.order_line_cancel(agent=world["agent"], line_id=sugar_line.pk, reason="Uno")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.confirmation_resend(
            agent=world["agent"], order_id=world["order"].pk, reason="Quiere verla sin el azúcar"
        )

    [confirmation] = mail.outbox
    assert "Azúcar" not in confirmation.body
    assert world["coffee"].title in confirmation.body
