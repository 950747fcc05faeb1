"""Cuba's working calendar: Sundays and the public holidays (Good Friday from Easter)
are not business days. Dates are built from a frozen clock."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from shop.core.business_days import (
    business_days_after,
    easter_sunday,
    is_business_day,
    public_holidays,
)

HAVANA = ZoneInfo("America/Havana")


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2000, (4, 23)), (2024, (3, 31)), (2025, (4, 20)), (2026, (4, 5)), (2038, (4, 25))],
)
def test_easter_sunday_follows_the_gregorian_computus(year, easter):
    assert easter_sunday(year) == date(year, *easter)


@time_machine.travel(datetime(2031, 3, 3, 9, 0, tzinfo=HAVANA), tick=False)
def test_a_years_holidays_are_the_fixed_ones_and_good_friday():
    year = timezone.localdate().year

    assert sorted(public_holidays(year)) == [
        date(year, 1, 1),
        date(year, 1, 2),
        easter_sunday(year) - timedelta(days=2),
        date(year, 5, 1),
        date(year, 7, 25),
        date(year, 7, 26),
        date(year, 7, 27),
        date(year, 10, 10),
        date(year, 12, 25),
        date(year, 12, 31),
    ]


@time_machine.travel(datetime(2031, 4, 9, 9, 0, tzinfo=HAVANA), tick=False)
def test_saturdays_work_and_sundays_and_good_friday_do_not():
    wednesday = timezone.localdate()
    good_friday, saturday, sunday = (wednesday + timedelta(days=days) for days in (2, 3, 4))

    assert good_friday == easter_sunday(wednesday.year) - timedelta(days=2)
    assert [is_business_day(day) for day in (wednesday, good_friday, saturday, sunday)] == [
        True,
        False,
        True,
        False,
    ]
    assert business_days_after(wednesday, 0) == wednesday
    assert business_days_after(wednesday, 1) == wednesday + timedelta(days=1)  # Thursday
    assert business_days_after(wednesday, 2) == saturday
    assert business_days_after(wednesday, 3) == sunday + timedelta(days=1)  # Monday


@time_machine.travel(datetime(2030, 12, 30, 9, 0, tzinfo=HAVANA), tick=False)
def test_the_year_end_holidays_are_skipped_across_the_new_year():
    monday = timezone.localdate()

    # 31 December, 1 and 2 January are holidays: the next business day is Friday 3.
    assert business_days_after(monday, 1) == monday + timedelta(days=4)
    assert business_days_after(monday, 2) == monday + timedelta(days=5)  # Saturday 4


@time_machine.travel(datetime(2031, 7, 24, 9, 0, tzinfo=HAVANA), tick=False)
def test_the_national_rebellion_days_are_skipped():
    thursday = timezone.localdate()

    # 25 (Friday), 26 (Saturday), 27 July (Sunday): the next business day is Monday 28.
    assert business_days_after(thursday, 1) == thursday + timedelta(days=4)
