"""The demo's trust: the demo vendor's store sent its registration and is verified, and
the demo shopper rated the stores of the parts it received; the stores answered one store
review and one product review. Created once."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from shop.demo import data
from shop.trust.models import ProductReviewReply, StoreReview
from shop.trust.reviews import (
    StoreScores,
    product_review_reply,
    store_review_create,
    store_review_reply,
)
from shop.trust.selectors import verified_vendor_ids
from shop.trust.services import document_upload, verification_grant
from vendors.models import Vendor, VendorOrder, VendorOrderStatus

ProductReview = get_model("reviews", "ProductReview")
User = get_user_model()

# A one-page PDF saying what the paper is; the demo has no real documents.
DEMO_REGISTRATION = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R"
    b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>endobj\n"
    b"4 0 obj<</Length 58>>stream\nBT /F1 14 Tf 20 70 Td (Inscripcion - datos de demo) Tj ET\n"
    b"endstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

STORE_SCORES = (
    StoreScores(5, 5, 4, "Todo llegó como en las fotos y a tiempo."),
    StoreScores(4, 3, 5, "Muy amables; la entrega tardó un día más de lo dicho."),
    StoreScores(5, 4, 5, ""),
)
STORE_REPLY = "Gracias por su compra. Lo esperamos de nuevo."
PRODUCT_REPLY = "¡Gracias! Nos alegra que le haya gustado."


def demo_trust_seed() -> int:
    """Returns how many store reviews the demo has."""
    operator = User.objects.get(email=data.ACCOUNTS[0].email)
    vendor = Vendor.objects.get(partner__code=data.VENDOR_ACCOUNT_STORE.lower())
    if vendor.pk not in verified_vendor_ids():
        document_upload(
            vendor=vendor,
            kind="registration",
            upload=SimpleUploadedFile("inscripcion.pdf", DEMO_REGISTRATION, "application/pdf"),
            user=vendor.memberships.first().user,
        )
        verification_grant(vendor=vendor, operator=operator)
    buyer = User.objects.get(email=data.ACCOUNTS[1].email)
    if not StoreReview.objects.filter(user=buyer).exists():
        parts = VendorOrder.objects.filter(
            order__user=buyer, status=VendorOrderStatus.DELIVERED
        ).order_by("pk")
        for part, scores in zip(parts, STORE_SCORES, strict=False):
            review = store_review_create(user=buyer, vendor_order_id=part.pk, scores=scores)
            if scores is STORE_SCORES[0]:
                store_review_reply(vendor=part.vendor, review_id=review.pk, body=STORE_REPLY)
    review = ProductReview.objects.filter(user=buyer).order_by("pk").first()
    if review is not None and not ProductReviewReply.objects.filter(review=review).exists():
        store = Vendor.objects.get(partner__stockrecords__product=review.product)
        product_review_reply(vendor=store, review_id=review.pk, body=PRODUCT_REPLY)
    return StoreReview.objects.filter(user=buyer).count()
