"""The console's one search box: a phone, an e-mail, a name, a purchase or vendor-order
number, an invoice number or a tracking code, each matched on an indexed column where
one exists, in a constant number of queries whatever the data."""

import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from oscar.core.loading import get_model

from logistics.models import Shipment
from shop.callcenter.models import CustomerContact
from shop.callcenter.phones import phone_normalise
from shop.callcenter.selectors import purchases_for_listing
from shop.invoices.models import Invoice
from vendors.models import VendorOrder

User = get_user_model()
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")

LIMIT = 20
ORDER_NUMBER = re.compile(r"^\d{5,}[A-Z]?$")
VENDOR_ORDER_NUMBER = re.compile(r"^\d{5,}[A-Z]?-\d{1,3}$")
INVOICE_NUMBER = re.compile(r"^(?P<series>[A-Z]{1,8}\d{4})-(?P<number>\d{1,9})$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


class SearchKind:
    PHONE = "phone"
    EMAIL = "email"
    PURCHASE = "purchase"
    VENDOR_ORDER = "vendor_order"
    INVOICE = "invoice"
    TRACKING = "tracking"
    NAME = "name"


@dataclass(frozen=True)
class SearchResults:
    query: str
    kinds: tuple[str, ...] = ()
    customers: list = field(default_factory=list)
    purchases: list = field(default_factory=list)


def console_search(*, query: str) -> SearchResults:
    query = " ".join((query or "").split())[:100]
    if len(query) < 2:
        return SearchResults(query=query)
    customers, orders, kinds = Q(pk__in=[]), Q(pk__in=[]), []
    phone = phone_normalise(query)
    if phone:
        kinds.append(SearchKind.PHONE)
        by_phone = Q(pk__in=UserAddress.objects.filter(phone_number=phone).values("user_id")) | Q(
            pk__in=CustomerContact.objects.filter(phone_number=phone).values("user_id")
        )
        customers |= by_phone | Q(
            pk__in=Order.objects.filter(shipping_address__phone_number=phone).values("user_id")
        )
        orders |= Q(shipping_address__phone_number=phone) | Q(
            user__in=User.objects.filter(by_phone)
        )
    upper = query.upper()
    if EMAIL.match(query):
        kinds.append(SearchKind.EMAIL)
        customers |= Q(email__iexact=query)
        orders |= Q(guest_email__iexact=query) | Q(user__email__iexact=query)
    elif ORDER_NUMBER.match(upper):
        kinds.append(SearchKind.PURCHASE)
        orders |= Q(number=upper)
    elif VENDOR_ORDER_NUMBER.match(upper):
        kinds.append(SearchKind.VENDOR_ORDER)
        orders |= Q(pk__in=VendorOrder.objects.filter(number=upper).values("order_id"))
    elif match := INVOICE_NUMBER.match(upper):
        kinds.append(SearchKind.INVOICE)
        orders |= Q(
            pk__in=Invoice.objects.filter(
                series=match["series"], number=int(match["number"])
            ).values("vendor_order__order_id")
        )
    if not kinds or kinds == [SearchKind.INVOICE]:
        # Carriers' codes have no common shape: any other single word may be one.
        if " " not in query:
            kinds.append(SearchKind.TRACKING)
            orders |= Q(
                pk__in=Shipment.objects.filter(tracking_code__in={query, upper}).values(
                    "vendor_order__order_id"
                )
            )
        if not phone and not any(character.isdigit() for character in query):
            kinds.append(SearchKind.NAME)
            name = _name_filter(query)
            customers |= name
            orders |= Q(user__in=User.objects.filter(name)) | _name_filter(
                query, first="shipping_address__first_name", last="shipping_address__last_name"
            )
    found_customers = list(
        User.objects.filter(customers)
        .annotate(purchase_count=Count("orders"))
        .order_by("last_name", "first_name", "pk")[:LIMIT]
    )
    found_orders = purchases_for_listing(Order.objects.filter(orders))[:LIMIT]
    return SearchResults(
        query=query, kinds=tuple(kinds), customers=found_customers, purchases=list(found_orders)
    )


def _name_filter(query: str, *, first: str = "first_name", last: str = "last_name") -> Q:
    condition = Q()
    for word in query.split()[:4]:
        condition &= Q(**{f"{first}__icontains": word}) | Q(**{f"{last}__icontains": word})
    return condition
