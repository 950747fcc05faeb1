"""The purchase's lifecycle as data (vendors/orders/transitions.py): the purchase's
status derived from its parts, and who may move a part where."""

from hypothesis import given
from hypothesis import strategies as st

from vendors.models import VendorOrderStatus as S
from vendors.orders.transitions import (
    CLOSED,
    TRANSITIONS,
    ActorRole,
    OrderStatus,
    order_status_derive,
    vendor_order_allowed_targets,
)

statuses = st.lists(st.sampled_from(S.values), min_size=1, max_size=6)


@given(statuses, st.randoms())
def test_the_purchase_status_does_not_depend_on_the_parts_order(parts, random):
    shuffled = list(parts)
    random.shuffle(shuffled)

    assert order_status_derive(shuffled) == order_status_derive(parts)


@given(statuses, st.sampled_from(sorted(CLOSED)))
def test_a_closed_part_does_not_change_a_purchase_with_open_parts(parts, closed):
    if all(status in CLOSED for status in parts):
        assert order_status_derive(parts + [closed]) == OrderStatus.CANCELLED
    else:
        assert order_status_derive(parts + [closed]) == order_status_derive(parts)


def test_the_purchase_status_of_typical_parts():
    waiting = [S.PENDING_PAYMENT, S.PENDING_PAYMENT]
    assert order_status_derive(waiting) == OrderStatus.PENDING_PAYMENT
    assert order_status_derive([S.PLACED, S.CANCELLED]) == OrderStatus.PLACED
    assert order_status_derive([S.DELIVERED, S.SHIPPED]) == OrderStatus.PARTIALLY_DELIVERED
    assert order_status_derive([S.DELIVERED, S.REJECTED]) == OrderStatus.COMPLETED
    assert order_status_derive([S.ACCEPTED, S.PLACED]) == OrderStatus.IN_PROGRESS


@given(st.sampled_from(S.values), st.sampled_from(ActorRole.values))
def test_allowed_targets_are_exactly_the_transitions_of_that_role(status, role):
    targets = vendor_order_allowed_targets(status=status, actor_role=role)

    assert set(targets) == {
        to for (origin, to), roles in TRANSITIONS.items() if origin == status and role in roles
    }
    assert S.PENDING_PAYMENT not in targets  # nothing goes back to waiting for money


@given(st.sampled_from(sorted(CLOSED | {S.DELIVERED})), st.sampled_from(ActorRole.values))
def test_a_closed_or_delivered_part_goes_nowhere(status, role):
    assert vendor_order_allowed_targets(status=status, actor_role=role) == []


def test_only_the_system_and_staff_hand_a_part_over_when_it_is_paid():
    assert TRANSITIONS[(S.PENDING_PAYMENT, S.PLACED)] == {ActorRole.SYSTEM, ActorRole.STAFF}
