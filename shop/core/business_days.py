"""Cuba's working calendar, in one place: every estimate counted in business days
(a store's handling, a carrier's transit) skips Sundays and the public holidays."""

from datetime import date, timedelta
from functools import cache

SUNDAY = 6
# (month, day): New Year and Victory Day, Labour Day, the National Rebellion days,
# the start of the Wars of Independence, Christmas, the last day of the year.
FIXED_HOLIDAYS = ((1, 1), (1, 2), (5, 1), (7, 25), (7, 26), (7, 27), (10, 10), (12, 25), (12, 31))


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm, "Computus")."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (19 * golden + century - leap_centuries - (century - correction + 1) // 3 + 15) % 30
    quarters, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * quarters - moon - year_rest) % 7
    shift = (golden + 11 * moon + 22 * weekday) // 451
    month, day = divmod(moon + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> frozenset[date]:
    """The fixed holidays and Good Friday (two days before Easter)."""
    fixed = {date(year, month, day) for month, day in FIXED_HOLIDAYS}
    return frozenset(fixed | {easter_sunday(year) - timedelta(days=2)})


def is_business_day(day: date) -> bool:
    return day.weekday() != SUNDAY and day not in public_holidays(day.year)


def business_days_after(start: date, days: int) -> date:
    """The date `days` business days after `start` (`start` itself when `days` is 0)."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if is_business_day(current):
            days -= 1
    return current
