"""Writes of requisition lists, and the reorder: a list's lines into a basket, each
priced and checked by the basket's strategy with today's terms (vendors/pricing)."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.requisitions.error_codes import RequisitionErrorCode
from shop.requisitions.exceptions import RequisitionRefused
from shop.requisitions.models import RequisitionLine, RequisitionList
from vendors.catalogue.products import MAX_STOCK

MAX_LINES = 200
NAME_MAX = 120


def _name_clean(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > NAME_MAX:
        raise RequisitionRefused(
            _("Give the list a name of 1 to %(max)s characters.") % {"max": NAME_MAX},
            code=RequisitionErrorCode.NAME,
        )
    return name


def requisition_list_create(*, user, name: str) -> RequisitionList:
    """A new empty list of `user`. Raises RequisitionRefused (a name already used)."""
    name = _name_clean(name)
    try:
        with transaction.atomic():
            return RequisitionList.objects.create(user=user, name=name)
    except IntegrityError as error:
        raise RequisitionRefused(
            _("You already have a list called %(name)s.") % {"name": name},
            code=RequisitionErrorCode.NAME,
        ) from error


def requisition_line_set(*, requisition_list: RequisitionList, stockrecord, quantity: int) -> None:
    """Order `quantity` units of the stock record's product in the list (0 removes it)."""
    if not 0 <= quantity <= MAX_STOCK:
        raise RequisitionRefused(
            _("Enter a quantity from 0 to %(max)s.") % {"max": MAX_STOCK},
            code=RequisitionErrorCode.QUANTITY,
        )
    lines = RequisitionLine.objects.filter(
        requisition_list=requisition_list, product_id=stockrecord.product_id
    )
    if quantity == 0:
        lines.delete()
        return
    if not lines.exists() and requisition_list.lines.count() >= MAX_LINES:
        raise RequisitionRefused(
            _("A list holds at most %(max)s products.") % {"max": MAX_LINES},
            code=RequisitionErrorCode.TOO_MANY_LINES,
        )
    RequisitionLine.objects.update_or_create(
        requisition_list=requisition_list,
        product_id=stockrecord.product_id,
        defaults={"stockrecord": stockrecord, "quantity": quantity},
    )
    RequisitionList.objects.filter(pk=requisition_list.pk).update(updated_at=timezone.now())


@transaction.atomic
def requisition_list_from_basket(*, user, basket, name: str) -> RequisitionList:
    """A new list with the basket's products and quantities."""
    lines = [line for line in basket.all_lines() if line.stockrecord_id]
    if not lines:
        raise RequisitionRefused(_("The basket is empty."), code=RequisitionErrorCode.EMPTY)
    requisition_list = requisition_list_create(user=user, name=name)
    quantities: dict[int, RequisitionLine] = {}
    for line in lines[:MAX_LINES]:
        kept = quantities.get(line.product_id)
        if kept is not None:
            kept.quantity += line.quantity
            continue
        quantities[line.product_id] = RequisitionLine(
            requisition_list=requisition_list,
            product_id=line.product_id,
            stockrecord_id=line.stockrecord_id,
            quantity=line.quantity,
        )
    RequisitionLine.objects.bulk_create(quantities.values())
    return requisition_list


@dataclass
class Reorder:
    """What a reorder put in the basket (product titles) and, for each line it could not
    add, why (a sentence for the buyer)."""

    added: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def requisition_list_reorder(*, requisition_list: RequisitionList, basket) -> Reorder:
    """Add every line of the list (read by selectors.list_for) to `basket` (its strategy
    set), priced and checked as if the buyer added each by hand today: a line its store
    no longer sells, sold out, or whose quantity today's terms refuse (a new multiple) is
    left out with a note; the others are added."""
    reorder = Reorder()
    for line in requisition_list.lines.all():
        title = line.product.get_title()
        record = line.stockrecord
        if record is None or not line.product.is_public:
            reorder.notes.append(
                _("%(title)s is no longer on sale: it was not added.") % {"title": title}
            )
            continue
        info = basket.strategy.fetch_for_product(line.product, record)
        if info.stockrecord is not None and _sold_out(line.product, info.stockrecord):
            reorder.notes.append(
                _("%(title)s is sold out today: it was not added.") % {"title": title}
            )
            continue
        if info.stockrecord is None or not info.availability.is_available_to_buy:
            reorder.notes.append(
                _("%(title)s cannot be bought today (%(reason)s): it was not added.")
                % {"title": title, "reason": info.availability.message}
            )
            continue
        wanted = basket.product_quantity(line.product) + line.quantity
        permitted, reason = info.availability.is_purchase_permitted(wanted)
        if not permitted:
            reorder.notes.append(
                _("%(title)s was not added: %(reason)s") % {"title": title, "reason": reason}
            )
            continue
        basket.add_product(line.product, quantity=line.quantity)
        reorder.added.append(title)
    return reorder


def _sold_out(product, stockrecord) -> bool:
    tracked = product.get_product_class().track_stock and stockrecord.num_in_stock is not None
    return tracked and stockrecord.net_stock_level <= 0
