"""The demo's conversations not on an offer: a buyer asks a store about one of its
products and the store answers; another buyer's thread with a store asks to pay outside
the platform, and the store reported it, so an operator has something to read in the
console. Created once."""

from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from shop.sourcing.conversations import conversation_start, message_post
from shop.sourcing.models import Conversation
from shop.sourcing.reports import conversation_report

Product = get_model("catalogue", "Product")
User = get_user_model()

QUESTION = (
    (False, "Buenas tardes. ¿Lo tienen disponible esta semana? Necesito tres."),
    (True, "Buenas tardes. Sí, hay tres; puede recogerlos en nuestro punto o se los llevamos."),
)
REPORTED = (
    (False, "Le pago por transferencia fuera de la plataforma si me rebaja, llame al 5 234 5678."),
    (True, "Preferimos vender por Encadena: así queda la factura y el seguimiento del envío."),
)
REPORT_REASON = "Nos pide pagar fuera de la plataforma."


def demo_store_questions_seed(*, stores: dict, writer) -> int:
    """`stores` = {code: partner}; `writer(vendor)` is who answers for a store. Returns
    how many demo conversations not on offers there are."""
    if Conversation.objects.filter(
        product__isnull=False, buyer__email__endswith="@encadena.test"
    ).exists():
        return Conversation.objects.exclude(subject="offer").count()
    buyers = list(
        User.objects.filter(
            email__startswith="compras.", email__endswith="@encadena.test"
        ).order_by("pk")[:2]
    )
    partners = [partner for _code, partner in sorted(stores.items())]
    for buyer, partner, exchange, report in (
        (buyers[0], partners[0], QUESTION, False),
        (buyers[1], partners[1], REPORTED, True),
    ):
        vendor = partner.vendor
        product = (
            Product.objects.filter(stockrecords__partner=partner, is_public=True)
            .order_by("pk")
            .first()
        )
        conversation = conversation_start(buyer=buyer, vendor=vendor, product=product)
        store_writer = writer(vendor)
        for from_store, text in exchange:
            message_post(
                conversation=conversation,
                author=store_writer if from_store else buyer,
                from_store=from_store,
                body=text,
            )
        if report:
            conversation_report(
                conversation=conversation, reporter=store_writer, reason=REPORT_REASON
            )
    return 2
