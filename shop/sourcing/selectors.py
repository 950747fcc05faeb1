"""Reads of requests and offers: the board, who may see a request, what a store is asked
for, and the offers a requester compares."""

import statistics
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from oscar.core.loading import get_model

from logistics.delivery import HomeDeliveryAsk, home_delivery_charges
from logistics.models import DeliveryZone
from shop.core.roles import is_operator
from shop.sourcing.models import (
    OfferStatus,
    RequestStatus,
    SourcingNotice,
    SourcingOffer,
    SourcingRequest,
    Visibility,
)
from shop.sourcing.search import requests_matching_text
from vendors.models import Vendor, VendorStatus

StockRecord = get_model("partner", "StockRecord")


@dataclass(frozen=True)
class BoardFilters:
    query: str = ""
    sector: int | None = None
    category: int | None = None
    province: int | None = None
    actor_type: str = ""


def _with_offer_counts(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        offer_count=Count(
            "offers",
            filter=Q(offers__status__in=(OfferStatus.SENT, OfferStatus.ACCEPTED)),
            distinct=True,
        )
    )


def board_requests(*, filters: BoardFilters) -> QuerySet:
    """Open public requests, newest first, narrowed by `filters`."""
    requests = SourcingRequest.objects.filter(
        status=RequestStatus.OPEN, visibility=Visibility.PUBLIC
    )
    if filters.sector:
        requests = requests.filter(sector_id=filters.sector)
    if filters.category:
        requests = requests.filter(category_id=filters.category)
    if filters.province:
        requests = requests.filter(municipality__province_id=filters.province)
    if filters.actor_type:
        requests = requests.filter(buyer_vendor__actor_type=filters.actor_type)
    if filters.query:
        requests = requests_matching_text(requests, filters.query)
    return _with_offer_counts(
        requests.select_related(
            "sector", "category", "municipality__province", "buyer_vendor"
        ).order_by("-created_at", "-pk")
    )


def request_for_viewer(*, request_id: int, user) -> SourcingRequest | None:
    """The request if `user` may see it: public ones for everyone; invited-only ones for
    the requester, members of the invited stores and operators."""
    found = (
        _with_offer_counts(SourcingRequest.objects.filter(pk=request_id))
        .select_related("sector", "category", "municipality__province", "buyer_vendor")
        .first()
    )
    if found is None or found.visibility == Visibility.PUBLIC:
        return found
    if not getattr(user, "is_authenticated", False):
        return None
    if found.requester_id == user.pk or is_operator(user):
        return found
    if found.invited_vendors.filter(memberships__user=user).exists():
        return found
    return None


def vendor_may_offer(*, request: SourcingRequest, vendor: Vendor) -> bool:
    if request.visibility == Visibility.PUBLIC:
        return True
    return request.invited_vendors.filter(pk=vendor.pk).exists()


def matching_vendor_ids(*, request: SourcingRequest) -> list[int]:
    """The approved stores to tell of `request`: the invited ones for an invited-only
    request; otherwise those in its sector or selling in its category or, when it names
    neither, those delivering to its municipality, and those following its sector or its
    province. Never the store it buys for."""
    vendors = Vendor.objects.filter(status=VendorStatus.APPROVED)
    if request.visibility == Visibility.INVITED:
        vendors = vendors.filter(pk__in=request.invited_vendors.values("pk"))
    elif request.sector_id or request.category_id:
        match = Q()
        if request.sector_id:
            match |= Q(sectors=request.sector_id)
        if request.category_id:
            match |= Q(
                Exists(
                    StockRecord.objects.filter(
                        partner_id=OuterRef("partner_id"),
                        product__categories=request.category_id,
                        product__is_public=True,
                    )
                )
            )
        vendors = vendors.filter(match)
    else:
        vendors = vendors.filter(
            Exists(
                DeliveryZone.objects.filter(vendor_id=OuterRef("pk"), is_active=True).filter(
                    Q(municipalities=request.municipality_id)
                    | Q(provinces=request.municipality.province_id)
                )
            )
        )
    if request.visibility == Visibility.PUBLIC:
        following = Q(sourcing_following__provinces=request.municipality.province_id)
        if request.sector_id:
            following |= Q(sourcing_following__sectors=request.sector_id)
        vendors = vendors | Vendor.objects.filter(following, status=VendorStatus.APPROVED)
    if request.buyer_vendor_id:
        vendors = vendors.exclude(pk=request.buyer_vendor_id)
    return sorted(set(vendors.values_list("pk", flat=True)))


def vendor_open_requests(*, vendor: Vendor) -> QuerySet:
    """Open requests a store can answer: those it was told of or invited to, and those
    it has already offered on; newest first, each with the store's own offer."""
    mine = SourcingOffer.objects.filter(request_id=OuterRef("pk"), vendor=vendor)
    requests = SourcingRequest.objects.filter(status=RequestStatus.OPEN).filter(
        Q(notices__vendor=vendor) | Q(invited_vendors=vendor) | Q(Exists(mine))
    )
    if vendor.pk:
        requests = requests.exclude(buyer_vendor=vendor)
    return (
        _with_offer_counts(requests)
        .select_related("sector", "category", "municipality__province")
        .order_by("-created_at", "-pk")
        .distinct()
    )


def vendor_offers(*, vendor: Vendor) -> QuerySet:
    """The store's own offers, newest first: never another store's."""
    return (
        SourcingOffer.objects.filter(vendor=vendor)
        .select_related("request__municipality__province", "order")
        .order_by("-updated_at", "-pk")
    )


@dataclass(frozen=True)
class Responsiveness:
    """How a store answers the requests it is told of: how many, how many it offered on,
    and the median time from the notice to its offer."""

    asked: int
    answered: int
    median_hours: int | None = None

    @property
    def share(self) -> int | None:
        return round(100 * self.answered / self.asked) if self.asked else None

    @property
    def median_days(self) -> int | None:
        return None if self.median_hours is None else round(self.median_hours / 24)


def stores_responsiveness(*, vendor_ids) -> dict[int, Responsiveness]:
    """{vendor id: Responsiveness} in one query, however many stores: each notice with
    the time of the store's offer on that request, if it made one."""
    vendor_ids = set(vendor_ids)
    offered_at = SourcingOffer.objects.filter(
        request_id=OuterRef("request_id"), vendor_id=OuterRef("vendor_id")
    ).values("created_at")[:1]
    waits: dict[int, list[float]] = {vendor_id: [] for vendor_id in vendor_ids}
    asked: dict[int, int] = dict.fromkeys(vendor_ids, 0)
    for vendor_id, sent_at, offered in (
        SourcingNotice.objects.filter(vendor_id__in=vendor_ids)
        .annotate(offered_at=Subquery(offered_at))
        .values_list("vendor_id", "sent_at", "offered_at")
    ):
        asked[vendor_id] += 1
        if offered is not None:
            waits[vendor_id].append(max((offered - sent_at).total_seconds(), 0) / 3600)
    return {
        vendor_id: Responsiveness(
            asked=asked[vendor_id],
            answered=len(waits[vendor_id]),
            median_hours=round(statistics.median(waits[vendor_id])) if waits[vendor_id] else None,
        )
        for vendor_id in vendor_ids
    }


def offers_to_compare(*, request: SourcingRequest) -> list[SourcingOffer]:
    """The offers the requester weighs, cheapest first, with each store's place, type
    and responsiveness, and what delivery to the request's municipality costs: the
    offer's own price, or else what the store's zones charge for home delivery there
    (`home_delivery` None: no zone takes it there, pickup only). Withdrawn ones are
    left out. A constant number of queries however many offers."""
    offers = list(
        request.offers.exclude(status=OfferStatus.WITHDRAWN)
        .select_related("vendor__municipality__province", "stockrecord__product")
        .order_by("price", "pk")
    )
    responsiveness = stores_responsiveness(vendor_ids={offer.vendor_id for offer in offers})
    for offer in offers:
        offer.comparable_quantity = min(offer.quantity, request.quantity)
    zone_charges = home_delivery_charges(
        municipality=request.municipality,
        asks=[
            HomeDeliveryAsk(
                vendor_id=offer.vendor_id,
                subtotal=offer.price * offer.comparable_quantity,
                product_id=offer.stockrecord.product_id if offer.stockrecord_id else None,
                quantity=offer.comparable_quantity,
            )
            for offer in offers
            if offer.delivery_price is None
        ],
    )
    for offer in offers:
        offer.responsiveness = responsiveness[offer.vendor_id]
        offer.home_delivery = (
            offer.delivery_price
            if offer.delivery_price is not None
            else zone_charges.get(offer.vendor_id)
        )
        offer.total = offer.price * offer.comparable_quantity + (offer.home_delivery or 0)
    return offers


def offer_home_delivery(*, offer: SourcingOffer, quantity: int) -> Decimal | None:
    """What home delivery of `quantity` units of the offer to the request's municipality
    costs: the offer's own price, or the store's zones'; None if neither takes it there."""
    if offer.delivery_price is not None:
        return offer.delivery_price
    product_id = (
        StockRecord.objects.filter(pk=offer.stockrecord_id)
        .values_list("product_id", flat=True)
        .first()
    )
    return home_delivery_charges(
        municipality=offer.request.municipality,
        asks=[
            HomeDeliveryAsk(
                vendor_id=offer.vendor_id,
                subtotal=offer.price * quantity,
                product_id=product_id,
                quantity=quantity,
            )
        ],
    ).get(offer.vendor_id)


def requests_without_offers(*, older_than_days: int) -> QuerySet:
    """Open requests posted more than `older_than_days` days ago that no store has
    answered (withdrawn offers do not count), oldest first: what the operators follow up."""
    answered = SourcingOffer.objects.filter(
        request_id=OuterRef("pk"), status__in=(OfferStatus.SENT, OfferStatus.ACCEPTED)
    )
    return (
        SourcingRequest.objects.filter(
            status=RequestStatus.OPEN,
            created_at__lt=timezone.now() - timedelta(days=older_than_days),
        )
        .exclude(Exists(answered))
        .annotate(told=Count("notices", distinct=True))
        .select_related("municipality__province", "sector", "requester", "buyer_vendor")
        .order_by("created_at", "pk")
    )
