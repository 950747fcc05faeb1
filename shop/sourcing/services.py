"""Writes of requests and offers. Each takes the request's row lock before changing its
offers, so an offer is never edited while it is being accepted (shop/sourcing/awards.py)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.core.quantities import quantity_is_whole
from shop.sourcing.error_codes import SourcingErrorCode
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import (
    OfferStatus,
    RequestStatus,
    SourcingOffer,
    SourcingRequest,
)
from shop.sourcing.notifications import (
    offers_not_chosen_notify_on_commit,
    request_stores_notify_on_commit,
)
from shop.sourcing.search import request_text_fold, request_vector_write
from shop.sourcing.selectors import vendor_may_offer
from vendors.models import Vendor, VendorStatus


@dataclass(frozen=True)
class OfferTerms:
    price: Decimal
    quantity: Decimal
    lead_time_days: int
    valid_until: date
    delivery_price: Decimal | None = None
    message: str = ""
    stockrecord_id: int | None = None


def request_create(*, requester, fields: dict, invited_vendors=()) -> SourcingRequest:
    """Post a request (the form has checked its fields) and tell the matching stores
    once it is committed."""
    with transaction.atomic():
        fields = {**fields, "picture": fields.get("picture") or ""}
        request = SourcingRequest(
            requester=requester, currency=settings.OSCAR_DEFAULT_CURRENCY, **fields
        )
        request_text_fold(request)
        request.full_clean()
        request.save()
        request_vector_write(request_id=request.pk)
        if invited_vendors:
            request.invited_vendors.set(invited_vendors)
        request_stores_notify_on_commit(request_id=request.pk)
    return request


def request_lock(*, request_id: int) -> SourcingRequest:
    return SourcingRequest.objects.select_for_update(of=("self",)).get(pk=request_id)


@transaction.atomic
def request_close(*, request_id: int, user) -> SourcingRequest:
    """The requester closes the request: no more offers; accepted ones stand."""
    request = request_lock(request_id=request_id)
    if request.requester_id != user.pk:
        raise SourcingRefused(
            _("Only whoever posted the request can close it."), code=SourcingErrorCode.NOT_YOURS
        )
    if not request.is_open:
        raise SourcingRefused(_("This request is no longer open."), code=SourcingErrorCode.NOT_OPEN)
    _request_finish(request, RequestStatus.CLOSED)
    return request


def requests_expire(*, today: date | None = None) -> int:
    """Close the open requests whose needed-by date has passed; returns how many."""
    today = today or timezone.localdate()
    expired = 0
    due = SourcingRequest.objects.filter(status=RequestStatus.OPEN, needed_by__lt=today)
    for request_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            request = request_lock(request_id=request_id)
            if request.is_open and request.needed_by < today:
                _request_finish(request, RequestStatus.EXPIRED)
                expired += 1
    return expired


def _request_finish(request: SourcingRequest, status: str) -> None:
    """The request leaves the board; offers still waiting were not chosen."""
    request.status = status
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "closed_at", "updated_at"])
    offers_not_chosen(request)


@transaction.atomic
def offer_save(*, request_id: int, vendor: Vendor, terms: OfferTerms) -> SourcingOffer:
    """Send the store's offer on a request, or change it (a withdrawn offer is sent
    again); refused once it was accepted or the request closed."""
    request = request_lock(request_id=request_id)
    if not request.is_open:
        raise SourcingRefused(_("This request is no longer open."), code=SourcingErrorCode.NOT_OPEN)
    if vendor.status != VendorStatus.APPROVED:
        raise SourcingRefused(
            _("Only an approved store can send offers."),
            code=SourcingErrorCode.STORE_NOT_APPROVED,
        )
    if request.buyer_vendor_id == vendor.pk:
        raise SourcingRefused(
            _("A store cannot offer on its own request."), code=SourcingErrorCode.OWN_REQUEST
        )
    if not vendor_may_offer(request=request, vendor=vendor):
        raise SourcingRefused(
            _("This request is for invited stores only."), code=SourcingErrorCode.NOT_INVITED
        )
    if terms.stockrecord_id is not None:
        product_units_whole_check(quantity=terms.quantity)
    offer = (
        SourcingOffer.objects.select_for_update(of=("self",))
        .filter(request=request, vendor=vendor)
        .first()
    )
    if offer is not None and not offer.is_editable:
        raise SourcingRefused(
            _("This offer can no longer be changed."), code=SourcingErrorCode.OFFER_NOT_EDITABLE
        )
    offer = offer or SourcingOffer(request=request, vendor=vendor)
    offer.price = terms.price
    offer.quantity = terms.quantity
    offer.lead_time_days = terms.lead_time_days
    offer.valid_until = terms.valid_until
    offer.delivery_price = terms.delivery_price
    offer.message = terms.message
    offer.stockrecord_id = terms.stockrecord_id
    offer.status = OfferStatus.SENT
    offer.full_clean(exclude=["request", "vendor"])
    offer.save()
    return offer


def product_units_whole_check(*, quantity: Decimal) -> None:
    """An offer linked to one of the store's products sells that product, counted (and
    its stock promised) in whole units: refuse a part of one."""
    if not quantity_is_whole(quantity):
        raise SourcingRefused(
            _(
                "One of your products is sold by the unit: enter a whole quantity, or send "
                "the offer as made for this request."
            ),
            code=SourcingErrorCode.QUANTITY_NOT_WHOLE,
        )


@transaction.atomic
def offer_withdraw(*, offer_id: int, vendor: Vendor) -> SourcingOffer:
    offer = SourcingOffer.objects.filter(pk=offer_id, vendor=vendor).values("request_id").first()
    if offer is None:
        raise SourcingOffer.DoesNotExist
    request_lock(request_id=offer["request_id"])
    offer = SourcingOffer.objects.select_for_update(of=("self",)).get(pk=offer_id)
    if offer.status != OfferStatus.SENT:
        raise SourcingRefused(
            _("This offer can no longer be withdrawn."),
            code=SourcingErrorCode.OFFER_NOT_EDITABLE,
        )
    offer.status = OfferStatus.WITHDRAWN
    offer.save(update_fields=["status", "updated_at"])
    return offer


def offers_not_chosen(request: SourcingRequest) -> None:
    """The request (locked) closed: offers still waiting were not chosen, and their
    stores are told once it is committed."""
    if request.offers.filter(status=OfferStatus.SENT).update(
        status=OfferStatus.REJECTED, updated_at=timezone.now()
    ):
        offers_not_chosen_notify_on_commit(request_id=request.pk)
