"""The facet counts of a search in one query: every facet's values with how many results
each would give, each facet counted over the matches that meet every other chosen filter,
and the total over those that meet them all.

The matches are read once, narrow (the facets' ids, the price's range as a number, and
per facet whether the row meets the other filters); PostgreSQL groups them by every facet
at once (GROUPING SETS), other databases by one facet per branch of a UNION ALL; either
way the few grouped rows take their labels (category, province and store names) from
their tables, so nothing per match is grouped by text or tallied in Python.
"""

from functools import reduce
from operator import and_

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from oscar.core.loading import get_model

from logistics.models import Province
from vendors.models import Vendor

Category = get_model("catalogue", "Category")

# Each facet's column in the index; the category's, province's and store's labels are
# read from their own tables for the grouped rows only.
FACET_COLUMNS = {
    "category": "category_id",
    "province": "province_id",
    "vendor": "vendor_id",
    "actor_type": "actor_type",
    "price": "price_range",
}
# What is counted: each facet, then the total.
COUNTED = (*FACET_COLUMNS, "total")
MEETS = {name: f"meets_{name}" for name in COUNTED}


def facet_counts(
    documents: QuerySet, chosen: dict[str, Q], price_ranges: tuple
) -> dict[str, list[tuple[str, str, int]]]:
    """`chosen`: the condition of each facet a value is chosen for. Returns each facet's
    (value, label, count) as the URL and the page show it (a category's id, a province's
    and a store's slug, an actor type, a price range's key), and "total": [("", "", n)]."""
    matches = documents.annotate(
        price_range=Case(
            *[
                When(price_range_condition(price_range), then=Value(index))
                for index, price_range in enumerate(price_ranges)
            ],
            default=None,
            output_field=IntegerField(),
        ),
        **{MEETS[name]: _all_of(chosen, but=name) for name in COUNTED},
    ).values_list(*FACET_COLUMNS.values(), *MEETS.values())
    inner_sql, params = matches.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(_facets_sql(inner_sql), params)
        rows = cursor.fetchall()
    return _tallied(rows, price_ranges)


def price_range_condition(price_range) -> Q:
    """The documents priced within `price_range` (either bound may be open)."""
    bounds = {}
    if price_range.low is not None:
        bounds["price__gte"] = price_range.low
    if price_range.high is not None:
        bounds["price__lt"] = price_range.high
    return Q(**bounds)


def _all_of(chosen: dict[str, Q], *, but: str):
    conditions = [condition for name, condition in chosen.items() if name != but]
    if not conditions:
        return Value(True, output_field=BooleanField())
    return ExpressionWrapper(reduce(and_, conditions), output_field=BooleanField())


def _facets_sql(inner_sql: str) -> str:
    """Each grouped row says which facet it counts as GROUPING()'s value for that facet's
    set (`_grouping_mask`): PostgreSQL computes it, the UNION ALL branches write it."""
    quote = connection.ops.quote_name
    columns = [*FACET_COLUMNS.values(), *MEETS.values()]
    matches = f"matches ({', '.join(columns)}) AS ({inner_sql})"
    if connection.vendor == "postgresql":
        sets = ", ".join(f"({column}, {MEETS[name]})" for name, column in FACET_COLUMNS.items())
        grouped = (
            f"SELECT GROUPING({', '.join(FACET_COLUMNS.values())}) AS facet, "
            f"{', '.join(columns)}, COUNT(*) AS n "
            f"FROM matches GROUP BY GROUPING SETS ({sets}, ({MEETS['total']}))"
        )
    else:
        branches = []
        for name in COUNTED:
            kept = [FACET_COLUMNS.get(name), MEETS[name]]
            selected = ", ".join(
                column if column in kept else f"NULL AS {column}" for column in columns
            )
            group_by = ", ".join(column for column in kept if column)
            branches.append(
                f"SELECT {_grouping_mask(name)} AS facet, {selected}, COUNT(*) AS n "
                f"FROM matches GROUP BY {group_by}"
            )
        grouped = " UNION ALL ".join(branches)
    meets = " OR ".join(
        f"(grouped.facet = {_grouping_mask(name)} AND grouped.{MEETS[name]})" for name in COUNTED
    )
    return (
        f"WITH {matches}, grouped AS ({grouped}) "
        f"SELECT grouped.facet, grouped.category_id, category.{quote(_column(Category, 'name'))}, "
        f"province.{quote(_column(Province, 'slug'))}, "
        f"province.{quote(_column(Province, 'name'))}, "
        f"vendor.{quote(_column(Vendor, 'slug'))}, "
        f"vendor.{quote(_column(Vendor, 'trade_name'))}, grouped.actor_type, "
        f"grouped.price_range, grouped.n "
        f"FROM grouped "
        f"LEFT JOIN {quote(Category._meta.db_table)} AS category "
        f"ON category.{quote(Category._meta.pk.column)} = grouped.category_id "
        f"LEFT JOIN {quote(Province._meta.db_table)} AS province "
        f"ON province.{quote(Province._meta.pk.column)} = grouped.province_id "
        f"LEFT JOIN {quote(Vendor._meta.db_table)} AS vendor "
        f"ON vendor.{quote(Vendor._meta.pk.column)} = grouped.vendor_id "
        f"WHERE {meets}"
    )


def _grouping_mask(name: str) -> int:
    """GROUPING()'s value for the set that counts `name` (one bit per facet column, set
    when the column is not grouped): the total's set groups none of them."""
    every_bit = (1 << len(FACET_COLUMNS)) - 1
    if name == "total":
        return every_bit
    return every_bit & ~(1 << (len(FACET_COLUMNS) - 1 - list(FACET_COLUMNS).index(name)))


def _column(model, field: str) -> str:
    return model._meta.get_field(field).column


def _tallied(rows, price_ranges) -> dict[str, list[tuple[str, str, int]]]:
    counted_by_mask = {_grouping_mask(name): name for name in COUNTED}
    counts: dict[str, list] = {name: [] for name in COUNTED}
    for row in rows:
        mask, category_id, category, province_slug, province, vendor_slug, vendor = row[:7]
        actor, price_range, count = row[7:]
        name = counted_by_mask[mask]
        if name == "total":
            counts["total"].append(("", "", count))
            continue
        value, label = {
            "category": (str(category_id or ""), category or ""),
            "province": (province_slug or "", province or ""),
            "vendor": (vendor_slug or "", vendor or ""),
            "actor_type": (actor or "", actor or ""),
            "price": _price_key(price_range, price_ranges),
        }[name]
        if value:
            counts[name].append((value, label, count))
    return counts


def _price_key(index, price_ranges) -> tuple[str, str]:
    if index is None:
        return "", ""
    return price_ranges[index].key, price_ranges[index].key
