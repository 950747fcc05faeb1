"""A store's own business accounts at the gateways with merchant accounts: the store
gives its merchant id, an operator reviews it (approved, or refused with a reason, the
store told by e-mail), and only an approved id receives money (PAYMENT_FUNDS_TO =
"store"); until then, and after a refusal, the money goes to the platform's account."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from payments.selectors import payment_method_label
from vendors.actors.services import vendor_email_send
from vendors.error_codes import VendorErrorCode
from vendors.models import MerchantAccountStatus, VendorMerchantAccount

MERCHANT_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# How many reviewed accounts the operators' page lists below those waiting.
REVIEWED_SHOWN = 50


@transaction.atomic
def vendor_merchant_account_set(*, vendor, gateway: str, merchant_id: str):
    """The store's own business account at `gateway` (one with merchant accounts), or
    none when `merchant_id` is empty: then the money goes to the platform's account. A
    new or changed id waits for an operator's review. Raises ValidationError (nothing
    saved) for an id the gateways would not take."""
    merchant_id = merchant_id.strip()
    if not merchant_id:
        VendorMerchantAccount.objects.filter(vendor=vendor, gateway=gateway).delete()
        return None
    if not MERCHANT_ID.match(merchant_id):
        raise ValidationError(
            _("A merchant id has up to 64 letters, digits, dots, dashes or underscores."),
            code=VendorErrorCode.MERCHANT_ID_INVALID,
        )
    account = (
        VendorMerchantAccount.objects.select_for_update()
        .filter(vendor=vendor, gateway=gateway)
        .first()
    )
    if account is not None and account.merchant_id == merchant_id:
        return account  # the same id again: its review stands
    account = account or VendorMerchantAccount(vendor=vendor, gateway=gateway)
    account.merchant_id = merchant_id
    account.status = MerchantAccountStatus.PENDING
    account.reason = ""
    account.reviewed_by = None
    account.reviewed_at = None
    account.submitted_at = timezone.now()
    account.save()
    return account


@transaction.atomic
def merchant_account_review(
    *, account_id: int, merchant_id: str, approve: bool, reason: str, actor
) -> VendorMerchantAccount:
    """An operator approves the store's merchant id, or refuses it saying why; the store
    is told by e-mail. `merchant_id` is the id the operator looked at: if the store
    changed it meanwhile, nothing is decided (ValidationError). Deciding the same way
    twice tells the store once."""
    account = (
        VendorMerchantAccount.objects.select_for_update()
        .select_related("vendor")
        .get(pk=account_id)
    )
    if account.merchant_id != merchant_id:
        raise ValidationError(
            _("The store changed this merchant id meanwhile: review the new one."),
            code=VendorErrorCode.MERCHANT_ID_CHANGED,
        )
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError(
            _("Say why the merchant id is refused: the store will read it."),
            code=VendorErrorCode.MERCHANT_REVIEW_REASON,
        )
    status = MerchantAccountStatus.APPROVED if approve else MerchantAccountStatus.REFUSED
    if account.status == status and account.reason == (reason if not approve else ""):
        return account
    account.status = status
    account.reason = "" if approve else reason
    account.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    account.reviewed_at = timezone.now()
    account.save(update_fields=["status", "reason", "reviewed_by", "reviewed_at"])
    transaction.on_commit(
        lambda: vendor_email_send(
            vendor=account.vendor,
            template=f"merchant_account_{status}",
            extra={"account": account, "gateway_label": payment_method_label(account.gateway)},
        )
    )
    return account


def store_merchant_id(*, vendor_id: int, gateway: str) -> str:
    """The store's approved merchant id at `gateway`, or "" (the platform's account)."""
    return (
        VendorMerchantAccount.objects.filter(
            vendor_id=vendor_id, gateway=gateway, status=MerchantAccountStatus.APPROVED
        )
        .values_list("merchant_id", flat=True)
        .first()
        or ""
    )


def merchant_accounts_for_review() -> tuple[list, list]:
    """(those waiting, oldest first; the latest reviewed), in two queries."""
    accounts = VendorMerchantAccount.objects.select_related("vendor", "reviewed_by")
    waiting = list(accounts.filter(status=MerchantAccountStatus.PENDING).order_by("submitted_at"))
    reviewed = list(
        accounts.exclude(status=MerchantAccountStatus.PENDING).order_by("-reviewed_at", "-id")[
            :REVIEWED_SHOWN
        ]
    )
    return waiting, reviewed
