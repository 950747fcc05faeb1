"""The tax a store charges, included in its prices (InvoiceSettings.tax_percent): how much
of an amount is tax, as its invoices print it and as buyers read it before buying."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from shop.invoices.models import InvoiceSettings

CENT = Decimal("0.01")


@dataclass(frozen=True)
class IncludedTax:
    percent: Decimal
    amount: Decimal


def tax_of(*, amount: Decimal, percent: Decimal) -> Decimal:
    """The tax inside `amount` (prices include it): what remains once the base is out."""
    base = (amount * 100 / (100 + percent)).quantize(CENT, rounding=ROUND_HALF_UP)
    return amount - base


def vendor_tax_percent(vendor) -> Decimal:
    """The store's rate: 0 unless its invoice settings say otherwise. Reads
    `vendor.invoice_settings`, so a select_related("invoice_settings") costs no query."""
    try:
        return vendor.invoice_settings.tax_percent
    except InvoiceSettings.DoesNotExist:
        return Decimal("0")


def included_tax(*, vendor, amount: Decimal) -> IncludedTax | None:
    """The tax `vendor` includes in `amount`, or None when it charges none."""
    percent = vendor_tax_percent(vendor)
    if not percent:
        return None
    return IncludedTax(percent=percent, amount=tax_of(amount=Decimal(amount), percent=percent))
