"""Accepting an offer: the requester buys the offer's quantity at the offer's price, as a
normal purchase placed through the one placement path (shop/apps/checkout/placement.py).

The basket holds one line, the offer's product from the offer's store, priced by
OfferPricing (the catalogue price never applies); an offer with its own delivery price
delivers home at that price (logistics.delivery.QuotedDelivery), otherwise the store's
zones apply, and its pickup points always do. An offer not linked to one of the
store's products is sold as a product made for it: hidden from the catalogue, without
tracked stock. The award itself (the offer accepted, the request's awarded units) is
written inside the placement's transaction, with the request's row locked after the
stock rows (Payment → … → StockRecord → SourcingRequest → SourcingOffer): of two
acceptances at once, the second sees what the first awarded, and an offer is accepted
at most once; a refused acceptance leaves no purchase behind."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from logistics.delivery import (
    HOME,
    PICKUP,
    QuotedDelivery,
    address_municipality,
    basket_vendor_parts,
)
from payments.selectors import payment_methods_offered
from shop.apps.checkout.placement import PlacedPurchase, PurchaseRefused, purchase_place
from shop.apps.order.measures import LineMeasure, measure_basket_option
from shop.companies.approvals import buying_as
from shop.companies.exceptions import CompanyRefused
from shop.core.quantities import quantity_format, quantity_is_whole
from shop.sourcing.error_codes import SourcingErrorCode
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import OfferStatus, RequestStatus, SourcingOffer, SourcingRequest, Unit
from shop.sourcing.notifications import award_lapsed_notify_on_commit
from shop.sourcing.services import offers_not_chosen
from vendors.orders.actions import ADDRESS_FIELDS

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")
DefaultStrategy = get_class("partner.strategy", "Default")

MADE_FOR_OFFER_CLASS = "por-encargo"


class OfferPricing(DefaultStrategy):
    """The marketplace's strategy, with the offer's product sold from the offer's stock
    record at `price` (the offer's price per unit, or the price of its lot): an agreed
    price of the one pricing path (vendors/pricing), which comes before the store's
    tiers; the store's minimum quantity, multiple and order minimum still apply."""

    def __init__(self, *, stockrecord, price: Decimal, request=None, user=None, company_id=None):
        super().__init__(
            request, user=user, agreed_prices={stockrecord.pk: price}, company_id=company_id
        )
        self.offer_stockrecord = stockrecord

    def select_stockrecord(self, product):
        if product.pk == self.offer_stockrecord.product_id:
            return self.offer_stockrecord
        return super().select_stockrecord(product)


@dataclass(frozen=True)
class Acceptance:
    """What the requester chose when accepting: how much (in the request's unit), where
    and how it is delivered ("home" or "pickup-<point id>"), and how they pay."""

    quantity: Decimal
    address: dict
    delivery: str
    payment_method: str
    company_name: str = ""
    company_nit: str = ""
    company_id: int | None = None  # accepted as the requester's company (shop/companies)


def offer_accept(
    *, offer_id: int, user, acceptance: Acceptance, language: str = "", request=None
) -> PlacedPurchase:
    """Buy `acceptance.quantity` of the offer: whole units of a linked product, or else
    one line of the product made for the offer, by measure (shop/apps/order/measures.py)
    when the quantity is not whole. Raises SourcingRefused (and then nothing was placed,
    charged or awarded). Must not run inside a transaction."""
    offer = SourcingOffer.objects.select_related(
        "request__municipality__province", "vendor__partner", "stockrecord"
    ).get(pk=offer_id)
    _acceptance_check(offer=offer, user=user, quantity=acceptance.quantity)
    try:
        buying = buying_as(
            company_id=acceptance.company_id, user=user, vendor_ids=[offer.vendor_id]
        )
    except CompanyRefused as refused:
        raise SourcingRefused(refused.message, code=SourcingErrorCode.COMPANY) from refused
    offered = payment_methods_offered(currency=offer.request.currency, on_account=buying.on_account)
    if acceptance.payment_method not in offered:
        raise SourcingRefused(
            _("Choose one of the payment methods offered."), code=SourcingErrorCode.PAYMENT
        )
    stockrecord = offer_stockrecord(offer=offer)
    basket = Basket.objects.create()  # no owner: it never merges into the buyer's own
    measure = LineMeasure(
        quantity=acceptance.quantity,
        unit=str(Unit(offer.request.unit).label),
        unit_price=offer.price,
    )
    by_lot = not quantity_is_whole(acceptance.quantity)  # only when made for the offer
    basket.strategy = OfferPricing(
        stockrecord=stockrecord,
        price=measure.lot_price if by_lot else offer.price,
        request=request,
        user=user,
        company_id=acceptance.company_id,
    )
    municipality = offer.request.municipality
    if offer.delivery_price is not None:  # the store's own price to the request's place
        basket.delivery_quotes = {
            offer.vendor_id: QuotedDelivery(
                charge=offer.delivery_price,
                name=_("Home delivery to %(place)s, as offered") % {"place": municipality.name},
            )
        }
    basket.add_product(
        stockrecord.product,
        quantity=1 if by_lot else int(acceptance.quantity),
        options=[measure_basket_option(measure)],
    )
    address = ShippingAddress(
        country=Country.objects.get(iso_3166_1_a2="CU"),
        **{
            **{name: acceptance.address.get(name, "") for name in ADDRESS_FIELDS},
            "state": municipality.province.name,
            "line4": municipality.name,
        },
    )
    choices = _delivery_choices(basket=basket, address=address, delivery=acceptance.delivery)

    awarded = []  # the purchase the award was written for (rolled back, if refused in it)

    def award(order, payment):
        _award(offer_id=offer.pk, quantity=acceptance.quantity, order=order)
        awarded.append(order.pk)

    try:
        return purchase_place(
            basket=basket,
            shipping_address=address,
            choices=choices,
            payment_method=acceptance.payment_method,
            user=user,
            language=language,
            request=request,
            company_name=acceptance.company_name,
            company_nit=acceptance.company_nit,
            on_placed=award,
            account=buying.account,
        )
    except PurchaseRefused as refused:
        if awarded:  # refused by the gateway once committed: that award goes back
            _award_undo(offer_id=offer.pk, order_id=awarded[0])
        raise SourcingRefused(refused.message, code=refused.code) from refused


def _acceptance_check(*, offer: SourcingOffer, user, quantity: Decimal) -> None:
    """What can be told before anything is written (checked again under the lock)."""
    request = offer.request
    if request.requester_id != getattr(user, "pk", None):
        raise SourcingRefused(
            _("Only whoever posted the request can accept its offers."),
            code=SourcingErrorCode.NOT_YOURS,
        )
    if not request.is_open:
        raise SourcingRefused(_("This request is no longer open."), code=SourcingErrorCode.NOT_OPEN)
    if offer.status != OfferStatus.SENT:
        raise SourcingRefused(
            _("This offer can no longer be accepted."),
            code=SourcingErrorCode.OFFER_NOT_ACCEPTABLE,
        )
    if offer.valid_until < timezone.localdate():
        raise SourcingRefused(
            _("This offer was valid until %(date)s.") % {"date": offer.valid_until},
            code=SourcingErrorCode.OFFER_EXPIRED,
        )
    _quantity_check(quantity=quantity, offer=offer, request=request)


def _quantity_check(*, quantity: Decimal, offer: SourcingOffer, request: SourcingRequest) -> None:
    most = min(offer.quantity, request.remaining_quantity)
    if quantity <= 0 or quantity > most:
        raise SourcingRefused(
            _("Enter a quantity of at most %(most)s.") % {"most": quantity_format(most)},
            code=SourcingErrorCode.QUANTITY,
        )
    if offer_sells_product(offer=offer) and not quantity_is_whole(quantity):
        raise SourcingRefused(
            _(
                "This offer is for one of the store's products, sold by the unit: enter a "
                "whole quantity."
            ),
            code=SourcingErrorCode.QUANTITY_NOT_WHOLE,
        )


def offer_sells_product(*, offer: SourcingOffer) -> bool:
    """Whether the offer is linked to one of its store's own products (counted in whole
    units, its stock promised), rather than sold as a product made for it."""
    return bool(offer.stockrecord_id) and offer.stockrecord.partner_id == offer.vendor.partner_id


def offer_stockrecord(*, offer: SourcingOffer):
    """The stock record the offer sells from: its linked product's, or that of a hidden
    product made for the offer (written once), in the request's category if it names one."""
    if offer_sells_product(offer=offer):
        return StockRecord.objects.select_related("product", "partner__vendor").get(
            pk=offer.stockrecord_id
        )
    sku = f"SOL-{offer.pk}"
    with transaction.atomic():
        product_class, _created = ProductClass.objects.get_or_create(
            slug=MADE_FOR_OFFER_CLASS,
            defaults={"name": "Por encargo", "requires_shipping": True, "track_stock": False},
        )
        product, _created = Product.objects.get_or_create(
            upc=sku,
            defaults={
                "title": offer.request.title,
                "description": offer.request.description,
                "structure": Product.STANDALONE,
                "product_class": product_class,
                "is_public": False,
            },
        )
        if offer.request.category_id:
            ProductCategory.objects.get_or_create(
                product=product, category_id=offer.request.category_id
            )
        record, _created = StockRecord.objects.get_or_create(
            partner=offer.vendor.partner,
            partner_sku=sku,
            defaults={
                "product": product,
                "price": offer.price,
                "price_currency": offer.request.currency,
                "num_in_stock": None,
            },
        )
    return StockRecord.objects.select_related("product", "partner__vendor").get(pk=record.pk)


def _delivery_choices(*, basket, address, delivery: str) -> dict[str, str]:
    parts = basket_vendor_parts(basket=basket, municipality=address_municipality(address))
    choices = {}
    for part in parts:
        if delivery == HOME:
            option = next((o for o in part.options if o.kind == HOME), None)
        else:
            option = part.option(delivery) if delivery.startswith(f"{PICKUP}-") else None
        if option is None:
            raise SourcingRefused(
                part.home_unavailable
                if delivery == HOME and part.home_unavailable
                else _("Choose how the store gets the order to you."),
                code=SourcingErrorCode.DELIVERY,
            )
        choices[part.key] = option.code
    return choices


def _award(*, offer_id: int, quantity: Decimal, order) -> None:
    request_id = SourcingOffer.objects.values_list("request_id", flat=True).get(pk=offer_id)
    request = SourcingRequest.objects.select_for_update(of=("self",)).get(pk=request_id)
    offer = (
        SourcingOffer.objects.select_for_update(of=("self",))
        .select_related("vendor", "stockrecord")
        .get(pk=offer_id)
    )
    if not request.is_open:
        raise SourcingRefused(_("This request is no longer open."), code=SourcingErrorCode.NOT_OPEN)
    if offer.status != OfferStatus.SENT:
        raise SourcingRefused(
            _("This offer can no longer be accepted."),
            code=SourcingErrorCode.OFFER_NOT_ACCEPTABLE,
        )
    _quantity_check(quantity=quantity, offer=offer, request=request)
    now = timezone.now()
    offer.status = OfferStatus.ACCEPTED
    offer.accepted_quantity = quantity
    offer.accepted_at = now
    offer.order = order
    offer.save(update_fields=["status", "accepted_quantity", "accepted_at", "order", "updated_at"])
    request.awarded_quantity += quantity  # the row is locked: no other writer in between
    fields = ["awarded_quantity", "updated_at"]
    if request.awarded_quantity == request.quantity:
        request.status, request.closed_at = RequestStatus.AWARDED, now
        fields += ["status", "closed_at"]
        offers_not_chosen(request)
    request.save(update_fields=fields)


def award_lapse(*, order_id: int, vendor_id: int) -> bool:
    """The purchase of an accepted offer was cancelled or rejected: its units go back to
    the request, which opens again if its date has not passed. Runs inside the
    transition's transaction (request and offer locked after the vendor order and stock)."""
    offer_id = (
        SourcingOffer.objects.filter(
            order_id=order_id, vendor_id=vendor_id, status=OfferStatus.ACCEPTED
        )
        .values_list("pk", flat=True)
        .first()
    )
    if offer_id is None:
        return False
    request_id = SourcingOffer.objects.values_list("request_id", flat=True).get(pk=offer_id)
    request = SourcingRequest.objects.select_for_update(of=("self",)).get(pk=request_id)
    offer = SourcingOffer.objects.select_for_update(of=("self",)).get(pk=offer_id)
    if offer.status != OfferStatus.ACCEPTED:
        return False
    request.awarded_quantity -= offer.accepted_quantity
    fields = ["awarded_quantity", "updated_at"]
    if request.status == RequestStatus.AWARDED and request.needed_by >= timezone.localdate():
        request.status, request.closed_at = RequestStatus.OPEN, None
        fields += ["status", "closed_at"]
    request.save(update_fields=fields)
    offer.status = OfferStatus.CANCELLED
    offer.save(update_fields=["status", "updated_at"])
    award_lapsed_notify_on_commit(offer_id=offer.pk)
    return True


@transaction.atomic
def _award_undo(*, offer_id: int, order_id: int) -> None:
    """The gateway refused the payment of `order_id`, which closed the purchase (and with
    it, through award_lapse, the award's units went back): the offer can be accepted
    again, with another way to pay."""
    request_id = SourcingOffer.objects.values_list("request_id", flat=True).get(pk=offer_id)
    request = SourcingRequest.objects.select_for_update(of=("self",)).get(pk=request_id)
    offer = SourcingOffer.objects.select_for_update(of=("self",)).get(pk=offer_id)
    if offer.order_id != order_id or offer.status not in (
        OfferStatus.ACCEPTED,
        OfferStatus.CANCELLED,
    ):
        return
    if offer.status == OfferStatus.ACCEPTED:  # the purchase was not closed: give units back
        request.awarded_quantity -= offer.accepted_quantity
        fields = ["awarded_quantity", "updated_at"]
        if request.status == RequestStatus.AWARDED:
            request.status, request.closed_at = RequestStatus.OPEN, None
            fields += ["status", "closed_at"]
        request.save(update_fields=fields)
    offer.status, offer.accepted_quantity, offer.accepted_at, offer.order = (
        OfferStatus.SENT,
        None,
        None,
        None,
    )
    offer.save(update_fields=["status", "accepted_quantity", "accepted_at", "order", "updated_at"])
