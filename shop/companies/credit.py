"""Pay on account: the terms a store grants a company, and what is owed on them.

A part bought on account takes its store's credit when the purchase is placed: a
guarded update (`used + amount <= credit_limit`, zero rows = over the limit) on the
terms' row, so concurrent purchases never owe more than the limit together. Delivery
makes it due (`days` later): the vendor's ledger records the sale, not yet paid, and
the invoice prints the due date. The company's transfer, confirmed by an operator or
the store, pays it: the payment and the vendor's ledger record the money, and the
credit is free again. A part cancelled before that gives its credit back.

Locks: the purchase's payment and parts first (vendors/orders/locks.py), then the
vendor (its ledger), the company's rows last; terms rows in id order."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from payments.locks import payment_of_order_lock
from payments.services import payment_cash_record
from shop.companies.error_codes import CompanyErrorCode
from shop.companies.exceptions import CreditRefused
from shop.companies.models import Company, CreditCharge, CreditTerms
from shop.core.money import money_format
from shop.invoices.services import invoice_issue_on_commit
from vendors.ledger.entries import vendor_account_paid_record, vendor_sale_on_account_record
from vendors.models import Vendor, VendorOrder
from vendors.orders.locks import vendor_order_lock
from vendors.orders.money import account_reference, vendor_part_total

TERM_DAYS = (15, 30)


def credit_reserve(*, company: Company, order) -> list[CreditCharge]:
    """Inside the placement's transaction: each part on account (the placement marks
    them) takes its store's credit for the company, or the purchase is refused
    (CreditRefused, and nothing of it stays)."""
    parts = list(VendorOrder.objects.filter(order=order, on_account=True).select_related("vendor"))
    terms = {
        terms.vendor_id: terms
        for terms in CreditTerms.objects.filter(
            company=company, is_active=True, vendor_id__in=[part.vendor_id for part in parts]
        )
    }
    charges = []
    for part in sorted(
        parts, key=lambda part: terms[part.vendor_id].pk if part.vendor_id in terms else 0
    ):
        if part.vendor_id not in terms:
            raise CreditRefused(
                _("%(store)s does not sell to %(company)s on account: choose another way to pay.")
                % {"store": part.vendor.trade_name, "company": company.legal_name},
                code=CompanyErrorCode.NO_TERMS,
            )
        part_terms = terms[part.vendor_id]
        amount = vendor_part_total(part)
        taken = CreditTerms.objects.filter(
            pk=part_terms.pk, used__lte=F("credit_limit") - amount
        ).update(used=F("used") + amount)
        if not taken:
            part_terms.refresh_from_db(fields=["used", "credit_limit"])
            raise CreditRefused(
                _(
                    "%(store)s's credit for %(company)s has %(available)s left and this part "
                    "is %(amount)s: pay it another way or wait until a payment arrives."
                )
                % {
                    "store": part.vendor.trade_name,
                    "company": company.legal_name,
                    "available": money_format(part_terms.available, order.currency),
                    "amount": money_format(amount, order.currency),
                },
                code=CompanyErrorCode.CREDIT_LIMIT,
            )
        charges.append(
            CreditCharge.objects.create(
                terms=part_terms, vendor_order=part, amount=amount, currency=order.currency
            )
        )
    return charges


def _open_charge(*, vendor_order_id: int) -> CreditCharge | None:
    return (
        CreditCharge.objects.select_for_update()
        .select_related("terms")
        .filter(vendor_order_id=vendor_order_id, paid_at__isnull=True, released_at__isnull=True)
        .first()
    )


def _credit_give_back(charge: CreditCharge) -> None:
    CreditTerms.objects.filter(pk=charge.terms_id).update(used=F("used") - charge.amount)


def credit_release(*, vendor_order: VendorOrder) -> bool:
    """A part on account was cancelled or rejected before it was paid: its credit is
    free again. Once."""
    charge = _open_charge(vendor_order_id=vendor_order.pk)
    if charge is None:
        return False
    CreditCharge.objects.filter(pk=charge.pk).update(released_at=timezone.now())
    _credit_give_back(charge)
    return True


def credit_delivered(*, vendor_order: VendorOrder, actor=None) -> CreditCharge | None:
    """A part on account was delivered: it is due its terms' days from today, its sale
    is in the vendor's ledger (not paid yet) and its invoice, with the due date, is
    issued after commit."""
    charge = _open_charge(vendor_order_id=vendor_order.pk)
    if charge is None:
        return None
    if charge.due_on is None:
        today = timezone.localdate()
        charge.delivered_on = today
        charge.due_on = today + timedelta(days=charge.terms.days)
        charge.save(update_fields=["delivered_on", "due_on"])
    vendor_sale_on_account_record(vendor_order=vendor_order, actor=actor)
    invoice_issue_on_commit(vendor_order_id=vendor_order.pk)
    return charge


@transaction.atomic
def credit_paid_confirm(*, charge_id: int, actor, vendor: Vendor | None = None) -> CreditCharge:
    """The company's transfer for a delivered part arrived (an operator says so, or the
    store when `vendor` is given, only for its own parts): the payment records it, the
    vendor's ledger owes the sale, the credit is free again. Confirming twice changes
    nothing the second time."""
    found = CreditCharge.objects.filter(pk=charge_id)
    if vendor is not None:
        found = found.filter(terms__vendor=vendor)
    vendor_order_id = found.values_list("vendor_order_id", flat=True).get()
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
    payment = payment_of_order_lock(order_id=vendor_order.order_id)
    charge = CreditCharge.objects.select_for_update().get(pk=charge_id)
    if charge.paid_at is not None:
        return charge
    if charge.released_at is not None or charge.due_on is None:
        raise CreditRefused(
            _("Order %(number)s is not owed yet: a payment is confirmed once it is delivered.")
            % {"number": vendor_order.number},
            code=CompanyErrorCode.CHARGE_NOT_OPEN,
        )
    payment_cash_record(
        payment_id=payment.pk,
        amount=charge.amount,
        reference=account_reference(vendor_order),
        actor=actor,
        message="transfer on account confirmed",
    )
    vendor_account_paid_record(vendor_order=vendor_order, actor=actor)
    charge.paid_at = timezone.now()
    charge.confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
    charge.save(update_fields=["paid_at", "confirmed_by"])
    _credit_give_back(charge)
    return charge


@transaction.atomic
def terms_grant(
    *, vendor: Vendor, company: Company, days: int, credit_limit: Decimal, is_active: bool = True
) -> CreditTerms:
    """The store's terms for the company, created or changed. A lower limit than what is
    owed now keeps what is owed and takes nothing new until payments arrive."""
    if days not in TERM_DAYS or credit_limit < 0:
        raise CreditRefused(
            _("Terms are 15 or 30 days, with a credit limit of 0 or more."),
            code=CompanyErrorCode.TERMS_INVALID,
        )
    terms, _created = CreditTerms.objects.select_for_update().get_or_create(
        vendor=vendor,
        company=company,
        defaults={"days": days, "credit_limit": credit_limit, "is_active": is_active},
    )
    if not _created:
        CreditTerms.objects.filter(pk=terms.pk).update(
            days=days, credit_limit=credit_limit, is_active=is_active
        )
        terms.refresh_from_db()
    return terms
