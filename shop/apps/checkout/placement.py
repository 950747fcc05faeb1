"""The one way a purchase is placed, whatever creates it: the web checkout, an order
taken by phone, the demo data (and later an accepted offer or a company order).

Two steps. First, in one transaction: the basket and delivery are checked again, the
units promised (guarded stock), the order and its vendor parts written, the billing
details and the payment's request recorded. Then, after commit and holding no lock,
the gateway is called. A refusal closes the purchase (its stock goes back on sale) and
raises PurchaseRefused; a crash in between leaves a pending payment that
reconciliation starts again with the same idempotency key, so nobody pays twice."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import django.dispatch
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from logistics.delivery import address_municipality, delivery_plan, delivery_plan_validate
from payments.exceptions import (
    GatewayMisconfigured,
    PaymentActionRequired,
    PaymentDeclined,
    PaymentError,
)
from payments.interface import Capability, PaymentStart
from payments.locks import payment_of_order_lock
from payments.models import Payment
from payments.selectors import gateway_can, gateway_places_at_once
from payments.services import payment_charge, payment_prepare, payment_refused
from shop.apps.checkout.error_codes import CheckoutErrorCode
from shop.apps.checkout.exceptions import PurchaseRefused
from shop.invoices.services import billing_details_record
from vendors.actors.merchant_accounts import store_merchant_id
from vendors.exceptions import OutOfStock
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.orders.locks import vendor_orders_lock
from vendors.orders.money import purchase_amount_to_pay
from vendors.orders.notifications import (
    purchase_confirmation_send_on_commit,
    purchase_placed_notify_on_commit,
)
from vendors.orders.transitions import ActorRole, vendor_order_transition
from vendors.pricing.services import basket_terms_check

OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Repository = get_class("shipping.repository", "Repository")
VendorDelivery = get_class("shipping.methods", "VendorDelivery")
Applicator = get_class("offer.applicator", "Applicator")
StrategySelector = get_class("partner.strategy", "Selector")
MarketplaceStrategy = get_class("partner.strategy", "Default")
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")

# Sent inside the placement's transaction, once the purchase is written, with `order`,
# `channel` ("" for the web) and `agent` (who took it, if someone did). Whoever keeps
# something about new purchases (the console keeps how each arrived) listens here.
purchase_placed = django.dispatch.Signal()


@dataclass(frozen=True)
class PlacedPurchase:
    order: Order
    payment: Payment | None  # None while the purchase waits for an approval
    started: PaymentStart | None
    held: bool = False


@dataclass(frozen=True)
class BuyerAccount:
    """A purchase made as a company (shop/companies builds it): the invoices go to the
    company's legal name and NIT; above `approval_limit` the purchase is held, its stock
    promised, until someone approves it (purchase_release); `placed(order=,
    payment_method=, held=)` runs inside the transaction (the company keeps the purchase,
    its stores' credit is taken) and may refuse it by raising a ValidationError. With
    `company_id` the basket is priced with the company's price lists."""

    company_name: str
    company_nit: str
    approval_limit: Decimal | None
    placed: Callable
    company_id: int | None = None


def _priced_for(*, basket, user, company_id: int | None, request) -> None:
    """Price `basket` for whom it is bought: a company's price lists for a purchase made
    as that company, the public prices otherwise, whatever the basket was priced with
    (a company chosen and then dropped). A strategy of its own (an offer's) is kept."""
    strategy = basket.strategy
    if type(strategy) is not MarketplaceStrategy or strategy.company_id == company_id:
        return
    basket.strategy = StrategySelector().strategy(user=user, company_id=company_id)
    basket._lines = None  # the lines are priced again with the new strategy
    basket.reset_offer_applications()
    Applicator().apply(basket, user, request)


def purchase_place(
    *,
    basket,
    shipping_address,
    choices: dict[str, str],
    payment_method: str,
    user=None,
    email: str = "",
    company_name: str = "",
    company_nit: str = "",
    language: str = "",
    channel: str = "",
    agent=None,
    order_number: str | None = None,
    request=None,
    notify: bool = True,
    payment_request_by_caller: bool = False,
    payment_recorded_by_caller: bool = False,
    on_placed=None,
    account: BuyerAccount | None = None,
    on_account_vendor_ids=frozenset(),
) -> PlacedPurchase:
    """Place `basket` (with its strategy set) for delivery to the unsaved
    `shipping_address`, with `choices` = {vendor part key: delivery option code}, paid
    with the gateway configured as `payment_method`. A company name and NIT bill it to
    a company. `channel` and `agent` say how it arrived and who took it; `on_placed(order,
    payment)` runs inside the transaction (the console's audit entry). With `notify`,
    the stores and the buyer hear of it as the payment method requires; a caller that
    sends the buyer the request to pay itself says `payment_request_by_caller`. With an
    `account` the purchase is the company's (see BuyerAccount); one it holds for an
    approval has no payment yet and nobody hears of it here. A caller that records the
    payment's outcome itself (one the gateway confirmed elsewhere: the demo's past
    purchases) says `payment_recorded_by_caller`, and the gateway is not called.
    Paid on account (a gateway that can), every part goes on its store's terms; with
    `on_account_vendor_ids` instead, the parts of those stores do (the company's
    `account.placed` takes their credit) and `payment_method` pays the rest: its payment
    takes only that, and every part waits for it, so a refused payment cancels them all.

    Must not run inside a transaction: the gateway is called after commit. Raises
    PurchaseRefused (and then nothing was charged, and no stock stays promised)."""
    user = user if getattr(user, "is_authenticated", False) else None
    whole_on_account = gateway_can(payment_method, Capability.PAY_ON_ACCOUNT)
    if account is not None:
        company_name, company_nit = account.company_name, account.company_nit
    elif whole_on_account or on_account_vendor_ids:
        raise PurchaseRefused(
            _("Payment on account is only for purchases made as a company."),
            code=CheckoutErrorCode.ON_ACCOUNT_WITHOUT_COMPANY,
        )
    try:
        with transaction.atomic():
            order, held = _purchase_write(
                basket=basket,
                shipping_address=shipping_address,
                choices=choices,
                payment_method=payment_method,
                user=user,
                email=email,
                order_number=order_number,
                request=request,
                channel=channel,
                agent=agent,
                approval_limit=account.approval_limit if account else None,
                company_id=account.company_id if account else None,
            )
            billing_details_record(
                order=order, language=language, company_name=company_name, company_nit=company_nit
            )
            _on_account_mark(
                order=order, vendor_ids=None if whole_on_account else on_account_vendor_ids
            )
            # A held purchase's payment is asked for once it is approved.
            payment = None if held else _payment_prepare(order=order, payment_method=payment_method)
            purchase_placed.send(sender=Order, order=order, channel=channel, agent=agent)
            if account is not None:
                account.placed(order=order, payment_method=payment_method, held=held)
            if on_placed is not None:
                on_placed(order, payment)
            basket.submit()
    except OutOfStock as error:
        raise PurchaseRefused(error.message, code=CheckoutErrorCode.STOCK) from error
    except ValidationError as error:  # delivery no longer possible, a store closed
        raise PurchaseRefused(" ".join(error.messages), code=_code(error)) from error
    if held:
        return PlacedPurchase(order=order, payment=None, started=None, held=True)
    if payment_recorded_by_caller:
        return PlacedPurchase(order=order, payment=payment, started=None)
    payment, started = _payment_start(payment=payment, order=order, basket=basket)
    if notify:
        _notices(
            order=order,
            payment_method=payment_method,
            language=language or None,
            payment_request_by_caller=payment_request_by_caller,
        )
    return PlacedPurchase(order=order, payment=payment, started=started)


def _purchase_write(
    *,
    basket,
    shipping_address,
    choices,
    payment_method,
    user,
    email,
    order_number,
    request,
    channel,
    agent,
    approval_limit=None,
    company_id=None,
) -> tuple[Order, bool]:
    if basket.is_empty:
        raise PurchaseRefused(_("The basket is empty."), code=CheckoutErrorCode.EMPTY_BASKET)
    _priced_for(basket=basket, user=user, company_id=company_id, request=request)
    # Today's wholesale terms, whatever they were when the lines were added (TermsRefused).
    basket_terms_check(basket=basket, buyer=user)
    plan = delivery_plan(
        basket=basket, municipality=address_municipality(shipping_address), choices=choices
    )
    delivery_plan_validate(plan)
    # The same method, with the same shipping offers, as the checkout pages show.
    method = VendorDelivery(plan)
    if basket.has_shipping_discounts:
        method = Repository().apply_shipping_offers(basket, [method])[0]
    charge = method.calculate(basket)
    total = OrderTotalCalculator(request).calculate(basket, charge)
    _shipping_address_keep(user=user, shipping_address=shipping_address)
    held = approval_limit is not None and total.incl_tax > approval_limit
    status = (
        VendorOrderStatus.PLACED
        if gateway_places_at_once(payment_method) and not held
        else VendorOrderStatus.PENDING_PAYMENT
    )
    order = OrderCreator().place_order(
        basket=basket,
        total=total,
        shipping_method=method,
        shipping_charge=charge,
        user=user,
        shipping_address=shipping_address,
        order_number=order_number or OrderNumberGenerator().order_number(basket),
        status=status,
        guest_email="" if user else email,
        request=request,
    )
    return order, held


def purchase_release(*, order_id: int, payment_method: str, approve: Callable) -> PlacedPurchase:
    """Let a held purchase go on as if just placed: its payment is asked for and started,
    its parts go to their stores at once when the method allows, and the stores and the
    buyer hear of it. `approve()` runs last inside the transaction (the company records
    who approved it) and may refuse by raising, which keeps the purchase held. Must not
    run inside a transaction: the gateway is called after commit."""
    with transaction.atomic():
        payment_of_order_lock(order_id=order_id)
        order = Order.objects.get(pk=order_id)
        payment = _payment_prepare(order=order, payment_method=payment_method)
        if gateway_places_at_once(payment_method):
            for vendor_order in vendor_orders_lock(
                order_id=order_id, status=VendorOrderStatus.PENDING_PAYMENT
            ):
                vendor_order_transition(
                    vendor_order_id=vendor_order.pk,
                    to_status=VendorOrderStatus.PLACED,
                    actor=None,
                    actor_role=ActorRole.SYSTEM,
                )
        approve()
    payment, started = _payment_start(payment=payment, order=order, basket=None)
    _notices(
        order=order,
        payment_method=payment_method,
        language=None,
        payment_request_by_caller=False,
    )
    return PlacedPurchase(order=order, payment=payment, started=started)


def _on_account_mark(*, order: Order, vendor_ids) -> None:
    """The parts that go on their stores' terms: all of them (`vendor_ids` None), or
    those of `vendor_ids`, with at least one part left for the payment to take."""
    if vendor_ids is not None and not vendor_ids:
        return
    parts = VendorOrder.objects.filter(order=order)
    if vendor_ids is not None:
        if not parts.exclude(vendor_id__in=vendor_ids).exists():
            raise PurchaseRefused(
                _("Every part of this purchase goes on account: choose payment on account."),
                code=CheckoutErrorCode.INVALID,
            )
        parts = parts.filter(vendor_id__in=vendor_ids)
    parts.update(on_account=True)


def _payment_prepare(*, order: Order, payment_method: str) -> Payment:
    """The purchase's payment: the whole purchase when it is paid on account (each part
    by its own transfer), otherwise what is not on account."""
    return payment_prepare(
        order=order,
        gateway_name=payment_method,
        merchant_id=_store_merchant_id(order=order, payment_method=payment_method),
        amount=None
        if gateway_can(payment_method, Capability.PAY_ON_ACCOUNT)
        else purchase_amount_to_pay(order=order),
    )


def _store_merchant_id(*, order: Order, payment_method: str) -> str:
    """The store's own business account at the gateway, when the money goes there
    (settings.PAYMENT_FUNDS_TO = "store"): only for a purchase from one store, through a
    gateway with merchant accounts, from a store whose merchant id an operator approved.
    Otherwise ""
    and the money lands in the platform's account, which the vendor ledgers split."""
    if getattr(settings, "PAYMENT_FUNDS_TO", "platform") != "store" or not gateway_can(
        payment_method, Capability.MERCHANT_ACCOUNTS
    ):
        return ""
    vendors = {part.vendor_id for part in order.vendor_orders.all()}
    if len(vendors) != 1:
        return ""
    return store_merchant_id(vendor_id=vendors.pop(), gateway=payment_method)


def _shipping_address_keep(*, user, shipping_address) -> None:
    """Saved for the order and, as the web checkout keeps it, counted in a registered
    buyer's address book. Two purchases to a new address at once (two tabs, a phone order
    while the buyer is on the web) add it once and count both."""
    shipping_address.save()
    if user is None:
        return
    book = user.addresses.filter(hash=shipping_address.generate_hash())
    if not book.exists():
        entry = UserAddress(user=user)
        shipping_address.populate_alternative_model(entry)
        try:
            with transaction.atomic():
                entry.save()
        except IntegrityError:
            pass  # the other purchase added it first
    book.update(num_orders_as_shipping_address=F("num_orders_as_shipping_address") + 1)


def _payment_start(*, payment: Payment, order: Order, basket) -> tuple[Payment, PaymentStart]:
    try:
        return payment_charge(payment_id=payment.pk, email=order.email)
    except PaymentError as error:
        payment_refused(payment_id=payment.pk, message=error.message)
        if basket is not None:
            basket.thaw()  # the same basket can be tried again, with another way to pay
        message, code = _refusal(error)
        raise PurchaseRefused(message, code=code) from error


def _refusal(error: PaymentError) -> tuple[str, CheckoutErrorCode]:
    """What the buyer reads when the gateway would not start the payment, and its code."""
    if isinstance(error, (PaymentDeclined, PaymentActionRequired)):
        return _(
            "The payment was refused: %(reason)s Nothing was charged; choose another "
            "way to pay or try again."
        ) % {"reason": error.message}, CheckoutErrorCode.PAYMENT_DECLINED
    if isinstance(error, GatewayMisconfigured):
        # Our own request was refused (the operators have been told): retrying will not
        # help the buyer, another way to pay will.
        return _("%(reason)s Nothing was charged: please choose another way to pay.") % {
            "reason": error.message
        }, CheckoutErrorCode.PAYMENT_METHOD_UNAVAILABLE
    return _(
        "The payment service did not answer and nothing was charged. Please try "
        "again in a few minutes."
    ), CheckoutErrorCode.PAYMENT_SERVICE_DOWN


def _notices(
    *, order: Order, payment_method: str, language: str | None, payment_request_by_caller: bool
) -> None:
    """Stores hear of their parts once they can prepare them: at once when paid on
    delivery, when the money is secured otherwise (vendors/orders/outcomes.py), and the
    buyer's confirmation goes with it. A purchase waiting for the buyer's transfer sends
    the buyer its confirmation now: it says where and by when to transfer."""
    if not order.vendor_orders.filter(status="pending_payment").exists():
        purchase_placed_notify_on_commit(order_id=order.pk, language=language)
    elif (
        gateway_can(payment_method, Capability.MANUAL_CONFIRMATION)
        and not payment_request_by_caller
    ):
        purchase_confirmation_send_on_commit(order_id=order.pk, language=language)


def _code(error: ValidationError) -> str:
    return getattr(error, "code", None) or CheckoutErrorCode.INVALID
