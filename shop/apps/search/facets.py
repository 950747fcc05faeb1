"""The facet counts of a search in one query: every facet's values with how many results
each would give, each facet counted over the matches that meet every other chosen filter,
and the total over those that meet them all.

The matches are read once, narrow (the facets' ids, the price's range as a number, and
per facet whether the row meets the other filters); PostgreSQL groups them by every facet
at once (GROUPING SETS), other databases by one facet per branch of a UNION ALL; either
way the few grouped rows take their labels (category, province and store names) from
their tables, so nothing per match is grouped by text or tallied in Python.
"""

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
        **{f"meets_{name}": _all_of(chosen, but=name) for name in (*FACET_COLUMNS, "total")},
    ).values_list(*FACET_COLUMNS.values(), *(f"meets_{name}" for name in (*FACET_COLUMNS, "total")))
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
    combined = conditions[0]
    for condition in conditions[1:]:
        combined &= condition
    return ExpressionWrapper(combined, output_field=BooleanField())


def _facets_sql(inner_sql: str) -> str:
    quote = connection.ops.quote_name
    names = list(FACET_COLUMNS)
    columns = [*FACET_COLUMNS.values(), *(f"meets_{name}" for name in (*names, "total"))]
    matches = f"matches ({', '.join(columns)}) AS ({inner_sql})"
    if connection.vendor == "postgresql":
        # The grouping set of each row, as the number of the facet it counts (5: total).
        which = "GROUPING({})".format(", ".join(FACET_COLUMNS.values()))
        sets = ", ".join(f"({column}, meets_{name})" for name, column in FACET_COLUMNS.items())
        grouped = (
            f"SELECT {which} AS grouping_set, {', '.join(columns)}, COUNT(*) AS n "
            f"FROM matches GROUP BY GROUPING SETS ({sets}, (meets_total))"
        )
        facet_of_set = {_grouping_mask(index): index for index in range(len(names) + 1)}
        facet = "CASE grouping_set {} END".format(
            " ".join(f"WHEN {mask} THEN {index}" for mask, index in facet_of_set.items())
        )
        grouped = f"SELECT {facet} AS facet, {', '.join(columns)}, n FROM ({grouped}) AS each_set"
    else:
        branches = []
        for index, name in enumerate((*names, "total")):
            kept = [FACET_COLUMNS.get(name), f"meets_{name}"]
            selected = ", ".join(
                column if column in kept else f"NULL AS {column}" for column in columns
            )
            group_by = ", ".join(column for column in kept if column)
            branches.append(
                f"SELECT {index} AS facet, {selected}, COUNT(*) AS n FROM matches "
                f"GROUP BY {group_by}"
            )
        grouped = " UNION ALL ".join(branches)
    meets = " OR ".join(
        f"(grouped.facet = {index} AND grouped.meets_{name})"
        for index, name in enumerate((*names, "total"))
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


def _grouping_mask(facet_index: int) -> int:
    """GROUPING()'s value for the set of the facet at `facet_index` (one bit per facet
    column, set when the column is not grouped); past the last facet: the total's set."""
    every_bit = (1 << len(FACET_COLUMNS)) - 1
    if facet_index == len(FACET_COLUMNS):
        return every_bit
    return every_bit & ~(1 << (len(FACET_COLUMNS) - 1 - facet_index))


def _column(model, field: str) -> str:
    return model._meta.get_field(field).column


def _tallied(rows, price_ranges) -> dict[str, list[tuple[str, str, int]]]:
    names = list(FACET_COLUMNS)
    counts: dict[str, list] = {name: [] for name in (*names, "total")}
    for row in rows:
        facet, category_id, category, province_slug, province, vendor_slug, vendor = row[:7]
        actor, price_range, count = row[7:]
        if facet == len(names):
            counts["total"].append(("", "", count))
            continue
        value, label = {
            "category": (str(category_id or ""), category or ""),
            "province": (province_slug or "", province or ""),
            "vendor": (vendor_slug or "", vendor or ""),
            "actor_type": (actor or "", actor or ""),
            "price": _price_key(price_range, price_ranges),
        }[names[facet]]
        if value:
            counts[names[facet]].append((value, label, count))
    return counts


def _price_key(index, price_ranges) -> tuple[str, str]:
    if index is None:
        return "", ""
    return price_ranges[index].key, price_ranges[index].key
