"""Stock levels change only here: every change is a StockMovement, made under a row lock."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from vendors.models import StockMovement, StockMovementReason, Vendor

StockRecord = get_model("partner", "StockRecord")


def stock_adjust(*, stockrecord_id: int, vendor: Vendor, delta: int, reason: str, actor,
                 note: str = "", order_number: str = "") -> StockMovement | None:
    """Change a stock record's level by `delta` and record who and why."""
    return _stock_move(stockrecord_id=stockrecord_id, vendor=vendor, reason=reason, actor=actor,
                       note=note, order_number=order_number, delta_for=lambda level: delta)


def stock_set(*, stockrecord_id: int, vendor: Vendor, level: int, reason: str, actor,
              note: str = "") -> StockMovement | None:
    """Bring the level to `level`: one movement for the difference, none if already there."""
    return _stock_move(stockrecord_id=stockrecord_id, vendor=vendor, reason=reason, actor=actor,
                       note=note, delta_for=lambda current: level - current)


@transaction.atomic
def _stock_move(*, stockrecord_id, vendor, reason, actor, note, delta_for, order_number=""):
    """Refuses a level below zero or below what orders already hold, and a manual
    adjustment without a note. The delta is computed from the locked row."""
    stockrecord = StockRecord.objects.select_for_update().get(
        pk=stockrecord_id, partner_id=vendor.partner_id
    )
    current = stockrecord.num_in_stock or 0
    delta = delta_for(current)
    if delta == 0:
        return None
    note = note.strip()
    if reason == StockMovementReason.ADJUSTMENT and not note:
        raise ValidationError({"note": _("Say why the stock changes.")}, code="note_required")
    level = current + delta
    if level < 0:
        raise ValidationError({"level": _("Stock cannot be negative.")}, code="negative_stock")
    if level < (stockrecord.num_allocated or 0):
        raise ValidationError(
            {"level": _("%(allocated)s units are already promised to orders: the stock cannot "
                        "go below that.") % {"allocated": stockrecord.num_allocated}},
            code="below_allocated",
        )
    stockrecord.num_in_stock = level
    stockrecord.save(update_fields=["num_in_stock", "date_updated"])
    return StockMovement.objects.create(
        stockrecord=stockrecord, vendor=vendor, actor=actor, reason=reason, note=note[:255],
        delta=delta, level_after=level, order_number=order_number,
    )
