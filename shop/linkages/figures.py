"""The published figures of the linkages: rebuilt whole from the deals that count into
`LinkageFigure` rows (by a task, hourly and after a deal changes), and read back in one
query by the linkages page, the map and the open data, however many deals there are."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Case, Count, DecimalField, Sum, Value, When
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from shop.linkages.models import BAND_MIDDLE, MAP_SCOPES, Deal, FigureScope, LinkageFigure

# What a deal adds to the operators' amounts: its exact amount, or its band's middle.
DEAL_VALUE = Coalesce(
    "amount",
    Case(
        *(When(amount_band=band, then=Value(middle)) for band, middle in BAND_MIDDLE.items()),
        default=Value(Decimal("0")),
        output_field=DecimalField(max_digits=16, decimal_places=2),
    ),
    output_field=DecimalField(max_digits=16, decimal_places=2),
)

# scope -> (fields grouped by for the "from" key and label, and for the "to" ones)
GROUPS = {
    FigureScope.PROVINCES: (
        ("seller_province__code", "seller_province__name"),
        ("buyer_province__code", "buyer_province__name"),
    ),
    FigureScope.ACTOR_TYPES: (("seller_actor_type", None), ("buyer_actor_type", None)),
    FigureScope.SECTOR: (("sector__slug", "sector__name"), (None, None)),
    FigureScope.BAND: (("amount_band", None), (None, None)),
}


def _actors(deals) -> int:
    actors = set()
    for seller_id, buyer_id, nit in deals.values_list("seller_id", "buyer_vendor_id", "buyer_nit"):
        actors.add(("store", seller_id))
        actors.add(("store", buyer_id) if buyer_id else ("nit", nit))
    return len(actors)


@transaction.atomic
def linkage_figures_refresh() -> int:
    """Rebuild every published figure from the deals that count now. Returns how many
    figures there are."""
    now = timezone.now()
    deals = Deal.objects.filter(counts=True)
    figures = []
    total = deals.aggregate(deals=Count("pk"), amount=Sum(DEAL_VALUE))
    figures.append(
        LinkageFigure(
            scope=FigureScope.TOTAL,
            deals=total["deals"],
            actors=_actors(deals),
            amount=total["amount"] or 0,
            computed_at=now,
        )
    )
    by_month = (
        deals.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(count=Count("pk"), value=Sum(DEAL_VALUE))
        .order_by("month")
    )
    figures += [
        LinkageFigure(
            scope=FigureScope.MONTH,
            key_from=row["month"].strftime("%Y-%m"),
            deals=row["count"],
            amount=row["value"] or 0,
            computed_at=now,
        )
        for row in by_month
    ]
    for scope, ((key_from, label_from), (key_to, label_to)) in GROUPS.items():
        fields = [name for name in (key_from, label_from, key_to, label_to) if name]
        rows = deals.values(*fields).annotate(count=Count("pk"), value=Sum(DEAL_VALUE))
        figures += [
            LinkageFigure(
                scope=scope,
                key_from=row[key_from] or "",
                label_from=row[label_from] or "" if label_from else "",
                key_to=row[key_to] or "" if key_to else "",
                label_to=row[label_to] or "" if label_to else "",
                deals=row["count"],
                amount=row["value"] or 0,
                computed_at=now,
            )
            for row in rows.order_by(*fields)
        ]
    figures += _place_figures(deals, now=now)
    LinkageFigure.objects.all().delete()
    LinkageFigure.objects.bulk_create(figures)
    return len(figures)


def _place_figures(deals, *, now) -> list[LinkageFigure]:
    """Deals per province and per municipality, under every actor type and sector
    filter of the map: each deal once per place and filter."""
    counts: dict[tuple[str, str, str], int] = {}
    rows = deals.values_list(
        "seller_province__code",
        "seller__municipality__code",
        "seller_actor_type",
        "buyer_province__code",
        "buyer_vendor__municipality__code",
        "buyer_actor_type",
        "sector__slug",
    )
    for row in rows.iterator():
        seller_province, seller_town, seller_type, buyer_province, buyer_town, buyer_type = row[:6]
        sector = row[6]
        keys = set()
        for province, town, actor_type in (
            (seller_province, seller_town, seller_type),
            (buyer_province, buyer_town, buyer_type),
        ):
            for type_key in (actor_type, "*"):
                for sector_key in (sector or "", "*"):
                    key = f"{type_key}|{sector_key}"
                    keys.add((FigureScope.PLACE, province, key))
                    if town:
                        keys.add((FigureScope.MUNICIPALITY, town, key))
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return [
        LinkageFigure(scope=scope, key_from=place, key_to=key, deals=count, computed_at=now)
        for (scope, place, key), count in sorted(counts.items())
    ]


@dataclass
class Figures:
    """Every published figure, by scope, as one query read them."""

    total: LinkageFigure | None = None
    by_scope: dict[str, list[LinkageFigure]] = field(default_factory=dict)

    def rows(self, scope: str) -> list[LinkageFigure]:
        return self.by_scope.get(scope, [])

    @property
    def computed_at(self):
        return self.total.computed_at if self.total else None

    def month(self, key: str) -> LinkageFigure | None:
        return next((row for row in self.rows(FigureScope.MONTH) if row.key_from == key), None)


def linkage_figures() -> Figures:
    """Every figure but the map's (read by `place_deal_counts`)."""
    figures = Figures()
    for row in LinkageFigure.objects.exclude(scope__in=MAP_SCOPES):
        if row.scope == FigureScope.TOTAL:
            figures.total = row
        else:
            figures.by_scope.setdefault(row.scope, []).append(row)
    return figures


def place_deal_counts(
    *, actor_type: str = "", sector: str = "", municipalities: tuple[str, ...] | None = None
) -> dict[str, int]:
    """Deals touching each province (by code) through an actor of `actor_type` in
    `sector` (empty: any), each deal once per province; given `municipalities` (their
    codes), the same for those municipalities."""
    key = f"{actor_type or '*'}|{sector or '*'}"
    figures = LinkageFigure.objects.filter(scope=FigureScope.PLACE, key_to=key)
    if municipalities is not None:
        figures = LinkageFigure.objects.filter(
            scope=FigureScope.MUNICIPALITY, key_to=key, key_from__in=municipalities
        )
    return dict(figures.values_list("key_from", "deals"))
