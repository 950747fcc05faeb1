"""Stock levels change only here: every change is a StockMovement, made under a row lock.

Orders hold stock in three steps: `stock_allocate` promises units (inside the
order's transaction), then `stock_release` gives them back (cancellation) or
`stock_consume` takes them out of stock (delivery). The database refuses a
record that promises more than it holds (vendors/migrations/0006).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.apps.catalogue.versions import catalogue_version_bump
from shop.apps.search.updates import search_index_update_on_commit
from vendors.error_codes import VendorErrorCode
from vendors.exceptions import OutOfStock
from vendors.models import StockMovement, StockMovementReason, Vendor

StockRecord = get_model("partner", "StockRecord")


def stock_adjust(
    *,
    stockrecord_id: int,
    vendor: Vendor,
    delta: int,
    reason: str,
    actor,
    note: str = "",
    order_number: str = "",
) -> StockMovement | None:
    """Change a stock record's level by `delta` and record who and why."""
    return _stock_move(
        stockrecord_id=stockrecord_id,
        vendor=vendor,
        reason=reason,
        actor=actor,
        note=note,
        order_number=order_number,
        delta_for=lambda level: delta,
    )


def stock_set(
    *, stockrecord_id: int, vendor: Vendor, level: int, reason: str, actor, note: str = ""
) -> StockMovement | None:
    """Bring the level to `level`: one movement for the difference, none if already there."""
    return _stock_move(
        stockrecord_id=stockrecord_id,
        vendor=vendor,
        reason=reason,
        actor=actor,
        note=note,
        delta_for=lambda current: level - current,
    )


@transaction.atomic
def _stock_move(*, stockrecord_id, vendor, reason, actor, note, delta_for, order_number=""):
    """Refuses a level below zero or below what orders already hold, and a manual
    adjustment without a note, each with its field and its code (the API answers with
    it). The delta is computed from the locked row."""
    stockrecord = StockRecord.objects.select_for_update().get(
        pk=stockrecord_id, partner_id=vendor.partner_id
    )
    current = stockrecord.num_in_stock or 0
    delta = delta_for(current)
    if delta == 0:
        return None
    note = note.strip()
    if reason == StockMovementReason.ADJUSTMENT and not note:
        raise ValidationError(
            {
                "note": ValidationError(
                    _("Say why the stock changes."), code=VendorErrorCode.NOTE_REQUIRED
                )
            }
        )
    level = current + delta
    if level < 0:
        raise ValidationError(
            {
                "level": ValidationError(
                    _("Stock cannot be negative."), code=VendorErrorCode.NEGATIVE_STOCK
                )
            }
        )
    if level < (stockrecord.num_allocated or 0):
        raise ValidationError(
            {
                "level": ValidationError(
                    _(
                        "%(allocated)s units are already promised to orders: the stock cannot "
                        "go below that."
                    )
                    % {"allocated": stockrecord.num_allocated},
                    code=VendorErrorCode.BELOW_ALLOCATED,
                )
            }
        )
    stockrecord.num_in_stock = level
    stockrecord.save(update_fields=["num_in_stock", "date_updated"])
    return StockMovement.objects.create(
        stockrecord=stockrecord,
        vendor=vendor,
        actor=actor,
        reason=reason,
        note=note[:255],
        delta=delta,
        level_after=level,
        order_number=order_number,
        allocated_after=stockrecord.num_allocated or 0,
    )


@dataclass(frozen=True)
class StockRequest:
    stockrecord_id: int
    quantity: int
    # The vendor order the units are for, when one call serves several (a whole purchase).
    order_number: str = ""


_ALLOCATED = Coalesce(F("num_allocated"), Value(0))


def _merged(requests) -> list[tuple[int, int]]:
    """One entry per stock record, in id order: the order every caller locks rows in,
    so two purchases of the same products never wait on each other in a cycle."""
    totals: dict[int, int] = defaultdict(int)
    for request in requests:
        if request.quantity <= 0:
            raise ValueError("quantities must be positive")
        totals[request.stockrecord_id] += request.quantity
    return sorted(totals.items())


def _locked_tracked(requests):
    """Lock the requested stock records in id order and yield (record, quantity,
    units already promised) for those that track stock."""
    merged = _merged(requests)
    ids = [stockrecord_id for stockrecord_id, _quantity in merged]
    # of=("self",): lock the stock rows only; the joined product and vendor are read-only here.
    records = (
        StockRecord.objects.select_for_update(of=("self",))
        .select_related("product", "partner__vendor")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    by_id = {record.pk: record for record in records}
    for stockrecord_id, quantity in merged:
        record = by_id[stockrecord_id]
        if record.num_in_stock is not None:
            yield record, quantity, record.num_allocated or 0


@transaction.atomic
def stock_allocate(*, requests, order_number: str = "", actor=None) -> list[StockMovement]:
    """Promise units to an order, all or nothing. Raises OutOfStock naming the first
    record that cannot give what is asked. Records that do not track stock are skipped.
    A purchase from several vendors allocates in one call, so its rows are locked in one
    id order; each request then names its own vendor order."""
    numbers = {
        request.stockrecord_id: request.order_number for request in requests if request.order_number
    }
    movements = []
    sold_out = []
    for record, quantity, allocated in _locked_tracked(requests):
        # Guarded: even without the lock, zero rows means the units are gone.
        updated = StockRecord.objects.filter(
            pk=record.pk, num_in_stock__gte=_ALLOCATED + quantity
        ).update(num_allocated=_ALLOCATED + quantity)
        if not updated:
            raise OutOfStock(
                stockrecord_id=record.pk,
                title=record.product.get_title(),
                requested=quantity,
                available=record.num_in_stock - allocated,
            )
        movements.append(
            StockMovement(
                stockrecord=record,
                vendor=record.partner.vendor,
                actor=actor,
                reason=StockMovementReason.ALLOCATION,
                delta=0,
                level_after=record.num_in_stock,
                allocated_delta=quantity,
                allocated_after=allocated + quantity,
                order_number=numbers.get(record.pk, order_number),
            )
        )
        if record.num_in_stock - allocated - quantity <= 0:
            sold_out.append(record.product_id)
    # Updates send no signal: what the product lists show of these records has changed,
    # and the search index's in-stock flag of those whose last units were just promised.
    catalogue_version_bump()
    _availability_changed(sold_out)
    return StockMovement.objects.bulk_create(movements)


@transaction.atomic
def stock_release(*, requests, order_number: str, actor=None) -> list[StockMovement]:
    """Give promised units back (a cancelled order or line)."""
    return _settle(requests, order_number, actor, consume=False)


@transaction.atomic
def stock_consume(*, requests, order_number: str, actor=None) -> list[StockMovement]:
    """Promised units leave the stock (delivered)."""
    return _settle(requests, order_number, actor, consume=True)


def _settle(requests, order_number, actor, *, consume: bool) -> list[StockMovement]:
    movements = []
    available_again = []
    for record, quantity, allocated in _locked_tracked(requests):
        if allocated < quantity:
            raise ValidationError(
                _("Order %(order)s holds fewer units of %(title)s than it returns.")
                % {"order": order_number, "title": record.product.get_title()},
                code=VendorErrorCode.OVER_RELEASE,
            )
        changes = {"num_allocated": _ALLOCATED - quantity}
        if consume:
            changes["num_in_stock"] = F("num_in_stock") - quantity
        StockRecord.objects.filter(pk=record.pk).update(**changes)
        level = record.num_in_stock - (quantity if consume else 0)
        movements.append(
            StockMovement(
                stockrecord=record,
                vendor=record.partner.vendor,
                actor=actor,
                reason=StockMovementReason.CONSUMPTION if consume else StockMovementReason.RELEASE,
                delta=-quantity if consume else 0,
                level_after=level,
                allocated_delta=-quantity,
                allocated_after=allocated - quantity,
                order_number=order_number,
            )
        )
        # Consuming takes the units from stock and promise alike: only a release can
        # make a sold-out product available again.
        available = record.num_in_stock - allocated
        if not consume and available <= 0 < available + quantity:
            available_again.append(record.product_id)
    catalogue_version_bump()
    _availability_changed(available_again)
    return StockMovement.objects.bulk_create(movements)


def _availability_changed(product_ids: list[int]) -> None:
    """Products that just sold out or came back: their search documents say whether they
    are in stock. Promises that leave units over change nothing the index shows."""
    if product_ids:
        search_index_update_on_commit(product_ids=product_ids)
