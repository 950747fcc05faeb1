"""Company accounts: creating one (or one for a store, in one click), its members and
their roles, invitations by e-mail and addresses. Only an owner manages members; a
company always keeps one owner."""

import secrets
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.companies.error_codes import CompanyErrorCode
from shop.companies.exceptions import CompanyRefused
from shop.companies.models import (
    Company,
    CompanyAddress,
    CompanyInvitation,
    CompanyMember,
    CompanyRole,
)
from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from vendors.models import Vendor
from vendors.validators import nit_validate


@dataclass(frozen=True)
class CompanyFields:
    legal_name: str
    nit: str
    actor_type: str


def _owner_check(*, company: Company, user) -> None:
    if not CompanyMember.objects.filter(
        company=company, user=user, role=CompanyRole.OWNER
    ).exists():
        raise CompanyRefused(
            _("Only an owner of the company can manage its members."),
            code=CompanyErrorCode.NOT_OWNER,
        )


@transaction.atomic
def company_create(*, fields: CompanyFields, owner, vendor: Vendor | None = None) -> Company:
    """A company with `owner` as its first owner. Raises CompanyRefused (a NIT already
    registered) or ValidationError (a NIT that is not 11 digits)."""
    nit = fields.nit.strip()
    nit_validate(nit)
    legal_name = fields.legal_name.strip()
    if not legal_name:
        raise CompanyRefused(
            _("Write the company's legal name as it appears on its papers."),
            code=CompanyErrorCode.TERMS_INVALID,
        )
    try:
        with transaction.atomic():
            company = Company.objects.create(
                legal_name=legal_name,
                nit=nit,
                actor_type=fields.actor_type,
                vendor=vendor,
                created_by=owner,
            )
    except IntegrityError as error:
        raise CompanyRefused(
            _(
                "A company with NIT %(nit)s is already registered: ask one of its owners "
                "to invite you."
            )
            % {"nit": nit},
            code=CompanyErrorCode.NIT_TAKEN,
        ) from error
    CompanyMember.objects.create(company=company, user=owner, role=CompanyRole.OWNER)
    return company


@transaction.atomic
def company_for_vendor(*, vendor: Vendor, user) -> Company:
    """One click: the store `user` works for buys as itself (its legal name, NIT and
    type of actor). The store's first member to ask owns it; later ones join it as
    buyers."""
    if not vendor.memberships.filter(user=user).exists():
        raise CompanyRefused(
            _("Only the store's team can buy as the store."), code=CompanyErrorCode.NOT_MEMBER
        )
    company = Company.objects.select_for_update().filter(vendor=vendor).first()
    if company is None:
        return company_create(
            fields=CompanyFields(
                legal_name=vendor.legal_name, nit=vendor.nit, actor_type=vendor.actor_type
            ),
            owner=user,
            vendor=vendor,
        )
    CompanyMember.objects.get_or_create(
        company=company, user=user, defaults={"role": CompanyRole.BUYER}
    )
    return company


def _limit(value) -> Decimal | None:
    if value in (None, ""):
        return None
    limit = Decimal(value)
    if limit < 0:
        raise CompanyRefused(
            _("The spending limit cannot be negative."), code=CompanyErrorCode.TERMS_INVALID
        )
    return limit


@transaction.atomic
def invitation_create(
    *, company: Company, email: str, role: str, spending_limit, invited_by
) -> CompanyInvitation:
    """An owner invites someone by e-mail with a role (and, for buyers, a spending
    limit); the e-mail carries the link that accepts it."""
    _owner_check(company=company, user=invited_by)
    email = email.strip().lower()
    if CompanyMember.objects.filter(company=company, user__email__iexact=email).exists():
        raise CompanyRefused(
            _("%(email)s is already a member of the company.") % {"email": email},
            code=CompanyErrorCode.ALREADY_MEMBER,
        )
    invitation = CompanyInvitation.objects.create(
        company=company,
        email=email,
        role=CompanyRole(role),
        spending_limit=_limit(spending_limit),
        invited_by=invited_by,
        token=secrets.token_urlsafe(32),
    )
    with translation.override(settings.LANGUAGE_CODE):
        url = absolute_url(reverse("companies:invitation", kwargs={"token": invitation.token}))
        templated_email_send(
            template="companies/emails/invitation",
            context={
                "company": company,
                "invitation": invitation,
                "invitation_url": url,
                "role": invitation.get_role_display(),
                "site_name": settings.OSCAR_SHOP_NAME,
            },
            recipients=[email],
            html=False,
        )
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user) -> CompanyMember:
    invitation = (
        CompanyInvitation.objects.select_for_update()
        .filter(token=token, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        raise CompanyRefused(
            _("This invitation is not valid or was already used."),
            code=CompanyErrorCode.INVITATION_INVALID,
        )
    if invitation.email != (user.email or "").lower():
        raise CompanyRefused(
            _("This invitation was sent to another e-mail address."),
            code=CompanyErrorCode.INVITATION_EMAIL,
        )
    member, _created = CompanyMember.objects.get_or_create(
        company=invitation.company,
        user=user,
        defaults={"role": invitation.role, "spending_limit": invitation.spending_limit},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return member


def _other_owner_exists(*, company: Company, member: CompanyMember) -> bool:
    return (
        CompanyMember.objects.filter(company=company, role=CompanyRole.OWNER)
        .exclude(pk=member.pk)
        .exists()
    )


@transaction.atomic
def member_update(
    *, company: Company, member_id: int, role: str, spending_limit, actor
) -> CompanyMember:
    _owner_check(company=company, user=actor)
    # The company's owners are read under their rows' locks: two owners demoting each
    # other at once cannot leave it with none.
    list(CompanyMember.objects.select_for_update().filter(company=company, role="owner"))
    member = CompanyMember.objects.select_for_update().get(company=company, pk=member_id)
    if (
        member.role == CompanyRole.OWNER
        and role != CompanyRole.OWNER
        and not _other_owner_exists(company=company, member=member)
    ):
        raise CompanyRefused(
            _("The company needs at least one owner: name another owner first."),
            code=CompanyErrorCode.LAST_OWNER,
        )
    member.role = CompanyRole(role)
    member.spending_limit = _limit(spending_limit)
    member.save(update_fields=["role", "spending_limit"])
    return member


@transaction.atomic
def member_remove(*, company: Company, member_id: int, actor) -> None:
    _owner_check(company=company, user=actor)
    list(CompanyMember.objects.select_for_update().filter(company=company, role="owner"))
    member = CompanyMember.objects.select_for_update().get(company=company, pk=member_id)
    if member.role == CompanyRole.OWNER and not _other_owner_exists(company=company, member=member):
        raise CompanyRefused(
            _("The company needs at least one owner: name another owner first."),
            code=CompanyErrorCode.LAST_OWNER,
        )
    member.delete()


def address_add(*, company: Company, fields: dict) -> CompanyAddress:
    address = CompanyAddress(company=company, **fields)
    try:
        address.full_clean()
    except ValidationError as error:
        raise CompanyRefused(
            " ".join(error.messages), code=CompanyErrorCode.TERMS_INVALID
        ) from error
    address.save()
    return address


def address_delete(*, company: Company, address_id: int) -> None:
    CompanyAddress.objects.filter(company=company, pk=address_id).delete()
