"""The e-mails of company accounts: approvers hear of a purchase waiting for them, the
buyer of the decision, and the owners and accountants of what is due on account (once
before the due date and once after it, however often the reminder task runs)."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from shop.companies.models import (
    APPROVING_ROLES,
    CompanyMember,
    CompanyPurchase,
    CompanyRole,
    CreditCharge,
)
from shop.core.links import absolute_url
from shop.mail.services import templated_email_send


def _emails(*, company_id: int, roles) -> list[str]:
    return list(
        CompanyMember.objects.filter(company_id=company_id, role__in=roles)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


def _purchase_context(purchase: CompanyPurchase) -> dict:
    return {
        "purchase": purchase,
        "order": purchase.order,
        "company": purchase.company,
        "site_name": settings.OSCAR_SHOP_NAME,
        "purchase_url": absolute_url(reverse("companies:purchase", kwargs={"pk": purchase.pk})),
    }


def approval_requested_notify(*, company_purchase_id: int) -> None:
    purchase = CompanyPurchase.objects.select_related("company", "order", "buyer").get(
        pk=company_purchase_id
    )
    with translation.override(settings.LANGUAGE_CODE):
        templated_email_send(
            template="companies/emails/approval_requested",
            context=_purchase_context(purchase),
            recipients=_emails(company_id=purchase.company_id, roles=APPROVING_ROLES),
            html=False,
        )


def approval_decided_notify(*, company_purchase_id: int) -> None:
    purchase = CompanyPurchase.objects.select_related("company", "order", "buyer").get(
        pk=company_purchase_id
    )
    if purchase.buyer is None or not purchase.buyer.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        templated_email_send(
            template="companies/emails/approval_decided",
            context=_purchase_context(purchase),
            recipients=[purchase.buyer.email],
            html=False,
        )


def credit_reminders_send(*, today=None) -> int:
    """Remind each company once, a few days before a part on account is due
    (`COMPANY_CREDIT_REMINDER_DAYS`) and once after its due date passed. Each reminder
    is claimed by a guarded update first, so two runs at once send it once."""
    today = today or timezone.localdate()
    before = today + timedelta(days=settings.COMPANY_CREDIT_REMINDER_DAYS)
    open_charges = CreditCharge.objects.filter(
        paid_at__isnull=True, released_at__isnull=True, due_on__isnull=False
    )
    sent = 0
    for kind, found, field in (
        (
            "before",
            open_charges.filter(due_on__gte=today, due_on__lte=before, reminded_before_at=None),
            "reminded_before_at",
        ),
        (
            "after",
            open_charges.filter(due_on__lt=today, reminded_after_at=None),
            "reminded_after_at",
        ),
    ):
        for charge in found.select_related("terms__company", "terms__vendor", "vendor_order"):
            claimed = CreditCharge.objects.filter(pk=charge.pk, **{field: None}).update(
                **{field: timezone.now()}
            )
            if not claimed:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                templated_email_send(
                    template=f"companies/emails/credit_due_{kind}",
                    context={
                        "charge": charge,
                        "company": charge.terms.company,
                        "vendor": charge.terms.vendor,
                        "site_name": settings.OSCAR_SHOP_NAME,
                        "statement_url": absolute_url(reverse("companies:statement")),
                    },
                    recipients=_emails(
                        company_id=charge.terms.company_id,
                        roles=(CompanyRole.OWNER, CompanyRole.ACCOUNTANT),
                    ),
                    html=False,
                )
            sent += 1
    return sent
