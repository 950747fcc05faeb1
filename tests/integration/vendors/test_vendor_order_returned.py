import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from tests.factories.shipments import ready_part
from vendors.models import VendorOrderStatus as S
from vendors.orders.transitions import (
    ActorRole,
    vendor_order_allowed_targets,
    vendor_order_transition,
)

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def test_a_shipped_part_marked_returned_gives_its_units_back():
    part = ready_part(quantity=3)
    vendor_order_transition(
        vendor_order_id=part.pk, to_status=S.SHIPPED, actor=None, actor_role=ActorRole.VENDOR
    )
    record = StockRecord.objects.get(pk=part.lines.get().stockrecord_id)
    in_stock, allocated = record.num_in_stock, record.num_allocated

    vendor_order_transition(
        vendor_order_id=part.pk, to_status=S.RETURNED, actor=None, actor_role=ActorRole.VENDOR
    )

    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (in_stock, allocated - 3)
    part.order.refresh_from_db()
    assert part.order.status == "cancelled"


def test_returned_is_terminal_and_only_reachable_from_shipped():
    part = ready_part()

    with pytest.raises(ValidationError):
        vendor_order_transition(
            vendor_order_id=part.pk, to_status=S.RETURNED, actor=None, actor_role=ActorRole.VENDOR
        )

    assert vendor_order_allowed_targets(status=S.SHIPPED, actor_role=ActorRole.BUYER) == []
    for role in ActorRole.values:
        assert vendor_order_allowed_targets(status=S.RETURNED, actor_role=role) == []
