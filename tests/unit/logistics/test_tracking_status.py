"""A shipment's status as its steps arrive (logistics/tracking.py): terminal kept,
otherwise the latest step by the carrier's time, whatever the order of arrival."""

from datetime import timedelta

from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from logistics.models import TERMINAL_STATUSES, TrackingStatus
from logistics.tracking import tracking_status_after

START = timezone.now()
steps = st.lists(
    st.tuples(st.sampled_from(TrackingStatus.values), st.integers(min_value=0, max_value=10_000)),
    min_size=1,
    max_size=8,
    unique_by=lambda step: step[1],
)


def _fold(arrivals):
    """The status after each step arrives, as tracking_event_record computes it."""
    current, seen = (TrackingStatus.PENDING, START), []
    for status, minutes in arrivals:
        event = (status, START + timedelta(minutes=minutes))
        seen.append(event)
        current = tracking_status_after(
            current=current, event=event, latest=max(seen, key=lambda step: step[1])
        )
    return current


@given(steps, st.randoms())
def test_without_a_terminal_step_the_latest_by_carrier_time_wins(arrivals, random):
    moving = [step for step in arrivals if step[0] not in TERMINAL_STATUSES]
    if not moving:
        return
    shuffled = list(moving)
    random.shuffle(shuffled)
    latest = max(moving, key=lambda step: step[1])

    assert _fold(shuffled) == _fold(moving) == (latest[0], START + timedelta(minutes=latest[1]))


@given(steps)
def test_the_first_terminal_step_to_arrive_is_never_left(arrivals):
    terminal = next((step for step in arrivals if step[0] in TERMINAL_STATUSES), None)
    if terminal is None:
        return

    assert _fold(arrivals) == (terminal[0], START + timedelta(minutes=terminal[1]))
