"""Orders taken by phone (or WhatsApp, or at a counter): the agent fills a basket for
the customer, across stores, picks each store's delivery and how the customer pays.
The purchase is placed through the same path as the web checkout (guarded stock,
suspended stores, delivery checks); card payments go through a link the customer
opens on their own device, so no card number ever reaches the agent."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from payments.selectors import payment_methods_offered
from shop.apps.checkout.placement import PurchaseRefused, purchase_place
from shop.callcenter.error_codes import CallcenterErrorCode
from shop.callcenter.exceptions import ConsoleRefused
from shop.callcenter.models import AuditAction, Channel
from shop.callcenter.notifications import audit_notify_on_commit
from shop.callcenter.services import audit_record, customer_phone
from shop.companies.approvals import buying_as
from shop.companies.exceptions import CompanyRefused
from shop.companies.selectors import basket_vendor_ids
from vendors.models import VendorStatus
from vendors.orders.actions import ADDRESS_FIELDS

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

SESSION_KEY = "callcenter_baskets"
CATALOGUE_RESULTS = 20


@dataclass(frozen=True)
class PhoneOrder:
    """What the agent chose for the order (the basket holds the lines)."""

    address: dict
    choices: dict
    payment_method: str
    channel: str
    company_name: str = ""  # with company_nit: the invoices go to this company
    company_nit: str = ""
    company_id: int | None = None  # bought as the customer's company (shop/companies)


def phone_basket(*, session, customer, company_id: int | None = None):
    """The basket the agent fills for `customer` (one per agent session and customer),
    priced for the company `company_id` the customer buys for (None: for themselves).
    It has no owner, so it never merges into the customer's own web basket."""
    baskets = session.get(SESSION_KEY, {})
    basket = Basket.open.filter(pk=baskets.get(str(customer.pk)), owner=None).first()
    if basket is None:
        basket = Basket.objects.create()
        session[SESSION_KEY] = {**baskets, str(customer.pk): basket.pk}
    basket.strategy = Selector().strategy(user=customer, company_id=company_id)
    return basket


def phone_basket_forget(*, session, customer) -> None:
    baskets = dict(session.get(SESSION_KEY, {}))
    baskets.pop(str(customer.pk), None)
    session[SESSION_KEY] = baskets


def catalogue_search(*, query: str) -> list:
    """Offers the agent can add: title, UPC or SKU, approved stores, in stock first."""
    query = " ".join((query or "").split())[:80]
    if len(query) < 2:
        return []
    return list(
        StockRecord.objects.filter(
            Q(product__title__icontains=query)
            | Q(product__upc__iexact=query)
            | Q(partner_sku__iexact=query),
            product__is_public=True,
            partner__vendor__status=VendorStatus.APPROVED,
        )
        .select_related("product", "partner__vendor")
        .order_by("product__title", "pk")[:CATALOGUE_RESULTS]
    )


def phone_basket_add(*, basket, stockrecord_id: int, quantity: int) -> None:
    record = (
        StockRecord.objects.select_related("product", "partner__vendor")
        .filter(
            pk=stockrecord_id,
            partner__vendor__status=VendorStatus.APPROVED,
            product__is_public=True,
        )
        .first()
    )
    if record is None:
        raise ConsoleRefused(
            _("This product is not on sale."), code=CallcenterErrorCode.NOT_ON_SALE
        )
    if quantity < 1:
        raise ConsoleRefused(
            _("Enter a quantity of at least 1."), code=CallcenterErrorCode.QUANTITY
        )
    in_basket = sum(
        line.quantity for line in basket.all_lines() if line.stockrecord_id == record.pk
    )
    available = record.net_stock_level if record.num_in_stock is not None else None
    if available is not None and in_basket + quantity > available:
        raise ConsoleRefused(
            _("Only %(available)s units of %(title)s are available.")
            % {"available": max(available, 0), "title": record.product.title},
            code=CallcenterErrorCode.STOCK,
        )
    # The store's wholesale terms (minimum, multiple), as the web basket applies them.
    info = basket.strategy.fetch_for_product(record.product, record)
    permitted, reason = info.availability.is_purchase_permitted(in_basket + quantity)
    if not permitted:
        raise ConsoleRefused(reason, code=CallcenterErrorCode.TERMS)
    basket.add_product(record.product, quantity=quantity)


def phone_order_place(*, agent, customer, basket, order: PhoneOrder):
    """Place the basket for `customer` through the one placement path, with its audit
    entry in the same transaction. Paid on delivery: the parts go to the stores at once.
    Otherwise they wait for the money, and the customer gets the transfer's instructions
    or the card link by e-mail (and text), once the payment has started. Raises
    ConsoleRefused (a ValidationError) with a message for the agent; then nothing was
    charged and no stock stays promised. Must not run inside a transaction (the gateway
    is called after commit)."""
    try:
        buying = buying_as(
            company_id=order.company_id, user=customer, vendor_ids=basket_vendor_ids(basket)
        )
    except CompanyRefused as refused:
        raise ConsoleRefused(refused.message, code=CallcenterErrorCode.COMPANY) from refused
    offered = payment_methods_offered(currency=basket.currency, on_account=buying.on_account)
    if order.payment_method not in offered:
        raise ConsoleRefused(
            _("Choose one of the payment methods offered."), code=CallcenterErrorCode.PAYMENT
        )
    if order.channel not in Channel.values or order.channel == Channel.WEB:
        raise ConsoleRefused(
            _("Choose how the customer contacted us."), code=CallcenterErrorCode.CHANNEL
        )
    address = ShippingAddress(
        country=Country.objects.get(iso_3166_1_a2="CU"),
        **{name: order.address.get(name, "") for name in ADDRESS_FIELDS},
    )
    entries = []

    def audited(placed, payment):
        # A purchase held for the company's approver has no payment until it is approved.
        entries.append(
            audit_record(
                agent=agent,
                action=AuditAction.ORDER_PLACED,
                obj=placed,
                customer=customer,
                after={
                    "number": placed.number,
                    "channel": order.channel,
                    "total": placed.total_incl_tax,
                    "currency": placed.currency,
                    "payment": payment.reference if payment else "",
                    "gateway": order.payment_method,
                    "phone": customer_phone(placed),
                    "parts": list(
                        placed.vendor_orders.order_by("sequence").values_list(
                            "number", "delivery_name"
                        )
                    ),
                },
            )
        )

    try:
        placed = purchase_place(
            basket=basket,
            shipping_address=address,
            choices=order.choices,
            user=customer,
            payment_method=order.payment_method,
            channel=order.channel,
            agent=agent,
            company_name=order.company_name,
            company_nit=order.company_nit,
            payment_request_by_caller=True,
            on_placed=audited,
            account=buying.account,
        )
    except PurchaseRefused as refused:
        raise ConsoleRefused(refused.message, code=refused.code) from refused
    if not placed.held and placed.order.vendor_orders.filter(status="pending_payment").exists():
        # The customer's request to pay (link or instructions), now that it exists.
        audit_notify_on_commit(entry_id=entries[0].pk)
    return placed.order
