"""Reads of the wholesale terms, a constant number of queries whatever the number of
products or stores asked about."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, Exists, OuterRef, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from shop.apps.catalogue.versions import catalogue_cached
from shop.core.money import money_format
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.pricing.error_codes import PricingErrorCode
from vendors.pricing.models import ProductTerms, StoreTerms, TierPrice
from vendors.pricing.rules import PLAIN_TERMS, QuantityTerms, Tier, quantity_refusal

TIER, RULE = 1, 0
CENT = Decimal("0.01")
# A part that did not go through does not make the next order a reorder.
NOT_AN_ORDER = (
    VendorOrderStatus.PENDING_PAYMENT,
    VendorOrderStatus.CANCELLED,
    VendorOrderStatus.REJECTED,
)


def has_wholesale_terms_subquery(stockrecord_ref: str = "stockrecord_id"):
    """Whether the stock record `stockrecord_ref` names has any terms, for an annotation."""
    return Exists(ProductTerms.objects.filter(stockrecord_id=OuterRef(stockrecord_ref))) | Exists(
        TierPrice.objects.filter(stockrecord_id=OuterRef(stockrecord_ref))
    )


def quantity_terms_cached(stockrecord_id: int) -> QuantityTerms:
    """One stock record's terms (a product page's), kept until the catalogue changes:
    product_terms_set moves its version."""
    return catalogue_cached(
        "wholesale-terms",
        str(stockrecord_id),
        lambda: quantity_terms_for([stockrecord_id])[stockrecord_id],
    )


def quantity_terms_for(stockrecord_ids: Iterable[int]) -> dict[int, QuantityTerms]:
    """The terms of each stock record, PLAIN_TERMS for those without any (two queries)."""
    ids = sorted(set(stockrecord_ids))
    if not ids:
        return {}
    # One query: the tiers and the quantity rules of every stock record asked about.
    tier_rows = (
        TierPrice.objects.filter(stockrecord_id__in=ids)
        .order_by()
        .annotate(kind=Value(TIER))
        .values_list("stockrecord_id", "min_quantity", "price", "kind")
    )
    rule_rows = (
        ProductTerms.objects.filter(stockrecord_id__in=ids)
        .order_by()
        .annotate(
            multiple=Cast("order_multiple", DecimalField(max_digits=12, decimal_places=2)),
            kind=Value(RULE),
        )
        .values_list("stockrecord_id", "minimum_quantity", "multiple", "kind")
    )
    tiers: dict[int, list[Tier]] = {}
    rows: dict[int, tuple[int, int]] = {}
    for stockrecord_id, number, amount, kind in tier_rows.union(rule_rows, all=True):
        if kind == TIER:
            tiers.setdefault(stockrecord_id, []).append(
                Tier(min_quantity=number, price=Decimal(amount).quantize(CENT))
            )
        else:
            rows[stockrecord_id] = (number, int(amount))
    terms = {}
    for stockrecord_id in ids:
        minimum, multiple = rows.get(stockrecord_id, (1, 1))
        record_tiers = tuple(sorted(tiers.get(stockrecord_id, ()), key=lambda t: t.min_quantity))
        terms[stockrecord_id] = (
            QuantityTerms(minimum=minimum, multiple=multiple, tiers=record_tiers)
            if (minimum, multiple) != (1, 1) or record_tiers
            else PLAIN_TERMS
        )
    return terms


@dataclass(frozen=True)
class OrderMinimum:
    """What a store asks of one buyer's part: `amount` (None: nothing) and whether it is
    the minimum of a first order or of a reorder."""

    amount: Decimal | None
    is_first_order: bool


def order_minimums_for(
    *, vendor_ids: Iterable[int], buyer, company_id: int | None = None
) -> dict[int, OrderMinimum]:
    """Each store's minimum for `buyer` (None: a visitor, whose order counts as a first
    one) buying for themselves, or for the company `company_id`: a first order is then the
    company's first with the store, whichever member placed the earlier ones, and a
    member's own orders are not the company's. Two queries at most, whatever the number
    of stores."""
    ids = sorted(set(vendor_ids))
    if not ids:
        return {}
    terms = {
        row["vendor_id"]: row
        for row in StoreTerms.objects.filter(vendor_id__in=ids).values(
            "vendor_id", "first_order_minimum", "reorder_minimum"
        )
    }
    known = set()
    earlier = None
    if company_id is not None:
        earlier = {"order__company_purchase__company_id": company_id}
    elif getattr(buyer, "is_authenticated", False):
        earlier = {"order__user": buyer, "order__company_purchase__isnull": True}
    if terms and earlier:
        known = set(
            VendorOrder.objects.filter(vendor_id__in=list(terms), **earlier)
            .exclude(status__in=NOT_AN_ORDER)
            .values_list("vendor_id", flat=True)
            .distinct()
        )
    minimums = {}
    for vendor_id in ids:
        row = terms.get(vendor_id)
        is_first = vendor_id not in known
        amount = None
        if row is not None:
            amount = row["first_order_minimum"] if is_first else row["reorder_minimum"]
        minimums[vendor_id] = OrderMinimum(amount=amount or None, is_first_order=is_first)
    return minimums


@dataclass(frozen=True)
class TermsProblem:
    """Something in a basket today's terms do not allow: a line's quantity (`line` set)
    or a store's part under its minimum (`vendor` set, `line` None)."""

    message: str
    code: str
    vendor: object = None
    line: object = None


def order_minimum_refusal(
    *, store: str, minimum: OrderMinimum, subtotal: Decimal, currency: str
) -> str | None:
    """Why a part of `subtotal` is not enough for the store, or None."""
    if minimum.amount is None or subtotal >= minimum.amount:
        return None
    values = {
        "store": store,
        "minimum": money_format(minimum.amount, currency),
        "missing": money_format(minimum.amount - subtotal, currency),
    }
    if minimum.is_first_order:
        return (
            _(
                "%(store)s asks for at least %(minimum)s on a first order: add %(missing)s "
                "more from this store."
            )
            % values
        )
    return (
        _(
            "%(store)s asks for at least %(minimum)s on each order: add %(missing)s "
            "more from this store."
        )
        % values
    )


def basket_terms_problems(*, basket, buyer) -> list[TermsProblem]:
    """What today's terms refuse in `basket` (its strategy set): each line's quantity,
    then each store's part under its minimum for `buyer`, or for the company the basket
    is priced for (its strategy's `company_id`). Empty: it can be bought."""
    lines = [line for line in basket.all_lines() if line.stockrecord_id]
    terms = quantity_terms_for(line.stockrecord_id for line in lines)
    problems = []
    parts: dict[int, list] = {}
    for line in lines:
        line_terms = terms[line.stockrecord_id]
        refusal = quantity_refusal(line_terms, line.quantity)
        if refusal:
            code = (
                PricingErrorCode.NOT_A_MULTIPLE
                if line.quantity % line_terms.multiple
                else PricingErrorCode.BELOW_MINIMUM_QUANTITY
            )
            problems.append(
                TermsProblem(
                    message=f"{line.product.get_title()}: {refusal}",
                    code=code,
                    line=line,
                    vendor=line.stockrecord.partner.vendor,
                )
            )
        parts.setdefault(line.stockrecord.partner.vendor.pk, []).append(line)
    minimums = order_minimums_for(
        vendor_ids=parts, buyer=buyer, company_id=getattr(basket.strategy, "company_id", None)
    )
    for vendor_id, part_lines in parts.items():
        vendor = part_lines[0].stockrecord.partner.vendor
        subtotal = sum(
            (line.line_price_incl_tax_incl_discounts or Decimal(0) for line in part_lines),
            Decimal("0.00"),
        )
        refusal = order_minimum_refusal(
            store=vendor.trade_name,
            minimum=minimums[vendor_id],
            subtotal=subtotal,
            currency=basket.currency,
        )
        if refusal:
            problems.append(
                TermsProblem(
                    message=refusal, code=PricingErrorCode.BELOW_ORDER_MINIMUM, vendor=vendor
                )
            )
    return problems
