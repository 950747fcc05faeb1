from django.db.models import QuerySet

from shop.core.roles import is_agent, is_operator
from shop.invoices.models import BillingDetails, CreditNote, Invoice
from vendors.models import Vendor


def invoices_readable_by(*, user) -> QuerySet[Invoice]:
    """The invoices `user` may download: the buyer's own, its vendors' and, for staff
    (operators and call-center agents), every one."""
    return _readable_by(Invoice.objects.all(), user=user, order_path="vendor_order__order")


def credit_notes_readable_by(*, user) -> QuerySet[CreditNote]:
    return _readable_by(
        CreditNote.objects.all(), user=user, order_path="invoice__vendor_order__order"
    )


def _readable_by(documents: QuerySet, *, user, order_path: str) -> QuerySet:
    if not user.is_authenticated:
        return documents.none()
    if is_operator(user) or is_agent(user):
        return documents
    return (
        documents.filter(**{f"{order_path}__user": user})
        | documents.filter(issuer__memberships__user=user)
    ).distinct()


def vendor_invoices(*, vendor: Vendor) -> QuerySet[Invoice]:
    return (
        Invoice.objects.filter(issuer=vendor)
        .select_related("vendor_order")
        .order_by("-issued_at", "-id")
    )


def vendor_credit_notes(*, vendor: Vendor) -> QuerySet[CreditNote]:
    return (
        CreditNote.objects.filter(issuer=vendor)
        .select_related("invoice")
        .order_by("-issued_at", "-id")
    )


def billing_company_last(*, user) -> dict | None:
    """The company `user` last bought as, to offer it again at checkout."""
    if not user.is_authenticated:
        return None
    billing = (
        BillingDetails.objects.filter(order__user=user)
        .exclude(company_name="")
        .order_by("-order__date_placed")
        .first()
    )
    return {"name": billing.company_name, "nit": billing.company_nit} if billing else None
