"""Reads for vendors: the public directory with its facets, and store pages."""

from dataclasses import dataclass, replace

from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, CharField, Count, Exists, OuterRef, Q, QuerySet, Value
from oscar.core.loading import get_model

from logistics.models import Municipality, Province
from shop.apps.catalogue.versions import LISTINGS, catalogue_cached
from shop.apps.search.engine import FacetValue, query_suggestion, vendor_search_ids
from vendors.models import (
    ActorType,
    MembershipRole,
    Sector,
    Vendor,
    VendorMembership,
    VendorStatus,
)

Category = get_model("catalogue", "Category")


@dataclass(frozen=True)
class DirectoryFilters:
    query: str = ""
    actor_type: str = ""
    province: Province | None = None
    municipality: Municipality | None = None
    sector: Sector | None = None  # what the actors sell
    need: Sector | None = None  # what the actors need


def vendor_directory(*, filters: DirectoryFilters, exclude: str = "") -> QuerySet:
    """Approved vendors matching `filters` (all but the `exclude` dimension)."""
    vendors = Vendor.objects.filter(status=VendorStatus.APPROVED)
    if filters.actor_type and exclude != "actor_type":
        vendors = vendors.filter(actor_type=filters.actor_type)
    if filters.province and exclude != "province":
        vendors = vendors.filter(province=filters.province)
    if filters.municipality and exclude != "municipality":
        vendors = vendors.filter(municipality=filters.municipality)
    if filters.sector and exclude != "sector":
        vendors = vendors.filter(sectors=filters.sector)
    if filters.need and exclude != "need":
        vendors = vendors.filter(need_sectors=filters.need)
    if filters.query.strip():
        vendors = vendors.filter(pk__in=vendor_search_ids(query=filters.query))
    return vendors


@dataclass(frozen=True)
class DirectoryPage:
    filters: DirectoryFilters  # those shown: with the suggestion's query when it is used
    page: Page
    suggestion: str = ""


def vendor_directory_search(*, filters: DirectoryFilters, page_number, page_size: int):
    """One page of the directory. A query that finds nobody is tried again with its
    closest spelling ("Did you mean …?"), which is kept when it finds someone."""
    page = _directory_page(filters, page_number, page_size)
    if page.paginator.count or not filters.query.strip():
        return DirectoryPage(filters=filters, page=page)
    suggestion = query_suggestion(query=filters.query)
    if not suggestion:
        return DirectoryPage(filters=filters, page=page)
    suggested = replace(filters, query=suggestion)
    suggested_page = _directory_page(suggested, page_number, page_size)
    if not suggested_page.paginator.count:
        return DirectoryPage(filters=filters, page=page)
    return DirectoryPage(filters=suggested, page=suggested_page, suggestion=suggestion)


def _directory_page(filters: DirectoryFilters, page_number, page_size: int) -> Page:
    return Paginator(vendor_directory_page_queryset(filters=filters), page_size).get_page(
        page_number
    )


def vendor_directory_page_queryset(*, filters: DirectoryFilters) -> QuerySet:
    return (
        vendor_directory(filters=filters)
        .select_related("municipality__province")
        .prefetch_related("sectors", "need_sectors")
        .order_by("trade_name", "id")
    )


def vendor_directory_facets(*, filters: DirectoryFilters) -> dict[str, list[FacetValue]]:
    """Counts per value of each filter, over the vendors matching the other filters.
    Five queries whatever the number of vendors (municipalities only once a
    province is chosen, to keep the page small)."""
    actor_counts = dict(
        vendor_directory(filters=filters, exclude="actor_type")
        .values_list("actor_type")
        .annotate(n=Count("id"))
        .order_by()
    )
    province_counts = dict(
        vendor_directory(filters=filters, exclude="province")
        .values_list("province")
        .annotate(n=Count("id"))
        .order_by()
    )
    sector_counts = dict(
        vendor_directory(filters=filters, exclude="sector")
        .values_list("sectors")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    need_counts = dict(
        vendor_directory(filters=filters, exclude="need")
        .filter(need_sectors__isnull=False)
        .values_list("need_sectors")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    sectors = list(Sector.objects.all())
    facets = {
        "actor_type": [
            FacetValue(value, str(label), actor_counts[value], value == filters.actor_type)
            for value, label in ActorType.choices
            if actor_counts.get(value)
        ],
        "province": [
            FacetValue(
                province.slug,
                province.name,
                province_counts[province.pk],
                filters.province == province,
            )
            for province in Province.objects.all()
            if province_counts.get(province.pk)
        ],
        "sector": [
            FacetValue(sector.slug, sector.name, sector_counts[sector.pk], filters.sector == sector)
            for sector in sectors
            if sector_counts.get(sector.pk)
        ],
        "need": [
            FacetValue(sector.slug, sector.name, need_counts[sector.pk], filters.need == sector)
            for sector in sectors
            if need_counts.get(sector.pk)
        ],
        "municipality": [],
    }
    if filters.province:
        municipality_counts = dict(
            vendor_directory(filters=filters, exclude="municipality")
            .values_list("municipality")
            .annotate(n=Count("id"))
            .order_by()
        )
        facets["municipality"] = [
            FacetValue(m.slug, m.name, municipality_counts[m.pk], filters.municipality == m)
            for m in filters.province.municipalities.all()
            if municipality_counts.get(m.pk)
        ]
    return facets


@dataclass(frozen=True)
class ActorProfile:
    """What a store page says of an actor: what it sells and needs, and the courses its
    members completed."""

    sectors: list
    need_sectors: list
    offer_categories: list
    need_categories: list
    courses: list


def actor_profile(*, vendor: Vendor) -> ActorProfile:
    """The actor's sectors and categories, sold or offered and needed, and its completed
    courses, in one query (a union of the three tables' rows) instead of one per list."""
    from shop.classroom.models import Course, CourseCompletion

    def linked(through, **target):
        return Exists(through.objects.filter(vendor_id=vendor.pk, **target))

    def kind(name: str) -> Value:
        return Value(name, output_field=CharField())

    sectors = (
        Sector.objects.annotate(
            kind=kind("sector"),
            first=linked(Vendor.sectors.through, sector_id=OuterRef("pk")),
            second=linked(Vendor.need_sectors.through, sector_id=OuterRef("pk")),
        )
        .filter(Q(first=True) | Q(second=True))
        .order_by()  # SQLite takes no ORDER BY inside a UNION
        .values_list("kind", "name", "slug", "first", "second")
    )
    categories = (
        Category.objects.annotate(
            kind=kind("category"),
            first=linked(Vendor.offer_categories.through, category_id=OuterRef("pk")),
            second=linked(Vendor.need_categories.through, category_id=OuterRef("pk")),
        )
        .filter(Q(first=True) | Q(second=True))
        .order_by()
        .values_list("kind", "name", "slug", "first", "second")
    )
    completed = CourseCompletion.objects.filter(
        course=OuterRef("pk"), user__vendor_memberships__vendor_id=vendor.pk
    )
    courses = (
        Course.objects.filter(Exists(completed), is_published=True)
        .annotate(
            kind=kind("course"),
            first=Value(True, output_field=BooleanField()),
            second=Value(False, output_field=BooleanField()),
        )
        .order_by()
        .values_list("kind", "title", "slug", "first", "second")
    )
    rows = sorted(sectors.union(categories, courses, all=True), key=lambda row: row[:2])

    def made(model, column: int) -> list:
        """The rows of `model`'s kind whose first (0) or second (1) flag is set."""
        kind_name = {Sector: "sector", Category: "category", Course: "course"}[model]
        name_field = "title" if model is Course else "name"
        return [
            model(**{name_field: name, "slug": slug})
            for row_kind, name, slug, *flags in rows
            if row_kind == kind_name and flags[column]
        ]

    return ActorProfile(
        sectors=made(Sector, 0),
        need_sectors=made(Sector, 1),
        offer_categories=made(Category, 0),
        need_categories=made(Category, 1),
        courses=made(Course, 0),
    )


def vendor_for_store_page(*, slug: str, user) -> Vendor | None:
    """The vendor behind /tiendas/<slug>/: approved ones for everybody; any
    status for staff and for the vendor's own members (to preview it)."""
    vendor = Vendor.objects.select_related("municipality__province").filter(slug=slug).first()
    if vendor is None:
        return None
    if vendor.is_approved or user.is_staff:
        return vendor
    if user.is_authenticated and VendorMembership.objects.filter(vendor=vendor, user=user).exists():
        return vendor
    return None


def vendor_store_categories(*, vendor: Vendor) -> list:
    """Top-level categories in which the vendor has public products, kept until what the
    lists hold changes."""
    return catalogue_cached(
        "store-categories", str(vendor.pk), lambda: _store_categories(vendor), scope=LISTINGS
    )


def _store_categories(vendor: Vendor) -> list:
    paths = (
        Category.objects.filter(
            product__stockrecords__partner=vendor.partner_id, product__is_public=True
        )
        .values_list("path", flat=True)
        .distinct()
    )
    roots = {path[: Category.steplen] for path in paths}
    return list(Category.objects.filter(depth=1, path__in=roots).order_by("name"))


COMPLEMENTARY_SHOWN = 8


@dataclass(frozen=True)
class Complementary:
    """ "Quienes necesitan lo que usted produce", and those offering what it needs."""

    need_what_you_offer: list
    offer_what_you_need: list


def complementary_actors(*, vendor: Vendor, limit: int = COMPLEMENTARY_SHOWN) -> Complementary:
    """Approved actors whose needs meet what `vendor` offers (its sectors, the categories
    it offers or sells in), and those offering what it needs. Five queries at most,
    whatever the number of actors."""
    offered_sectors = list(vendor.sectors.values_list("pk", flat=True))
    offered_categories = set(vendor.offer_categories.values_list("pk", flat=True))
    if vendor.has_store:
        offered_categories.update(c.pk for c in vendor_store_categories(vendor=vendor))
    needed_sectors = list(vendor.need_sectors.values_list("pk", flat=True))
    needed_categories = list(vendor.need_categories.values_list("pk", flat=True))
    others = Vendor.objects.filter(status=VendorStatus.APPROVED).exclude(pk=vendor.pk)
    return Complementary(
        need_what_you_offer=_complementary_page(
            others.filter(
                Q(need_sectors__in=offered_sectors) | Q(need_categories__in=offered_categories)
            ),
            limit,
        ),
        offer_what_you_need=_complementary_page(
            others.filter(
                Q(sectors__in=needed_sectors) | Q(offer_categories__in=needed_categories)
            ),
            limit,
        ),
    )


def _complementary_page(vendors: QuerySet, limit: int) -> list:
    ids = vendors.values("pk").distinct()
    return list(
        Vendor.objects.filter(pk__in=ids)
        .select_related("municipality__province")
        .order_by("trade_name", "pk")[:limit]
    )


def vendor_list_for_user(*, user) -> QuerySet:
    return Vendor.objects.filter(memberships__user=user)


def vendor_mail_recipients(*, vendor: Vendor) -> list[str]:
    """Who at a store is told by e-mail (orders, changes, stock): the store's own address
    and its owners'."""
    owners = vendor.memberships.filter(role=MembershipRole.OWNER).values_list(
        "user__email", flat=True
    )
    return sorted({vendor.email, *owners} - {""})
