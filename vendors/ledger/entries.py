"""Marketplace money: what the platform owes each vendor, entry by entry.

The platform collects the buyer's money; each paid vendor part becomes a sale (+)
and the platform's commission (−) in the vendor's ledger; refunds take money back
(−) and give back commission in proportion (+); payouts settle the balance (−).
Cash on delivery reverses the flow: the vendor kept the cash (−), so the vendor
ends up owing the commission. The balance is the sum of the entries: positive, the
platform owes the vendor; negative, the vendor owes the platform.

Every write locks the vendor's row first, so the balance read by a payout, the
"already recorded?" check and the "more than was sold?" check see every earlier
write and no concurrent one. Entries are never changed; idempotency keys make the
same event, recorded twice, one entry.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from payments.interface import Money
from shop.core.money import money_format
from vendors.error_codes import VendorErrorCode
from vendors.exceptions import LedgerError
from vendors.ledger.payouts import PayoutTransfer
from vendors.models import LINE_CANCELLED, Payout, Vendor, VendorLedgerEntry, VendorOrder
from vendors.models import LedgerEntryKind as K

Line = get_model("order", "Line")
Order = get_model("order", "Order")

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_KEY_LENGTH = 120
# A sale's and a commission's basis, kept in the entry's note in this fixed form (decimals
# with a point, whoever's language wrote it) and read back for people by ledger_entry_note.
SALE_NOTE = "{goods} + {delivery}"
COMMISSION_NOTE = "{percent}% × {goods}"
_AMOUNT = r"-?\d+(?:\.\d+)?"
_SALE_NOTE = re.compile(rf"^(?P<goods>{_AMOUNT}) \+ (?P<delivery>{_AMOUNT})$")
_COMMISSION_NOTE = re.compile(rf"^(?P<percent>{_AMOUNT})% × (?P<goods>{_AMOUNT})$")
_SUM = DecimalField(max_digits=14, decimal_places=2)


def ledger_currency() -> str:
    """The currency balances are kept and payouts made in."""
    return settings.OSCAR_DEFAULT_CURRENCY


# --- Commission rules --------------------------------------------------------------------


def commission_percent(*, vendor: Vendor) -> Decimal:
    """The vendor's own rate when it has one, else the platform's default
    (`settings.MARKETPLACE_COMMISSION_PERCENT`, read now, never at import)."""
    if vendor.commission_percent is not None:
        return vendor.commission_percent
    return Decimal(str(settings.MARKETPLACE_COMMISSION_PERCENT))


def commission_amount(*, goods: Decimal, percent: Decimal) -> Decimal:
    """`percent` of `goods`, rounded half up to the cent."""
    return (goods * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class VendorOrderAmounts:
    goods: Decimal
    delivery: Decimal
    currency: str

    @property
    def total(self) -> Decimal:
        return self.goods + self.delivery


def vendor_order_amounts(*, vendor_order: VendorOrder) -> VendorOrderAmounts:
    """What the buyer pays for this part: its lines (after discounts) and its delivery."""
    partner_id = Vendor.objects.values_list("partner_id", flat=True).get(pk=vendor_order.vendor_id)
    goods = (
        Line.objects.filter(order_id=vendor_order.order_id, partner_id=partner_id)
        .exclude(status=LINE_CANCELLED)
        .aggregate(total=Coalesce(Sum("line_price_incl_tax"), Value(ZERO), output_field=_SUM))[
            "total"
        ]
    )
    currency = Order.objects.values_list("currency", flat=True).get(pk=vendor_order.order_id)
    # SQLite sums in floating point: back to cents, as PostgreSQL's numeric gives them.
    return VendorOrderAmounts(
        goods=Decimal(goods).quantize(CENT),
        delivery=vendor_order.delivery_charge or ZERO,
        currency=currency,
    )


# --- Services ----------------------------------------------------------------------------


def _refusal(*, field: str, message: str, code: VendorErrorCode) -> LedgerError:
    return LedgerError(field=field, message=message, code=code)


def _vendor_lock(vendor_id: int) -> Vendor:
    return Vendor.objects.select_for_update().get(pk=vendor_id)


def _recorded(keys: list[str]) -> list[VendorLedgerEntry]:
    return list(VendorLedgerEntry.objects.filter(idempotency_key__in=keys).order_by("id"))


def _vendor_order_totals(vendor_order: VendorOrder) -> dict[str, Decimal]:
    """The part's entries summed by kind (missing kinds are 0)."""
    rows = (
        VendorLedgerEntry.objects.filter(vendor_order=vendor_order)
        .order_by()
        .values_list("kind")
        .annotate(total=Sum("amount"))
    )
    return {kind: ZERO for kind in K.values} | dict(rows)


@transaction.atomic
def vendor_sale_record(*, vendor_order: VendorOrder) -> list[VendorLedgerEntry]:
    """The vendor part is paid: the platform owes the vendor the goods and the delivery
    charge (sale, +) less its commission (commission, −). Commission is
    `commission_percent` of the goods subtotal only: delivery charges are the vendor's
    and carry no commission. Recording the same part again changes nothing and returns
    the first entries."""
    vendor = _vendor_lock(vendor_order.vendor_id)
    return _sale_record(vendor=vendor, vendor_order=vendor_order)


def _sale_record(*, vendor: Vendor, vendor_order: VendorOrder) -> list[VendorLedgerEntry]:
    number = vendor_order.number
    keys = [f"sale:{number}", f"commission:{number}"]
    if existing := _recorded(keys):
        return existing
    amounts = vendor_order_amounts(vendor_order=vendor_order)
    percent = commission_percent(vendor=vendor)
    commission = commission_amount(goods=amounts.goods, percent=percent)
    common = {"vendor": vendor, "vendor_order": vendor_order, "currency": amounts.currency}
    return VendorLedgerEntry.objects.bulk_create(
        [
            VendorLedgerEntry(
                kind=K.SALE,
                amount=amounts.total,
                idempotency_key=keys[0],
                note=SALE_NOTE.format(goods=amounts.goods, delivery=amounts.delivery),
                **common,
            ),
            VendorLedgerEntry(
                kind=K.COMMISSION,
                amount=-commission,
                idempotency_key=keys[1],
                note=COMMISSION_NOTE.format(percent=percent, goods=amounts.goods),
                **common,
            ),
        ]
    )


@transaction.atomic
def vendor_cash_collected_record(
    *, vendor_order: VendorOrder, amount: Decimal, actor
) -> VendorLedgerEntry:
    """The vendor collected `amount` in cash on delivery: the platform never held that
    money, so it owes the vendor that much less (cash_collected, −). For the whole part
    the balance ends at −commission: what the vendor owes the platform. Records the
    sale first if it was not yet; once per part (a second call returns the first entry)."""
    vendor = _vendor_lock(vendor_order.vendor_id)
    _sale_record(vendor=vendor, vendor_order=vendor_order)
    key = f"cash_collected:{vendor_order.number}"
    if existing := _recorded([key]):
        return existing[0]
    totals = _vendor_order_totals(vendor_order)
    outstanding = totals[K.SALE] + totals[K.REFUND]
    sale = _recorded([f"sale:{vendor_order.number}"])[0]
    if amount <= 0 or amount > outstanding:
        raise _refusal(
            field="amount",
            code=VendorErrorCode.CASH_OUT_OF_RANGE,
            message=_("The cash collected must be more than 0 and at most %(outstanding)s.")
            % {"outstanding": money_format(outstanding, sale.currency)},
        )
    return VendorLedgerEntry.objects.create(
        vendor=vendor,
        vendor_order=vendor_order,
        kind=K.CASH_COLLECTED,
        amount=-amount,
        currency=sale.currency,
        idempotency_key=key,
        created_by=_user(actor),
    )


@transaction.atomic
def vendor_sale_on_account_record(*, vendor_order: VendorOrder, actor=None) -> VendorLedgerEntry:
    """A part sold on account was delivered: the sale and its commission are recorded,
    and, since the platform holds none of that money yet, as much is not owed yet
    (on_account, −). Once per part."""
    vendor = _vendor_lock(vendor_order.vendor_id)
    sale = _sale_record(vendor=vendor, vendor_order=vendor_order)[0]
    key = f"on_account:{vendor_order.number}"
    if existing := _recorded([key]):
        return existing[0]
    return VendorLedgerEntry.objects.create(
        vendor=vendor,
        vendor_order=vendor_order,
        kind=K.ON_ACCOUNT,
        amount=-sale.amount,
        currency=sale.currency,
        idempotency_key=key,
        created_by=_user(actor),
    )


@transaction.atomic
def vendor_account_paid_record(*, vendor_order: VendorOrder, actor) -> VendorLedgerEntry:
    """The company's transfer for a part sold on account arrived: what was not owed yet
    is owed now (account_paid, +). Once per part, and only after its on_account entry."""
    vendor = _vendor_lock(vendor_order.vendor_id)
    key = f"account_paid:{vendor_order.number}"
    if existing := _recorded([key]):
        return existing[0]
    owed = _recorded([f"on_account:{vendor_order.number}"])
    if not owed:
        raise _refusal(
            field="amount",
            code=VendorErrorCode.NOT_ON_ACCOUNT,
            message=_("This order has no sale on account waiting for its payment."),
        )
    return VendorLedgerEntry.objects.create(
        vendor=vendor,
        vendor_order=vendor_order,
        kind=K.ACCOUNT_PAID,
        amount=-owed[0].amount,
        currency=owed[0].currency,
        idempotency_key=key,
        created_by=_user(actor),
    )


@transaction.atomic
def vendor_refund_record(
    *, vendor_order: VendorOrder, amount: Decimal, key: str, actor=None
) -> list[VendorLedgerEntry]:
    """The buyer got `amount` of this part back: the platform owes the vendor that much
    less (refund, −) and gives back its commission in proportion to the part's total
    (refund_commission, +), rounded so that all the part's refunds together return
    exactly the commission's share of what they refunded. Refunds never add up to more
    than the sale. If the vendor collected the part's cash, the vendor paid the buyer
    back from it: a cash_collected entry (+) gives that cash back to the ledger, so
    only the commission changes. Idempotent on `key` (e.g. the payment refund's id):
    the first recording wins."""
    if not key or len(key) > MAX_KEY_LENGTH:
        raise ValueError(f"a refund key is 1 to {MAX_KEY_LENGTH} characters")
    vendor = _vendor_lock(vendor_order.vendor_id)
    number = vendor_order.number
    keys = [
        f"refund:{number}:{key}",
        f"refund_commission:{number}:{key}",
        f"cash_returned:{number}:{key}",
    ]
    if existing := _recorded(keys):
        return existing
    totals = _vendor_order_totals(vendor_order)
    sold, refunded = totals[K.SALE], -totals[K.REFUND]
    sale = _recorded([f"sale:{number}"])
    currency = sale[0].currency if sale else ledger_currency()
    if amount <= 0 or refunded + amount > sold:
        raise _refusal(
            field="amount",
            code=VendorErrorCode.REFUND_EXCEEDS_SALE,
            message=_("At most %(refundable)s of this order can still be refunded.")
            % {"refundable": money_format(sold - refunded, currency)},
        )
    commission, returned = -totals[K.COMMISSION], totals[K.REFUND_COMMISSION]
    returned_after = (commission * (refunded + amount) / sold).quantize(CENT, ROUND_HALF_UP)
    cash_held = -totals[K.CASH_COLLECTED]
    common = {
        "vendor": vendor,
        "vendor_order": vendor_order,
        "currency": currency,
        "created_by": _user(actor),
    }
    entries = [VendorLedgerEntry(kind=K.REFUND, amount=-amount, idempotency_key=keys[0], **common)]
    if returned_after > returned:
        entries.append(
            VendorLedgerEntry(
                kind=K.REFUND_COMMISSION,
                amount=returned_after - returned,
                idempotency_key=keys[1],
                **common,
            )
        )
    if cash_held > 0:
        entries.append(
            VendorLedgerEntry(
                kind=K.CASH_COLLECTED,
                amount=min(amount, cash_held),
                idempotency_key=keys[2],
                **common,
            )
        )
    return VendorLedgerEntry.objects.bulk_create(entries)


@transaction.atomic
def vendor_adjustment_record(
    *, vendor: Vendor, amount: Decimal, note: str, key: str, actor, currency: str | None = None
) -> VendorLedgerEntry:
    """An operator's correction, + (the platform owes more) or − (less), with a reason.
    Idempotent on `key`."""
    note = note.strip()
    if not note:
        raise _refusal(
            field="note",
            code=VendorErrorCode.NOTE_REQUIRED,
            message=_("Say why the balance changes."),
        )
    if amount == 0:
        raise _refusal(
            field="amount",
            code=VendorErrorCode.ZERO_AMOUNT,
            message=_("An adjustment cannot be 0."),
        )
    vendor = _vendor_lock(vendor.pk)
    entry_key = f"adjustment:{vendor.pk}:{key}"
    if existing := _recorded([entry_key]):
        return existing[0]
    return VendorLedgerEntry.objects.create(
        vendor=vendor,
        kind=K.ADJUSTMENT,
        amount=amount,
        currency=currency or ledger_currency(),
        idempotency_key=entry_key,
        note=note[:255],
        created_by=_user(actor),
    )


@transaction.atomic
def payout_create(
    *,
    vendor: Vendor,
    amount: Decimal,
    reference: str,
    actor,
    transfer: PayoutTransfer | None = None,
    currency: str | None = None,
) -> Payout:
    """Pay the vendor `amount` of what the platform owes it: a Payout and its entry (−).
    Refuses an amount that is not positive or exceeds the balance (read under the
    vendor's row lock, so concurrent payouts cannot overdraw) and a reference already
    used for this vendor. With a `transfer`, the money is sent last inside the
    transaction: if it fails, its exception propagates and nothing is recorded."""
    currency = currency or ledger_currency()
    reference = reference.strip()
    if not reference:
        raise _refusal(
            field="reference",
            code=VendorErrorCode.REFERENCE_REQUIRED,
            message=_("Give the payment's reference."),
        )
    if amount <= 0:
        raise _refusal(
            field="amount",
            code=VendorErrorCode.AMOUNT_NOT_POSITIVE,
            message=_("The amount must be more than 0."),
        )
    vendor = _vendor_lock(vendor.pk)
    if Payout.objects.filter(vendor=vendor, reference=reference).exists():
        raise _refusal(
            field="reference",
            code=VendorErrorCode.DUPLICATE_REFERENCE,
            message=_("A payout with this reference is already recorded."),
        )
    balance = vendor_balance(vendor=vendor, currency=currency)
    if amount > balance:
        raise _refusal(
            field="amount",
            code=VendorErrorCode.PAYOUT_EXCEEDS_BALANCE,
            message=_("The platform owes %(vendor)s %(balance)s: it cannot pay more.")
            % {"vendor": vendor.trade_name, "balance": money_format(balance, currency)},
        )
    payout = Payout.objects.create(
        vendor=vendor,
        amount=amount,
        currency=currency,
        reference=reference,
        created_by=_user(actor),
    )
    VendorLedgerEntry.objects.create(
        vendor=vendor,
        kind=K.PAYOUT,
        amount=-amount,
        currency=currency,
        payout=payout,
        idempotency_key=f"payout:{payout.pk}",
        note=reference,
        created_by=_user(actor),
    )
    if transfer is not None:
        payout.transfer_reference = transfer.transfer(
            vendor=vendor,
            amount=Money(amount, currency),
            idempotency_key=f"payout-{vendor.pk}-{reference}",
        )
        payout.save(update_fields=["transfer_reference"])
    return payout


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


# --- Selectors ---------------------------------------------------------------------------


def vendor_balance(*, vendor: Vendor, currency: str | None = None) -> Decimal:
    """What the platform owes the vendor (negative: what the vendor owes). One query."""
    return _amount_sum(
        VendorLedgerEntry.objects.filter(vendor=vendor, currency=currency or ledger_currency())
    )


def _amount_sum(entries: QuerySet) -> Decimal:
    total = entries.aggregate(total=Coalesce(Sum("amount"), Value(ZERO), output_field=_SUM))[
        "total"
    ]
    # SQLite sums in floating point: back to cents, as PostgreSQL's numeric gives them.
    return Decimal(total).quantize(ZERO)


def vendor_ledger(*, vendor: Vendor) -> QuerySet:
    """The vendor's entries, newest first, with their order and payout."""
    return VendorLedgerEntry.objects.filter(vendor=vendor).select_related(
        "vendor_order", "payout", "created_by"
    )


def ledger_entry_note(entry: VendorLedgerEntry) -> str:
    """The entry's note as a person reads it: a sale's and a commission's basis in words
    with amounts in the one money format; any other note (a payout's reference, an
    operator's reason) as it was written."""
    if entry.kind == K.SALE and (match := _SALE_NOTE.match(entry.note)):
        return _("products %(goods)s + delivery %(delivery)s") % {
            "goods": money_format(match["goods"], entry.currency),
            "delivery": money_format(match["delivery"], entry.currency),
        }
    if entry.kind == K.COMMISSION and (match := _COMMISSION_NOTE.match(entry.note)):
        return _("%(percent)s %% of %(goods)s") % {
            "percent": floatformat(match["percent"], -2),
            "goods": money_format(match["goods"], entry.currency),
        }
    return entry.note


def vendor_payouts(*, vendor: Vendor) -> QuerySet:
    return Payout.objects.filter(vendor=vendor).select_related("created_by")


def vendor_balances(*, currency: str | None = None) -> QuerySet:
    """Every vendor with entries in `currency`, annotated with `balance`. One query."""
    return (
        Vendor.objects.filter(ledger_entries__currency=currency or ledger_currency())
        .annotate(balance=Sum("ledger_entries__amount"))
        .order_by("trade_name", "pk")
    )


def platform_commission_total(*, currency: str | None = None) -> Decimal:
    """The platform's commission over every vendor, less the commission returned."""
    return -_amount_sum(
        VendorLedgerEntry.objects.filter(
            currency=currency or ledger_currency(), kind__in=[K.COMMISSION, K.REFUND_COMMISSION]
        )
    )
