"""Deals: written from what happens to a store's part of a purchase (its one transition
function and its refunds, see receivers), and declared by one actor and confirmed by the
other. After any change the public figures are rebuilt, after commit (tasks).

Counting never counts one trade twice: a part has at most one deal, which stops counting
when the part is cancelled, rejected, returned or refunded in full; a declared deal
between the same two actors that the platform deal follows is merged into it.

Locks: a part's deal is written with the part locked (VendorOrder, in the one lock order
of vendors/orders/locks.py), then the declared deals it merges; confirming or rejecting
a declared deal locks only that deal."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from payments.models import Payment
from shop.linkages.actors import purchase_buyer_actor
from shop.linkages.error_codes import LinkageErrorCode
from shop.linkages.exceptions import LinkageRefused
from shop.linkages.models import (
    AmountBand,
    Deal,
    DealSource,
    DealStatus,
    Event,
    Initiative,
    InitiativeMember,
    InitiativeStatus,
    amount_band,
)
from shop.linkages.notifications import deal_declared_notify, initiative_invited_notify
from shop.linkages.selectors import actor_linkages_forget
from shop.linkages.tasks import linkage_figures_refresh_task
from vendors.models import Vendor, VendorOrder, VendorStatus
from vendors.models import VendorOrderStatus as S
from vendors.orders.locks import vendor_order_lock
from vendors.orders.money import money_taken, vendor_part_refundable, vendor_part_total

# Paid online and on its way: the trade is made, though not delivered yet.
ON_ITS_WAY = {S.PLACED, S.ACCEPTED, S.READY, S.SHIPPED}
# A declared deal the platform deal follows within this time is the same trade.
MERGE_WINDOW = timedelta(days=90)
# How far back a deal may be declared.
DECLARE_WINDOW = timedelta(days=366)


def figures_refresh_on_commit(deal: Deal) -> None:
    """The published figures, and the two actors' own, are counted again after commit."""
    actor_linkages_forget(deal.seller_id, deal.buyer_vendor_id)
    transaction.on_commit(lambda: actor_linkages_forget(deal.seller_id, deal.buyer_vendor_id))
    linkage_figures_refresh_task.delay_on_commit()


def _part_left(vendor_order: VendorOrder) -> Decimal:
    """What the buyer still pays for the part, after refunds."""
    if Payment.objects.filter(order_id=vendor_order.order_id).exists():
        return vendor_part_refundable(vendor_order=vendor_order)
    return vendor_part_total(vendor_order)


def _part_counts(vendor_order: VendorOrder) -> tuple[bool, Decimal]:
    made = vendor_order.status == S.DELIVERED or (
        vendor_order.status in ON_ITS_WAY and money_taken(order_id=vendor_order.order_id)
    )
    if not made:
        return False, Decimal("0")
    left = _part_left(vendor_order)
    return left > 0, left


@transaction.atomic
def vendor_order_deal_sync(*, vendor_order_id: int) -> Deal | None:
    """Bring the deal of one store's part of a purchase in line with the part: created
    when the part is delivered or paid and its buyer is an actor, undone when the part
    is cancelled, returned or refunded in full, its amount what is left after refunds.
    Safe to call again: a part has one deal."""
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
    counts, left = _part_counts(vendor_order)
    deal = Deal.objects.filter(vendor_order_id=vendor_order.pk).first()
    if deal is None:
        if not counts:
            return None
        deal = _platform_deal_create(vendor_order=vendor_order, amount=left)
        if deal is None:
            return None
    else:
        status = DealStatus.CONFIRMED if counts else DealStatus.VOID
        amount = left if counts else deal.amount
        if (deal.status, deal.counts, deal.amount) == (status, counts, amount):
            return deal
        deal.status, deal.counts, deal.amount = status, counts, amount
        deal.amount_band = amount_band(amount)
        deal.save(update_fields=["status", "counts", "amount", "amount_band"])
    figures_refresh_on_commit(deal)
    return deal


def _platform_deal_create(*, vendor_order: VendorOrder, amount: Decimal) -> Deal | None:
    buyer = purchase_buyer_actor(order=vendor_order.order)
    seller = vendor_order.vendor
    if buyer is None or (buyer.vendor is not None and buyer.vendor.pk == seller.pk):
        return None
    deal = Deal.objects.create(
        source=buyer.source,
        status=DealStatus.CONFIRMED,
        counts=True,
        seller=seller,
        buyer_vendor=buyer.vendor,
        buyer_nit="" if buyer.vendor else buyer.nit,
        seller_actor_type=seller.actor_type,
        buyer_actor_type=buyer.actor_type,
        seller_province_id=seller.province_id,
        buyer_province_id=buyer.province_id,
        sector_id=buyer.sector_id or _first_sector_id(seller),
        amount=amount,
        amount_band=amount_band(amount),
        currency=vendor_order.order.currency,
        date=timezone.localdate(vendor_order.created_at),
        vendor_order=vendor_order,
    )
    if buyer.vendor is not None:
        _declarations_merge(deal=deal)
    return deal


def _first_sector_id(vendor: Vendor) -> int | None:
    return vendor.sectors.order_by("name").values_list("pk", flat=True).first()


def _declarations_merge(*, deal: Deal) -> None:
    """A deal declared between the same seller and buyer before this platform deal is
    the same trade, now placed here: it stops counting (the earliest one, once)."""
    declared = (
        Deal.objects.select_for_update()
        .filter(
            source=DealSource.DECLARED,
            status__in=(DealStatus.PENDING, DealStatus.CONFIRMED),
            seller_id=deal.seller_id,
            buyer_vendor_id=deal.buyer_vendor_id,
            date__gte=deal.date - MERGE_WINDOW,
            date__lte=deal.date,
        )
        .order_by("date", "pk")
        .first()
    )
    if declared is not None:
        declared.status, declared.counts, declared.merged_into = DealStatus.MERGED, False, deal
        declared.save(update_fields=["status", "counts", "merged_into"])


@transaction.atomic
def deal_declare(
    *,
    vendor: Vendor,
    user,
    counterpart: Vendor,
    we_sold: bool,
    band: str,
    deal_date: date,
    sector=None,
    channel: str,
    note: str = "",
    event: Event | None = None,
) -> Deal:
    """One actor declares a deal closed elsewhere with another; it counts once the other
    side confirms it. Raises LinkageRefused."""
    if counterpart.pk == vendor.pk:
        raise LinkageRefused(
            _("A deal is between two actors: choose the other one."),
            code=LinkageErrorCode.OWN_STORE,
        )
    if counterpart.status != VendorStatus.APPROVED:
        raise LinkageRefused(
            _("%(actor)s is not an active actor on Encadena.") % {"actor": counterpart},
            code=LinkageErrorCode.COUNTERPART,
        )
    today = timezone.localdate()
    if deal_date > today or deal_date < today - DECLARE_WINDOW:
        raise LinkageRefused(
            _("Give the date the deal was closed, within the last year."),
            code=LinkageErrorCode.DATE,
        )
    if event is not None and not event.starts_on <= deal_date <= event.ends_on:
        raise LinkageRefused(
            _("A deal closed at %(event)s is dated between its first and last day.")
            % {"event": event.name},
            code=LinkageErrorCode.DATE,
        )
    if band not in AmountBand.values:
        raise LinkageRefused(_("Choose the deal's amount."), code=LinkageErrorCode.BAND)
    seller, buyer = (vendor, counterpart) if we_sold else (counterpart, vendor)
    deal = Deal.objects.create(
        source=DealSource.DECLARED,
        channel=channel,
        status=DealStatus.PENDING,
        counts=False,
        seller=seller,
        buyer_vendor=buyer,
        seller_actor_type=seller.actor_type,
        buyer_actor_type=buyer.actor_type,
        seller_province_id=seller.province_id,
        buyer_province_id=buyer.province_id,
        sector=sector,
        amount_band=band,
        date=deal_date,
        declared_by=vendor,
        declared_by_user=user,
        note=note.strip(),
        event=event,
    )
    deal_declared_notify(deal=deal)
    return deal


def _declared_deal_to_answer(*, deal_id: int, vendor: Vendor) -> Deal:
    deal = Deal.objects.select_for_update(of=("self",)).filter(pk=deal_id).first()
    if (
        deal is None
        or deal.source != DealSource.DECLARED
        or deal.declared_by_id == vendor.pk
        or vendor.pk not in (deal.seller_id, deal.buyer_vendor_id)
    ):
        raise LinkageRefused(
            _("This deal is not waiting for your answer."), code=LinkageErrorCode.NOT_YOURS
        )
    if deal.status != DealStatus.PENDING:
        raise LinkageRefused(
            _("This deal was already answered: it is %(status)s.")
            % {"status": deal.get_status_display().lower()},
            code=LinkageErrorCode.NOT_PENDING,
        )
    return deal


@transaction.atomic
def deal_confirm(*, deal_id: int, vendor: Vendor, user) -> Deal:
    """The other side recognises a declared deal: from now on it counts."""
    deal = _declared_deal_to_answer(deal_id=deal_id, vendor=vendor)
    deal.status, deal.counts = DealStatus.CONFIRMED, True
    deal.answered_by_user, deal.answered_at = user, timezone.now()
    deal.save(update_fields=["status", "counts", "answered_by_user", "answered_at"])
    figures_refresh_on_commit(deal)
    return deal


@transaction.atomic
def deal_reject(*, deal_id: int, vendor: Vendor, user) -> Deal:
    """The other side does not recognise a declared deal: it never counts."""
    deal = _declared_deal_to_answer(deal_id=deal_id, vendor=vendor)
    deal.status = DealStatus.REJECTED
    deal.answered_by_user, deal.answered_at = user, timezone.now()
    deal.save(update_fields=["status", "answered_by_user", "answered_at"])
    return deal


@transaction.atomic
def event_exhibitor_join(*, event: Event, vendor: Vendor) -> bool:
    """An approved actor signs up as an exhibitor of an event not over yet. Returns False
    when it already was one. Raises LinkageRefused."""
    if vendor.status != VendorStatus.APPROVED:
        raise LinkageRefused(
            _("Only an approved actor can exhibit."), code=LinkageErrorCode.COUNTERPART
        )
    if event.ends_on < timezone.localdate():
        raise LinkageRefused(_("This event is over."), code=LinkageErrorCode.DATE)
    if event.exhibitors.filter(pk=vendor.pk).exists():
        return False
    event.exhibitors.add(vendor)
    return True


@transaction.atomic
def initiative_register(
    *, coordinator: Vendor, user, kind: str, name: str, description: str, province
) -> Initiative:
    """A coordinating actor registers an initiative; operators approve it before it is
    public. The coordinator is its first member."""
    if coordinator.status != VendorStatus.APPROVED:
        raise LinkageRefused(
            _("Only an approved actor can coordinate."), code=LinkageErrorCode.COUNTERPART
        )
    base = slugify(name)[:70] or "iniciativa"
    slug, number = base, 1
    while Initiative.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    initiative = Initiative.objects.create(
        kind=kind,
        name=name.strip(),
        slug=slug,
        coordinator=coordinator,
        description=description.strip(),
        province=province,
        registered_by=user,
    )
    InitiativeMember.objects.create(
        initiative=initiative, vendor=coordinator, confirmed_at=timezone.now()
    )
    return initiative


def initiative_approve(*, initiative_id: int, approve: bool = True) -> Initiative:
    initiative = Initiative.objects.get(pk=initiative_id)
    initiative.status = InitiativeStatus.APPROVED if approve else InitiativeStatus.REJECTED
    initiative.save(update_fields=["status"])
    return initiative


@transaction.atomic
def initiative_member_invite(
    *, initiative: Initiative, coordinator: Vendor, member: Vendor
) -> bool:
    """The coordinator invites an actor (its owners are told by e-mail); it is a member
    once it confirms."""
    if initiative.coordinator_id != coordinator.pk:
        raise LinkageRefused(
            _("Only the initiative's coordinator invites members."),
            code=LinkageErrorCode.NOT_YOURS,
        )
    _member, created = InitiativeMember.objects.get_or_create(initiative=initiative, vendor=member)
    if created:
        initiative_invited_notify(initiative=initiative, member=member)
    return created


@transaction.atomic
def initiative_member_confirm(*, initiative: Initiative, vendor: Vendor) -> None:
    updated = InitiativeMember.objects.filter(
        initiative=initiative, vendor=vendor, confirmed_at__isnull=True
    ).update(confirmed_at=timezone.now())
    if not updated:
        raise LinkageRefused(
            _("This initiative is not waiting for your confirmation."),
            code=LinkageErrorCode.NOT_PENDING,
        )
