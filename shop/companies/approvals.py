"""Purchases made as a company, and their approval.

A member buying as the company gets a `BuyerAccount` for the one placement path: the
invoices go to the company, and a purchase above the member's spending limit is held
(its stock promised, no payment asked for) until an approver approves it, which lets it
go on as if just placed, or refuses it with a reason, which cancels its parts through
the one cancellation of an unpaid purchase. Nobody deciding by the deadline
(`COMPANY_APPROVAL_HOURS`) cancels it too (beat: approvals_expire).

Locks: the purchase's payment and parts first (vendors/orders/locks.py), the company's
rows last."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.apps.checkout.placement import BuyerAccount, purchase_release
from shop.companies.credit import credit_reserve
from shop.companies.error_codes import CompanyErrorCode
from shop.companies.exceptions import ApprovalRefused, CompanyRefused
from shop.companies.models import (
    APPROVING_ROLES,
    BUYING_ROLES,
    ApprovalStatus,
    Company,
    CompanyMember,
    CompanyPurchase,
)
from shop.companies.notifications import approval_decided_notify, approval_requested_notify
from shop.companies.selectors import on_account_possible
from vendors.orders.outcomes import purchase_unpaid_cancel
from vendors.orders.transitions import ActorRole


def approval_needed(*, spending_limit: Decimal | None, total: Decimal) -> bool:
    """A purchase above the buyer's spending limit waits for an approver."""
    return spending_limit is not None and total > spending_limit


def approval_deadline():
    return timezone.now() + timedelta(hours=settings.COMPANY_APPROVAL_HOURS)


def buyer_member(*, company_id: int, user) -> CompanyMember:
    member = (
        CompanyMember.objects.select_related("company")
        .filter(company_id=company_id, user=user, role__in=BUYING_ROLES)
        .first()
    )
    if member is None:
        raise CompanyRefused(
            _("You can no longer buy for this company: ask one of its owners."),
            code=CompanyErrorCode.NOT_BUYER,
        )
    return member


def company_account(*, company_id: int, user):
    """What the placement needs to place a purchase as the company for `user`. Raises
    CompanyRefused when `user` may not buy for it."""
    member = buyer_member(company_id=company_id, user=user)
    company = member.company
    return BuyerAccount(
        company_name=company.legal_name,
        company_nit=company.nit,
        approval_limit=member.spending_limit,
        placed=partial(_purchase_keep, company=company, buyer=user),
        company_id=company.pk,
    )


@dataclass(frozen=True)
class BuyingAs:
    """What buying as a company (or not) gives a purchase made outside the web checkout
    (a phone order, an accepted offer): the account for the placement (None: for oneself)
    and whether payment on account may be offered."""

    account: BuyerAccount | None = None
    on_account: bool = False


def buying_as(*, company_id: int | None, user, vendor_ids) -> BuyingAs:
    """For `user` buying as the company `company_id` (None: for themselves) from the
    stores `vendor_ids`. Raises CompanyRefused when `user` may not buy for it."""
    if company_id is None:
        return BuyingAs()
    return BuyingAs(
        account=company_account(company_id=company_id, user=user),
        on_account=on_account_possible(company_id=company_id, vendor_ids=vendor_ids),
    )


def _purchase_keep(*, order, payment_method: str, held: bool, company: Company, buyer) -> None:
    """Inside the placement's transaction: the purchase is the company's; parts on
    account take their stores' credit (or the purchase is refused)."""
    purchase = CompanyPurchase.objects.create(
        order=order,
        company=company,
        buyer=buyer,
        payment_method=payment_method,
        approval_status=ApprovalStatus.WAITING if held else ApprovalStatus.NOT_NEEDED,
        approval_deadline=approval_deadline() if held else None,
    )
    credit_reserve(company=company, order=order)
    if held:
        transaction.on_commit(partial(approval_requested_notify, company_purchase_id=purchase.pk))


def _approver_check(*, company: Company, user) -> None:
    if not CompanyMember.objects.filter(
        company=company, user=user, role__in=APPROVING_ROLES
    ).exists():
        raise ApprovalRefused(
            _("Only the company's approvers can decide on its purchases."),
            code=CompanyErrorCode.NOT_APPROVER,
        )


def _waiting_lock(*, company_purchase_id: int) -> CompanyPurchase:
    purchase = CompanyPurchase.objects.select_for_update().get(pk=company_purchase_id)
    if purchase.approval_status != ApprovalStatus.WAITING:
        raise ApprovalRefused(
            _("This purchase is no longer waiting for approval: it is %(status)s.")
            % {"status": purchase.get_approval_status_display().lower()},
            code=CompanyErrorCode.NOT_WAITING,
        )
    return purchase


def purchase_approve(*, company_purchase_id: int, user):
    """An approver lets a held purchase go on: its payment is asked for, and its parts
    go to their stores as the payment method allows. Must not run inside a
    transaction (the gateway is called after commit). Raises ApprovalRefused, or the
    placement's PurchaseRefused when the payment cannot start (then it is cancelled)."""
    purchase = CompanyPurchase.objects.select_related("company").get(pk=company_purchase_id)
    _approver_check(company=purchase.company, user=user)

    def approve():
        locked = _waiting_lock(company_purchase_id=company_purchase_id)
        if locked.approval_deadline and locked.approval_deadline < timezone.now():
            raise ApprovalRefused(
                _("The time to approve this purchase is over: its stock was given back."),
                code=CompanyErrorCode.NOT_WAITING,
            )
        CompanyPurchase.objects.filter(pk=locked.pk).update(
            approval_status=ApprovalStatus.APPROVED, decided_by=user, decided_at=timezone.now()
        )
        transaction.on_commit(partial(approval_decided_notify, company_purchase_id=locked.pk))

    return purchase_release(
        order_id=purchase.order_id, payment_method=purchase.payment_method, approve=approve
    )


@transaction.atomic
def purchase_refuse(*, company_purchase_id: int, user, reason: str) -> CompanyPurchase:
    """An approver refuses a held purchase, with a reason the buyer reads: its parts are
    cancelled and their stock goes back on sale."""
    reason = reason.strip()
    purchase = CompanyPurchase.objects.select_related("company").get(pk=company_purchase_id)
    _approver_check(company=purchase.company, user=user)
    if not reason:
        raise ApprovalRefused(
            _("Give a reason: the buyer will read it."), code=CompanyErrorCode.REASON_REQUIRED
        )
    return _purchase_close(
        purchase=purchase,
        status=ApprovalStatus.REFUSED,
        reason=reason,
        actor=user,
        actor_role=ActorRole.BUYER,
    )


def _purchase_close(*, purchase, status, reason, actor, actor_role) -> CompanyPurchase:
    purchase_unpaid_cancel(
        order_id=purchase.order_id, reason=reason, actor=actor, actor_role=actor_role
    )
    locked = _waiting_lock(company_purchase_id=purchase.pk)
    locked.approval_status = status
    locked.refusal_reason = reason
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save(update_fields=["approval_status", "refusal_reason", "decided_by", "decided_at"])
    transaction.on_commit(partial(approval_decided_notify, company_purchase_id=locked.pk))
    return locked


def approvals_expire(*, now=None) -> list[int]:
    """Held purchases past their deadline are cancelled, their stock given back (beat,
    every 15 minutes; running it twice cancels nothing twice). Returns their ids."""
    now = now or timezone.now()
    expired = []
    for purchase in CompanyPurchase.objects.filter(
        approval_status=ApprovalStatus.WAITING, approval_deadline__lt=now
    ):
        try:
            with transaction.atomic():
                _purchase_close(
                    purchase=purchase,
                    status=ApprovalStatus.EXPIRED,
                    reason=_("Nobody at the company approved it in time."),
                    actor=None,
                    actor_role=ActorRole.SYSTEM,
                )
        except ApprovalRefused:
            continue  # decided meanwhile
        expired.append(purchase.pk)
    return expired
