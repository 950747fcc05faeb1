"""Whether the buyer of a purchase is an economic actor, and which: the one place that
decides it, so every deal is counted by the same rule.

A buyer is an actor when the purchase is an awarded request made for a store (the store
buys as itself), when it was bought as a company account (the company's store when it
has one, otherwise the company with its own actor type, placed where it receives the
goods or at its first address), or when the buyer gave a NIT at checkout (a store's own
NIT makes that store the buyer; another NIT is an actor not on Encadena, placed where it
receives the goods)."""

from dataclasses import dataclass

from logistics.delivery import address_municipality
from shop.companies.models import CompanyPurchase
from shop.invoices.models import BillingDetails
from shop.linkages.models import UNKNOWN_ACTOR_TYPE, DealSource
from shop.sourcing.models import OfferStatus, SourcingOffer
from vendors.models import Vendor


@dataclass(frozen=True)
class BuyerActor:
    vendor: Vendor | None  # None: an actor with a NIT that has no store here
    nit: str
    actor_type: str
    province_id: int
    source: str  # DealSource
    sector_id: int | None = None  # what the request asked for, when there was one


def purchase_buyer_actor(*, order) -> BuyerActor | None:
    """The actor that bought `order` (an Oscar Order), or None for a person."""
    offer = (
        SourcingOffer.objects.filter(order_id=order.pk, status=OfferStatus.ACCEPTED)
        .select_related("request__buyer_vendor")
        .first()
    )
    source = DealSource.SOURCING if offer else DealSource.PURCHASE
    sector_id = offer.request.sector_id if offer else None
    if offer and offer.request.buyer_vendor is not None:
        return _vendor_buyer(offer.request.buyer_vendor, source=source, sector_id=sector_id)
    company_purchase = (
        CompanyPurchase.objects.filter(order_id=order.pk).select_related("company__vendor").first()
    )
    if company_purchase is not None:
        return _company_buyer(company_purchase.company, order, source=source, sector_id=sector_id)
    billing = BillingDetails.objects.filter(order_id=order.pk).first()
    nit = billing.company_nit.strip() if billing else ""
    if not nit:
        return None
    vendor = Vendor.objects.filter(nit=nit).first()
    if vendor is not None:
        return _vendor_buyer(vendor, source=source, sector_id=sector_id)
    municipality = address_municipality(order.shipping_address)
    if municipality is None:  # nowhere to place it on the map: not counted
        return None
    return BuyerActor(
        vendor=None,
        nit=nit,
        actor_type=UNKNOWN_ACTOR_TYPE,
        province_id=municipality.province_id,
        source=source,
        sector_id=sector_id,
    )


def _company_buyer(company, order, *, source: str, sector_id: int | None) -> BuyerActor | None:
    if company.vendor is not None:
        return _vendor_buyer(company.vendor, source=source, sector_id=sector_id)
    municipality = address_municipality(order.shipping_address)
    if municipality is None:
        address = company.addresses.select_related("municipality").order_by("pk").first()
        municipality = address.municipality if address else None
    if municipality is None:  # nowhere to place it on the map: not counted
        return None
    return BuyerActor(
        vendor=None,
        nit=company.nit,
        actor_type=company.actor_type,
        province_id=municipality.province_id,
        source=source,
        sector_id=sector_id,
    )


def _vendor_buyer(vendor: Vendor, *, source: str, sector_id: int | None) -> BuyerActor:
    return BuyerActor(
        vendor=vendor,
        nit=vendor.nit,
        actor_type=vendor.actor_type,
        province_id=vendor.province_id,
        source=source,
        sector_id=sector_id,
    )
