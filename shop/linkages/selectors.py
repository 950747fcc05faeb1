"""What the linkages pages read: the published figures shaped for the page (charts,
the province matrix) and for the open data, and an actor's own deals."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from logistics.territory import territory
from shop.linkages.charts import BarChart, MatrixChart, horizontal_bars, matrix_grid, vertical_bars
from shop.linkages.figures import Figures, linkage_figures
from shop.linkages.models import (
    UNKNOWN_ACTOR_TYPE,
    AmountBand,
    Deal,
    DealSource,
    DealStatus,
    Event,
    FigureScope,
    Initiative,
    InitiativeStatus,
)
from vendors.models import ActorType, Vendor

MONTHS_SHOWN = 12
TOP_SHOWN = 10
OPEN_DATA_FIELDS = ("scope", "from_key", "from_label", "to_key", "to_label", "deals", "suppressed")


def actor_type_label(key: str) -> str:
    if key == UNKNOWN_ACTOR_TYPE:
        return _("Company with a NIT, not on Encadena")
    return str(dict(ActorType.choices).get(key, key))


def _count(value: int) -> str:
    return number_format(value, force_grouping=True)


def _months(today: date, count: int) -> list[str]:
    year, month = today.year, today.month
    keys = []
    for _step in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(keys))


# Short names of the provinces for the matrix's headings, by our province code.
PROVINCE_SHORT = {
    "21": "PRI",
    "22": "ART",
    "23": "HAB",
    "24": "MAY",
    "25": "MTZ",
    "26": "VCL",
    "27": "CFG",
    "28": "SSP",
    "29": "CAV",
    "30": "CMG",
    "31": "LTU",
    "32": "HOL",
    "33": "GRA",
    "34": "SCU",
    "35": "GTM",
    "40": "IJV",
}


@dataclass(frozen=True)
class MatrixRow:
    province: str
    cells: tuple[int, ...]


@dataclass(frozen=True)
class LinkagesPage:
    figures: Figures
    deals: int
    actors: int
    amount: object
    month_deals: int
    month_amount: object
    by_month: BarChart
    actor_pairs: BarChart
    sectors: BarChart
    across_provinces: BarChart
    matrix_columns: tuple[str, ...]
    matrix: tuple[MatrixRow, ...]
    matrix_chart: MatrixChart


def linkages_page(*, today: date) -> LinkagesPage:
    """Everything /encadenamientos/ shows, from one read of the figures."""
    figures = linkage_figures()
    total = figures.total
    this_month = figures.month(f"{today.year:04d}-{today.month:02d}")
    months = {row.key_from: row for row in figures.rows(FigureScope.MONTH)}
    by_month = vertical_bars(
        title=_("Deals by month"),
        items=[
            (
                date_format(date(int(key[:4]), int(key[5:]), 1), "M"),
                months[key].deals if key in months else 0,
                _count(months[key].deals) if key in months else "0",
            )
            for key in _months(today, MONTHS_SHOWN)
        ],
    )
    pairs = sorted(figures.rows(FigureScope.ACTOR_TYPES), key=lambda row: -row.deals)[:TOP_SHOWN]
    sectors = sorted(figures.rows(FigureScope.SECTOR), key=lambda row: -row.deals)[:TOP_SHOWN]
    provinces = figures.rows(FigureScope.PROVINCES)
    across = sorted(
        (row for row in provinces if row.key_from != row.key_to), key=lambda row: -row.deals
    )[:TOP_SHOWN]
    names = [province.name for province in territory().provinces]
    codes = [province.code for province in territory().provinces]
    cells = {(row.key_from, row.key_to): row.deals for row in provinces}
    used = [code for code in codes if any(code in key for key in cells)]
    label = dict(zip(codes, names, strict=True))
    return LinkagesPage(
        figures=figures,
        deals=total.deals if total else 0,
        actors=total.actors if total else 0,
        amount=total.amount if total else 0,
        month_deals=this_month.deals if this_month else 0,
        month_amount=this_month.amount if this_month else 0,
        by_month=by_month,
        actor_pairs=horizontal_bars(
            title=_("Between types of actor"),
            items=[
                (
                    f"{actor_type_label(row.key_from)} → {actor_type_label(row.key_to)}",
                    row.deals,
                    _count(row.deals),
                )
                for row in pairs
            ],
        ),
        sectors=horizontal_bars(
            title=_("By sector"),
            items=[
                (row.label_from or _("No sector"), row.deals, _count(row.deals)) for row in sectors
            ],
        ),
        across_provinces=horizontal_bars(
            title=_("Top linkages across provinces"),
            items=[
                (f"{row.label_from} → {row.label_to}", row.deals, _count(row.deals))
                for row in across
            ],
        ),
        matrix_columns=tuple(label[code] for code in used),
        matrix=tuple(
            MatrixRow(
                province=label[origin],
                cells=tuple(cells.get((origin, destination), 0) for destination in used),
            )
            for origin in used
        ),
        matrix_chart=matrix_grid(
            names=[(PROVINCE_SHORT.get(code, code), label[code]) for code in used],
            counts={
                (used.index(origin), used.index(destination)): value
                for (origin, destination), value in cells.items()
                if origin in used and destination in used
            },
        ),
    )


def open_data_rows() -> list[dict]:
    """The published figures without amounts, each cell under the threshold suppressed
    (its count left empty), so no figure points at one deal or one actor."""
    threshold = settings.LINKAGES_OPEN_DATA_MIN_DEALS
    figures = linkage_figures()
    rows = []
    total = figures.total
    if total is not None:
        rows.append(_open_row(FigureScope.TOTAL, "", "", "", "", total.deals, threshold))
    band_labels = dict(AmountBand.choices)
    for scope in (
        FigureScope.MONTH,
        FigureScope.PROVINCES,
        FigureScope.ACTOR_TYPES,
        FigureScope.SECTOR,
        FigureScope.BAND,
    ):
        for row in figures.rows(scope):
            label_from, label_to = row.label_from, row.label_to
            if scope == FigureScope.ACTOR_TYPES:
                label_from, label_to = actor_type_label(row.key_from), actor_type_label(row.key_to)
            elif scope == FigureScope.BAND:
                label_from = str(band_labels.get(row.key_from, row.key_from))
            rows.append(
                _open_row(
                    scope, row.key_from, label_from, row.key_to, label_to, row.deals, threshold
                )
            )
    return rows


def _open_row(scope, from_key, from_label, to_key, to_label, deals, threshold) -> dict:
    suppressed = 0 < deals < threshold
    return {
        "scope": str(scope),
        "from_key": from_key,
        "from_label": from_label,
        "to_key": to_key,
        "to_label": to_label,
        "deals": None if suppressed else deals,
        "suppressed": suppressed,
    }


def vendor_deals(*, vendor: Vendor):
    """The deals one actor is a side of, newest first, with the other side."""
    return (
        Deal.objects.filter(Q(seller=vendor) | Q(buyer_vendor=vendor))
        .exclude(status=DealStatus.VOID)
        .select_related("seller", "buyer_vendor", "sector", "seller_province", "buyer_province")
        .order_by("-date", "-pk")
    )


def vendor_deals_to_answer(*, vendor: Vendor):
    return (
        vendor_deals(vendor=vendor)
        .filter(source=DealSource.DECLARED, status=DealStatus.PENDING)
        .exclude(declared_by=vendor)
    )


@dataclass(frozen=True)
class ActorLinkages:
    deals: int
    partners: int
    provinces: int


def vendor_linkages(*, vendor: Vendor) -> ActorLinkages:
    """ "34 deals with 12 actors from 5 provinces": the deals of one actor that count."""
    rows = Deal.objects.filter(Q(seller=vendor) | Q(buyer_vendor=vendor), counts=True).values_list(
        "seller_id", "buyer_vendor_id", "buyer_nit", "seller_province_id", "buyer_province_id"
    )
    partners, provinces, deals = set(), set(), 0
    for seller_id, buyer_id, nit, seller_province, buyer_province in rows:
        deals += 1
        if seller_id == vendor.pk:
            partners.add(("store", buyer_id) if buyer_id else ("nit", nit))
            provinces.add(buyer_province)
        else:
            partners.add(("store", seller_id))
            provinces.add(seller_province)
    return ActorLinkages(deals=deals, partners=len(partners), provinces=len(provinces))


ACTOR_CACHE_SECONDS = 3600


def _actor_cache_key(vendor_id: int) -> str:
    return f"linkages.actor.{vendor_id}"


def actor_linkages_forget(*vendor_ids: int | None) -> None:
    """A deal of these actors changed: their figures are counted again when next read."""
    cache.delete_many([_actor_cache_key(vendor_id) for vendor_id in vendor_ids if vendor_id])


def vendor_linkages_cached(*, vendor: Vendor) -> ActorLinkages:
    """vendor_linkages, kept an hour or until a deal of the actor changes: the store page
    shows it at no query once it was read."""
    key = _actor_cache_key(vendor.pk)
    linkages = cache.get(key)
    if linkages is None:
        linkages = vendor_linkages(vendor=vendor)
        cache.set(key, linkages, ACTOR_CACHE_SECONDS)
    return linkages


@dataclass(frozen=True)
class EventPage:
    event: object
    deals: int
    exhibitors: list


def events_listed(*, today: date) -> tuple[list, list]:
    """(coming and running, past) events, with their municipality."""
    events = list(Event.objects.select_related("municipality__province").order_by("starts_on"))
    coming = [event for event in events if event.ends_on >= today]
    past = sorted((event for event in events if event.ends_on < today), key=lambda e: e.starts_on)
    return coming, list(reversed(past))


def event_page(*, slug: str) -> EventPage | None:
    """An event, how many confirmed deals were closed there, and its exhibitors."""
    event = Event.objects.select_related("municipality__province").filter(slug=slug).first()
    if event is None:
        return None
    return EventPage(
        event=event,
        deals=event.deals.filter(counts=True).count(),
        exhibitors=list(
            event.exhibitors.select_related("municipality__province").order_by("trade_name")
        ),
    )


def actors_linkages(*, vendor_ids: set[int]) -> ActorLinkages:
    """The combined figures of a group of actors: their deals that count (a deal between
    two of them once), the actors outside the group they traded with, and the provinces
    of all of them."""
    rows = Deal.objects.filter(
        Q(seller_id__in=vendor_ids) | Q(buyer_vendor_id__in=vendor_ids), counts=True
    ).values_list(
        "seller_id", "buyer_vendor_id", "buyer_nit", "seller_province_id", "buyer_province_id"
    )
    partners, provinces, deals = set(), set(), 0
    for seller_id, buyer_id, nit, seller_province, buyer_province in rows:
        deals += 1
        provinces.update((seller_province, buyer_province))
        for side in (("store", seller_id), ("store", buyer_id) if buyer_id else ("nit", nit)):
            if side[0] == "nit" or side[1] not in vendor_ids:
                partners.add(side)
    return ActorLinkages(deals=deals, partners=len(partners), provinces=len(provinces))


@dataclass(frozen=True)
class InitiativePage:
    initiative: object
    members: list
    linkages: ActorLinkages


def initiatives_public():
    return Initiative.objects.filter(status=InitiativeStatus.APPROVED).select_related(
        "coordinator", "province"
    )


def initiative_page(*, initiative) -> InitiativePage:
    members = [
        member.vendor
        for member in initiative.members.filter(confirmed_at__isnull=False)
        .select_related("vendor__province")
        .order_by("vendor__trade_name")
    ]
    return InitiativePage(
        initiative=initiative,
        members=members,
        linkages=actors_linkages(vendor_ids={member.pk for member in members}),
    )


def vendor_initiatives(*, vendor: Vendor) -> tuple[list, list]:
    """(the initiatives it coordinates, those inviting it and waiting for its answer)."""
    coordinated = list(Initiative.objects.filter(coordinator=vendor).select_related("province"))
    invited = list(
        Initiative.objects.filter(
            members__vendor=vendor, members__confirmed_at__isnull=True
        ).select_related("coordinator")
    )
    return coordinated, invited
