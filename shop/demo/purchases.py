"""How the demo places a purchase (through the one placement path, as a buyer at the
checkout would) and the demo shopper's purchases paid in a gateway's own app: one per
gateway with a payment link (EnZona, Transfermóvil) that is configured, its payment
recorded as the gateway confirmed it, so the operators' reconciliation has them. The
gateway is never called: the seed runs before its fakes start, or without them."""

from oscar.core.loading import get_model

from logistics.delivery import basket_vendor_parts
from logistics.models import Municipality
from payments.interface import Capability, Money, PaymentState, PaymentStatus
from payments.models import Payment
from payments.selectors import gateway_names_with
from payments.services import payment_status_apply
from shop.apps.checkout.placement import PlacedPurchase, purchase_place
from shop.apps.partner.strategy import Selector
from shop.demo import data
from vendors.orders.transitions import ActorRole, vendor_order_transition

Basket = get_model("basket", "Basket")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")


def demo_purchase_place(
    *,
    buyer,
    partners: list,
    cuba,
    payment_method: str,
    quantity: int = 2,
    least_stock: int = 5,
    **placement,
) -> PlacedPurchase:
    """`quantity` units of the first product of each of `partners` with at least
    `least_stock` in stock, delivered to the demo address by each store's first option,
    placed as the checkout places it (`placement`: more of purchase_place's arguments)."""
    municipality = Municipality.objects.get(
        name=data.PURCHASE_ADDRESS["line4"], province__name=data.PURCHASE_ADDRESS["state"]
    )
    basket = Basket.objects.create(owner=buyer)
    basket.strategy = Selector().strategy(user=buyer)
    for partner in partners:
        record = (
            StockRecord.objects.filter(partner=partner, num_in_stock__gte=least_stock)
            .select_related("product")
            .order_by("pk")
            .first()
        )
        basket.add_product(record.product, quantity=quantity)
    choices = {
        part.key: part.options[0].code
        for part in basket_vendor_parts(basket=basket, municipality=municipality)
    }
    return purchase_place(
        basket=basket,
        user=buyer,
        choices=choices,
        notify=False,
        shipping_address=ShippingAddress(country=cuba, **data.PURCHASE_ADDRESS),
        payment_method=payment_method,
        **placement,
    )


def demo_parts_progress(*, order, progress: tuple[str, ...]) -> None:
    """Move each part as far as `progress` says (data.PROGRESS_STEPS), as its store would."""
    for vendor_order, reached in zip(
        order.vendor_orders.order_by("sequence"), progress, strict=True
    ):
        for step in data.PROGRESS_STEPS[reached]:
            role = ActorRole.BUYER if step == "cancelled" else ActorRole.VENDOR
            vendor_order_transition(
                vendor_order_id=vendor_order.pk,
                to_status=step,
                actor=None,
                actor_role=role,
                reason=data.REJECTION_REASON if step == "rejected" else "",
            )


def demo_link_payments_seed(*, buyer, partners: list, cuba) -> list[PlacedPurchase]:
    """The demo shopper's purchase paid in each link gateway's app (once per gateway):
    placed without calling the gateway, then the gateway's confirmation recorded by the
    payment services, which hand the parts to their stores."""
    placed = []
    for index, gateway in enumerate(gateway_names_with(Capability.PAYMENT_LINK)):
        if Payment.objects.filter(order__user=buyer, gateway=gateway).exists():
            continue
        progress = data.LINK_PAYMENT_PROGRESS[index % len(data.LINK_PAYMENT_PROGRESS)]
        purchase = demo_purchase_place(
            buyer=buyer,
            partners=partners[: len(progress)],
            cuba=cuba,
            payment_method=gateway,
            payment_recorded_by_caller=True,
        )
        payment = purchase.payment
        payment_status_apply(
            payment_id=payment.pk,
            status=PaymentStatus(
                gateway_reference=f"DEMO-{gateway.upper()}-{payment.reference}",
                state=PaymentState.CAPTURED,
                amount_captured=Money(payment.amount, payment.currency),
            ),
        )
        demo_parts_progress(order=purchase.order, progress=progress)
        placed.append(purchase)
    return placed
