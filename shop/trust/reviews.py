"""Writes for reviews: the buyer of a delivered part is invited to rate its products and
the store; only that buyer rates the store, once per part; the store answers each review
once, in public, and may ask an operator to remove an abusive one. The store's ratings are
summed up again, under a lock on its row, whenever a review appears or disappears."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from shop.trust.error_codes import TrustErrorCode
from shop.trust.exceptions import TrustRefused
from shop.trust.models import (
    RATING_FIELDS,
    ProductReviewReply,
    ReportOutcome,
    ReviewReport,
    StoreRating,
    StoreReview,
)
from shop.trust.selectors import store_ratings_forget
from vendors.models import LINE_CANCELLED, Vendor, VendorOrder, VendorOrderStatus

ProductReview = get_model("reviews", "ProductReview")


@dataclass(frozen=True)
class StoreScores:
    as_described: int
    delivery: int
    communication: int
    body: str = ""


def store_rating_refresh(*, vendor_id: int) -> StoreRating:
    """Sum the store's published reviews up again into its rating row."""
    StoreRating.objects.get_or_create(vendor_id=vendor_id)
    rating = StoreRating.objects.select_for_update().get(vendor_id=vendor_id)
    totals = StoreReview.objects.filter(vendor_id=vendor_id, is_published=True).aggregate(
        count=Count("pk"), **{name: Avg(name) for name in RATING_FIELDS}
    )
    rating.review_count = totals["count"]
    for name in RATING_FIELDS:
        setattr(rating, name, Decimal(totals[name] or 0).quantize(Decimal("0.01")))
    rating.overall = (
        sum((getattr(rating, name) for name in RATING_FIELDS), Decimal(0)) / len(RATING_FIELDS)
    ).quantize(Decimal("0.01"))
    rating.save()
    store_ratings_forget()
    return rating


def store_review_permitted(*, user, vendor_order: VendorOrder) -> bool:
    return bool(
        user.is_authenticated
        and vendor_order.order.user_id == user.pk
        and vendor_order.status == VendorOrderStatus.DELIVERED
        and not StoreReview.objects.filter(vendor_order=vendor_order).exists()
    )


@transaction.atomic
def store_review_create(*, user, vendor_order_id: int, scores: StoreScores) -> StoreReview:
    """The buyer's rating of the store for the part it received."""
    vendor_order = (
        VendorOrder.objects.select_for_update().select_related("order").get(pk=vendor_order_id)
    )
    if not store_review_permitted(user=user, vendor_order=vendor_order):
        raise TrustRefused(
            _("Only the buyer who received this part can rate the store, once."),
            code=TrustErrorCode.REVIEW_NOT_PERMITTED,
        )
    values = {name: getattr(scores, name) for name in RATING_FIELDS}
    if any(not isinstance(value, int) or not 1 <= value <= 5 for value in values.values()):
        raise TrustRefused(
            _("Rate each point from 1 to 5 stars."), code=TrustErrorCode.REVIEW_RATING
        )
    review = StoreReview.objects.create(
        vendor_order=vendor_order,
        vendor_id=vendor_order.vendor_id,
        user=user,
        body=scores.body.strip(),
        **values,
    )
    store_rating_refresh(vendor_id=vendor_order.vendor_id)
    return review


def _reply_checked(body: str) -> str:
    body = body.strip()
    if not body:
        raise TrustRefused(_("Write the reply."), code=TrustErrorCode.REVIEW_RATING)
    return body


@transaction.atomic
def store_review_reply(*, vendor: Vendor, review_id: int, body: str) -> StoreReview:
    """The store's one public answer to a review of it."""
    review = StoreReview.objects.select_for_update().get(pk=review_id, vendor=vendor)
    if review.replied_at is not None:
        raise TrustRefused(
            _("The store has already answered this review."), code=TrustErrorCode.REPLY_EXISTS
        )
    review.reply = _reply_checked(body)
    review.replied_at = timezone.now()
    review.save(update_fields=["reply", "replied_at"])
    return review


def vendor_product_reviews(*, vendor: Vendor):
    return ProductReview.objects.filter(
        product__stockrecords__partner_id=vendor.partner_id
    ).distinct()


@transaction.atomic
def product_review_reply(*, vendor: Vendor, review_id: int, body: str) -> ProductReviewReply:
    """The store's one public answer to a review of one of its products."""
    review = vendor_product_reviews(vendor=vendor).get(pk=review_id)
    try:
        with transaction.atomic():
            return ProductReviewReply.objects.create(
                review=review, vendor=vendor, body=_reply_checked(body)
            )
    except IntegrityError as error:
        raise TrustRefused(
            _("The store has already answered this review."), code=TrustErrorCode.REPLY_EXISTS
        ) from error


@transaction.atomic
def review_report(
    *, vendor: Vendor, reason: str, store_review_id=None, product_review_id=None
) -> ReviewReport:
    """The store asks an operator to remove an abusive review of it or of its products."""
    reason = reason.strip()
    if not reason:
        raise TrustRefused(
            _("Say why the review should be removed."), code=TrustErrorCode.REASON_REQUIRED
        )
    if store_review_id is not None:
        target = {"store_review": StoreReview.objects.get(pk=store_review_id, vendor=vendor)}
    else:
        target = {"product_review": vendor_product_reviews(vendor=vendor).get(pk=product_review_id)}
    try:
        with transaction.atomic():
            return ReviewReport.objects.create(vendor=vendor, reason=reason, **target)
    except IntegrityError as error:
        raise TrustRefused(
            _("The operators are already looking at this review."),
            code=TrustErrorCode.REPORT_EXISTS,
        ) from error


@transaction.atomic
def review_report_decide(*, report_id: int, operator, remove: bool) -> ReviewReport:
    """Remove the reported review (it no longer shows nor counts) or keep it."""
    report = ReviewReport.objects.select_for_update().get(pk=report_id)
    if report.outcome != ReportOutcome.OPEN:
        raise TrustRefused(_("This report was already decided."), code=TrustErrorCode.REPORT_EXISTS)
    report.outcome = ReportOutcome.REMOVED if remove else ReportOutcome.KEPT
    report.decided_at = timezone.now()
    report.decided_by = operator
    report.save()
    if remove and report.store_review_id:
        StoreReview.objects.filter(pk=report.store_review_id).update(
            is_published=False, removal_reason=report.reason
        )
        store_rating_refresh(vendor_id=report.vendor_id)
    elif remove:
        review = ProductReview.objects.get(pk=report.product_review_id)
        review.status = ProductReview.REJECTED
        review.save()  # Oscar's save recomputes the product's rating
    return report


def review_invitation_send(*, vendor_order_id: int) -> bool:
    """E-mail the buyer of a delivered part the links to rate its products and the store.
    Guests (no account to review with) are not invited."""
    vendor_order = VendorOrder.objects.select_related("order__user", "vendor").get(
        pk=vendor_order_id
    )
    user = vendor_order.order.user
    if user is None or not user.email:
        return False
    lines = (
        vendor_order.order.lines.filter(partner_id=vendor_order.vendor.partner_id)
        .exclude(status=LINE_CANCELLED)
        .exclude(product__isnull=True)
        .select_related("product")
    )
    with translation.override(settings.LANGUAGE_CODE):
        products = [
            (
                line.product.get_title(),
                absolute_url(
                    reverse(
                        "catalogue:reviews-add",
                        kwargs={"product_slug": line.product.slug, "product_pk": line.product_id},
                    )
                ),
            )
            for line in lines
        ]
        store_url = absolute_url(
            reverse("trust:store-review", kwargs={"number": vendor_order.number})
        )
        templated_email_send(
            template="trust/emails/review_invitation",
            context={
                "vendor_order": vendor_order,
                "vendor": vendor_order.vendor,
                "products": products,
                "store_url": store_url,
                "site_name": settings.OSCAR_SHOP_NAME,
            },
            recipients=[user.email],
            html=False,
        )
    return True
