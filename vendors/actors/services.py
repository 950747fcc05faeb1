"""Writes for vendors: applying, deciding on applications, memberships."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from vendors.error_codes import VendorErrorCode
from vendors.exceptions import VendorTransitionError
from vendors.models import (
    MembershipRole,
    Vendor,
    VendorInvitation,
    VendorMembership,
    VendorStatus,
    VendorStatusChange,
)

Partner = get_model("partner", "Partner")
User = get_user_model()

APPROVED_PARTNERS_CACHE_KEY = "vendors:approved-partner-ids"

# status -> the statuses an operator may move it to
TRANSITIONS = {
    VendorStatus.APPLIED: {VendorStatus.APPROVED, VendorStatus.REJECTED},
    VendorStatus.APPROVED: {VendorStatus.SUSPENDED},
    VendorStatus.SUSPENDED: {VendorStatus.APPROVED},
    VendorStatus.REJECTED: {VendorStatus.APPROVED},
}
REASON_REQUIRED = {VendorStatus.REJECTED, VendorStatus.SUSPENDED}


@dataclass(frozen=True)
class VendorApplication:
    actor_type: str
    legal_name: str
    trade_name: str
    nit: str
    sectors: tuple
    province: object
    municipality: object
    address: str
    description: str
    phone: str
    email: str
    logo: object = None  # a cleaned ContentFile, or None
    has_store: bool = True  # False: a profile in the directory, no storefront or products


def vendor_slug_unique(*, name: str) -> str:
    base = slugify(name)[:70] or "tienda"
    slug, suffix = base, 2
    while Vendor.objects.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug


@transaction.atomic
def vendor_apply(*, application: VendorApplication, owner) -> Vendor:
    """Create an applied vendor, its store (Oscar partner) and the owner's membership."""
    partner = Partner.objects.create(name=application.trade_name)
    vendor = Vendor(
        partner=partner,
        actor_type=application.actor_type,
        legal_name=application.legal_name,
        trade_name=application.trade_name,
        nit=application.nit,
        province=application.province,
        municipality=application.municipality,
        address=application.address,
        description=application.description,
        phone=application.phone,
        email=application.email,
        slug=vendor_slug_unique(name=application.trade_name),
        status=VendorStatus.APPLIED,
        has_store=application.has_store,
    )
    if application.logo is not None:
        vendor.logo.save("logo.png", application.logo, save=False)
    vendor.save()
    vendor.sectors.set(application.sectors)
    VendorMembership.objects.create(vendor=vendor, user=owner, role=MembershipRole.OWNER)
    VendorStatusChange.objects.create(
        vendor=vendor, from_status="", to_status=VendorStatus.APPLIED, actor=owner
    )
    vendor_email_send(vendor=vendor, template="application_received")
    return vendor


@transaction.atomic
def vendor_status_change(*, vendor: Vendor, to_status: str, actor, reason: str = "") -> Vendor:
    """Move a vendor to `to_status`, record who and why, and tell the vendor by e-mail."""
    vendor = Vendor.objects.select_for_update().get(pk=vendor.pk)
    reason = reason.strip()
    if to_status not in TRANSITIONS.get(vendor.status, set()):
        raise VendorTransitionError(
            _("A vendor that is %(current)s cannot become %(new)s.")
            % {
                "current": VendorStatus(vendor.status).label.lower(),
                "new": VendorStatus(to_status).label.lower(),
            },
            code=VendorErrorCode.INVALID_TRANSITION,
        )
    if to_status in REASON_REQUIRED and not reason:
        raise VendorTransitionError(
            _("Give a reason: the vendor will read it."), code=VendorErrorCode.REASON_REQUIRED
        )
    from_status = vendor.status
    vendor.status = to_status
    vendor.status_reason = reason
    vendor.save(update_fields=["status", "status_reason", "updated_at"])
    VendorStatusChange.objects.create(
        vendor=vendor, from_status=from_status, to_status=to_status, reason=reason, actor=actor
    )
    vendor_email_send(vendor=vendor, template=f"status_{to_status}")
    return vendor


PROFILE_FIELDS = (
    "trade_name",
    "description",
    "province",
    "municipality",
    "address",
    "phone",
    "email",
    "offer_text",
    "need_text",
    "capacity",
    "certifications",
    "latitude",
    "longitude",
)
# The profile's choices of sectors and categories (many-to-many).
PROFILE_CHOICES = ("sectors", "offer_categories", "need_sectors", "need_categories")


@transaction.atomic
def vendor_profile_update(*, vendor: Vendor, data: dict) -> Vendor:
    """An owner's edit of the public profile; the store (partner) keeps the same name."""
    vendor = Vendor.objects.select_for_update().get(pk=vendor.pk)
    for name in PROFILE_FIELDS:
        value = data[name]
        setattr(vendor, name, value.strip() if isinstance(value, str) else value)
    if data.get("logo") is not None:
        vendor.logo.save("logo.png", data["logo"], save=False)
    vendor.save()
    for name in PROFILE_CHOICES:
        if name in data:
            getattr(vendor, name).set(data[name])
    Partner.objects.filter(pk=vendor.partner_id).update(name=vendor.trade_name)
    return vendor


def approved_partner_ids_forget() -> None:
    cache.delete(APPROVED_PARTNERS_CACHE_KEY)


def approved_partner_ids() -> frozenset[int]:
    """Ids of the partners whose vendor is approved: cached, cleared on every change."""
    ids = cache.get(APPROVED_PARTNERS_CACHE_KEY)
    if ids is None:
        ids = frozenset(
            Vendor.objects.filter(status=VendorStatus.APPROVED).values_list("partner_id", flat=True)
        )
        cache.set(APPROVED_PARTNERS_CACHE_KEY, ids, timeout=300)
    return ids


@transaction.atomic
def vendor_invitation_create(*, vendor: Vendor, email: str, invited_by) -> VendorInvitation:
    if not VendorMembership.objects.filter(
        vendor=vendor, user=invited_by, role=MembershipRole.OWNER
    ).exists():
        raise ValidationError(
            _("Only an owner of the store can invite staff."), code=VendorErrorCode.NOT_OWNER
        )
    invitation = VendorInvitation.objects.create(
        vendor=vendor,
        email=email.strip().lower(),
        invited_by=invited_by,
        token=secrets.token_urlsafe(32),
    )
    with translation.override(settings.LANGUAGE_CODE):
        url = absolute_url(
            reverse("vendor_dashboard:invitation", kwargs={"token": invitation.token})
        )
    vendor_email_send(
        vendor=vendor,
        template="invitation",
        recipient=invitation.email,
        extra={"invitation": invitation, "invitation_url": url},
    )
    return invitation


@transaction.atomic
def vendor_invitation_accept(*, token: str, user) -> VendorMembership:
    invitation = (
        VendorInvitation.objects.select_for_update()
        .filter(token=token, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        raise ValidationError(
            _("This invitation is not valid or was already used."),
            code=VendorErrorCode.INVITATION_INVALID,
        )
    if invitation.email != (user.email or "").lower():
        raise ValidationError(
            _("This invitation was sent to another e-mail address."),
            code=VendorErrorCode.INVITATION_EMAIL,
        )
    membership, _created = VendorMembership.objects.get_or_create(
        vendor=invitation.vendor, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def vendor_email_send(
    *, vendor: Vendor, template: str, recipient: str | None = None, extra: dict | None = None
) -> None:
    context = {"vendor": vendor, "site_name": settings.OSCAR_SHOP_NAME, **(extra or {})}
    with translation.override(settings.LANGUAGE_CODE):
        templated_email_send(
            template=f"vendors/emails/{template}",
            context=context,
            recipients=[recipient or vendor.email],
            html=False,
        )
