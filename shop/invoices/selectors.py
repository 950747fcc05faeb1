from django.db.models import QuerySet

from shop.invoices.models import CreditNote, Invoice
from vendors.models import Vendor
from vendors.permissions import is_operator


def invoices_readable_by(*, user) -> QuerySet[Invoice]:
    """The invoices `user` may download: the buyer's own, its vendors' and, for platform
    operators and call-center agents, every one."""
    from shop.callcenter.permissions import is_agent

    if not user.is_authenticated:
        return Invoice.objects.none()
    if is_operator(user) or is_agent(user):
        return Invoice.objects.all()
    return (Invoice.objects.filter(vendor_order__order__user=user)
            | Invoice.objects.filter(issuer__memberships__user=user)).distinct()


def vendor_invoices(*, vendor: Vendor) -> QuerySet[Invoice]:
    return (Invoice.objects.filter(issuer=vendor)
            .select_related("vendor_order").order_by("-issued_at", "-id"))


def vendor_credit_notes(*, vendor: Vendor) -> QuerySet[CreditNote]:
    return (CreditNote.objects.filter(issuer=vendor)
            .select_related("invoice").order_by("-issued_at", "-id"))
