"""Writes for verification: a store uploads its documents, an operator grants or
withdraws the "Verificado" badge. Files are removed only after the transaction commits,
so a rollback never loses one that is still recorded."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.apps.catalogue.versions import catalogue_version_bump
from shop.mail.services import templated_email_send
from shop.trust.documents import uploaded_document_clean
from shop.trust.error_codes import TrustErrorCode
from shop.trust.exceptions import TrustRefused
from shop.trust.models import VendorDocument, VendorVerification, VerificationStatus
from shop.trust.selectors import verified_vendor_ids_forget
from vendors.models import Vendor, VendorStatus


def _files_delete(documents) -> None:
    files = [(document.file.storage, document.file.name) for document in documents]

    def delete():
        for storage, name in files:
            if name and storage.exists(name):
                storage.delete(name)

    transaction.on_commit(delete)


def _badge_changed() -> None:
    verified_vendor_ids_forget()
    transaction.on_commit(verified_vendor_ids_forget)
    catalogue_version_bump()  # the product cards show the badge


def _verification_locked(vendor: Vendor) -> VendorVerification:
    VendorVerification.objects.get_or_create(vendor=vendor)
    return VendorVerification.objects.select_for_update().get(vendor=vendor)


@transaction.atomic
def document_upload(*, vendor: Vendor, kind: str, upload, user) -> VendorDocument:
    """Keep the store's document of `kind` (replacing the one it had) and put the store in
    the operators' queue unless it is already verified."""
    content, content_type, sha256 = uploaded_document_clean(upload)
    verification = _verification_locked(vendor)
    replaced = list(VendorDocument.objects.filter(vendor=vendor, kind=kind))
    document = VendorDocument(
        vendor=vendor,
        kind=kind,
        content_type=content_type,
        sha256=sha256,
        size=content.size,
        uploaded_by=user,
    )
    document.file.save("document", content, save=False)
    document.save()
    VendorDocument.objects.filter(pk__in=[old.pk for old in replaced]).delete()
    _files_delete(replaced)
    if verification.status != VerificationStatus.VERIFIED:
        verification.status = VerificationStatus.PENDING
        verification.requested_at = timezone.now()
        verification.reason = ""
        verification.save(update_fields=["status", "requested_at", "reason"])
    return document


@transaction.atomic
def verification_grant(*, vendor: Vendor, operator) -> VendorVerification:
    """The operator read the documents: the store carries the badge everywhere it shows."""
    verification = _verification_locked(vendor)
    if verification.status != VerificationStatus.PENDING:
        raise TrustRefused(
            _("Only a store waiting for review can be verified."),
            code=TrustErrorCode.NOT_PENDING,
        )
    if not VendorDocument.objects.filter(vendor=vendor).exists():
        raise TrustRefused(
            _("The store has not uploaded any document."), code=TrustErrorCode.NO_DOCUMENTS
        )
    if vendor.status != VendorStatus.APPROVED:
        raise TrustRefused(
            _("Only an approved store can be verified."),
            code=TrustErrorCode.STORE_NOT_APPROVED,
        )
    verification.status = VerificationStatus.VERIFIED
    verification.reason = ""
    verification.decided_at = timezone.now()
    verification.decided_by = operator
    verification.save()
    _badge_changed()
    _store_email(vendor=vendor, template="verification_granted", verification=verification)
    return verification


@transaction.atomic
def verification_withdraw(
    *, vendor: Vendor, operator, reason: str, status: str = VerificationStatus.WITHDRAWN
) -> VendorVerification:
    """Refuse a waiting store or take the badge from a verified one, with a reason the
    store reads; its documents are removed either way."""
    reason = reason.strip()
    if not reason:
        raise TrustRefused(
            _("Give a reason: the store will read it."), code=TrustErrorCode.REASON_REQUIRED
        )
    verification = _verification_locked(vendor)
    if verification.status not in (VerificationStatus.PENDING, VerificationStatus.VERIFIED):
        raise TrustRefused(
            _("This store is neither verified nor waiting for review."),
            code=TrustErrorCode.NOT_VERIFIED,
        )
    was_verified = verification.is_verified
    verification.status = status
    verification.reason = reason
    verification.decided_at = timezone.now()
    verification.decided_by = operator
    verification.save()
    documents_remove(vendor=vendor)
    if was_verified:
        _badge_changed()
    _store_email(vendor=vendor, template="verification_withdrawn", verification=verification)
    return verification


def documents_remove(*, vendor: Vendor) -> int:
    documents = list(VendorDocument.objects.filter(vendor=vendor))
    VendorDocument.objects.filter(pk__in=[document.pk for document in documents]).delete()
    _files_delete(documents)
    return len(documents)


@transaction.atomic
def vendor_left(*, vendor_id: int, reason: str) -> None:
    """The store is no longer on the platform (suspended or rejected): no badge, no
    documents kept."""
    verification = (
        VendorVerification.objects.select_for_update().filter(vendor_id=vendor_id).first()
    )
    vendor = Vendor.objects.get(pk=vendor_id)
    if verification is not None and verification.status in (
        VerificationStatus.PENDING,
        VerificationStatus.VERIFIED,
    ):
        was_verified = verification.is_verified
        verification.status = VerificationStatus.WITHDRAWN
        verification.reason = reason
        verification.decided_at = timezone.now()
        verification.decided_by = None
        verification.save()
        if was_verified:
            _badge_changed()
    documents_remove(vendor=vendor)


def _store_email(*, vendor: Vendor, template: str, verification: VendorVerification) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        templated_email_send(
            template=f"trust/emails/{template}",
            context={
                "vendor": vendor,
                "verification": verification,
                "site_name": settings.OSCAR_SHOP_NAME,
            },
            recipients=[vendor.email],
            html=False,
        )
