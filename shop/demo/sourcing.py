"""The demo's requests for offers: a dozen actors across the provinces post what they
need, the matching stores are told and some answer, and ask and answer in the offers'
conversations; one request was awarded and its purchase is being prepared. Created once,
like the demo's purchases."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_model

from logistics.models import Municipality
from payments.interface import Capability
from payments.selectors import gateway_names_with
from shop.demo import data
from shop.demo.conversations import demo_store_questions_seed
from shop.sourcing.awards import Acceptance, offer_accept
from shop.sourcing.conversations import offer_message_post
from shop.sourcing.models import SourcingOffer, SourcingRequest, Visibility
from shop.sourcing.services import OfferTerms, offer_save, request_create
from vendors.models import MembershipRole, Sector, Vendor, VendorMembership
from vendors.orders.transitions import ActorRole, vendor_order_transition

Category = get_model("catalogue", "Category")
User = get_user_model()


def demo_requests_seed(*, stores: dict) -> int:
    """`stores` = {store code: partner}. Returns how many demo requests there are."""
    if SourcingRequest.objects.filter(requester__email__endswith="@encadena.test").exists():
        return SourcingRequest.objects.filter(requester__email__endswith="@encadena.test").count()
    vendors = {code: partner.vendor for code, partner in stores.items()}
    buyers = {buyer.email: _buyer(buyer, vendors) for buyer in data.DEMO_BUYERS}
    today = timezone.localdate()
    for demo in data.REQUESTS:
        requester, buys_for = buyers[demo.buyer]
        request = request_create(
            requester=requester,
            fields={
                "title": demo.title,
                "description": demo.description,
                "sector": Sector.objects.get(slug=demo.sector),
                "category": (
                    Category.objects.get(depth=2, name=demo.category) if demo.category else None
                ),
                "quantity": demo.quantity,
                "unit": demo.unit,
                "target_price": demo.target_price,
                "needed_by": today + timedelta(days=demo.days),
                "municipality": Municipality.objects.get(
                    province__name=demo.province, name=demo.municipality
                ),
                "recurring": demo.recurring,
                "visibility": Visibility.INVITED if demo.invited else Visibility.PUBLIC,
                "buyer_vendor": buys_for,
            },
            invited_vendors=[vendors[code] for code in demo.invited],
        )
        for offer in demo.offers:
            offer_save(
                request_id=request.pk,
                vendor=vendors[offer.store],
                terms=OfferTerms(
                    price=offer.price,
                    quantity=offer.quantity,
                    lead_time_days=offer.lead_time_days,
                    valid_until=today + timedelta(days=demo.days),
                    delivery_price=offer.delivery_price,
                    message=offer.message,
                ),
            )
    for title, code, exchange in data.CONVERSATIONS:
        offer = SourcingOffer.objects.select_related("request__requester").get(
            request__title=title, vendor=vendors[code]
        )
        owner = _store_writer(vendors[code])
        for from_store, text in exchange:
            offer_message_post(
                offer=offer,
                author=owner if from_store else offer.request.requester,
                from_store=from_store,
                body=text,
            )
    for demo in data.REQUESTS:
        if demo.awarded_to:
            requester, _store = buyers[demo.buyer]
            request = SourcingRequest.objects.get(requester=requester, title=demo.title)
            _award(request=request, vendor=vendors[demo.awarded_to], requester=requester)
    demo_store_questions_seed(stores=stores, writer=_store_writer)
    return len(data.REQUESTS)


def _store_writer(vendor: Vendor):
    """Who writes for a demo store: one of its members, or a seller account made for it."""
    membership = vendor.memberships.select_related("user").order_by("pk").first()
    if membership is not None:
        return membership.user
    email = f"ventas.{vendor.partner.code}@encadena.test"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(username=email.split("@")[0], email=email, first_name="Ventas")
        user.last_name = vendor.trade_name
        user.set_password(data.DEMO_PASSWORD)
        user.save()
        VendorMembership.objects.create(vendor=vendor, user=user, role=MembershipRole.STAFF)
    return user


def _buyer(buyer: data.DemoBuyer, vendors: dict) -> tuple:
    user = User.objects.filter(email__iexact=buyer.email).first()
    if user is None:
        user = User(username=buyer.email.split("@")[0], email=buyer.email)
        user.first_name, user.last_name = buyer.first_name, buyer.last_name
        user.set_password(data.DEMO_PASSWORD)
        user.save()
    store = vendors[buyer.store] if buyer.store else None
    if store is not None:
        VendorMembership.objects.get_or_create(
            vendor=store, user=user, defaults={"role": MembershipRole.STAFF}
        )
    return user, store


def _award(*, request: SourcingRequest, vendor: Vendor, requester) -> None:
    """The buyer accepts the store's whole offer, paid on delivery; the store has
    accepted the purchase and is preparing it."""
    offer = SourcingOffer.objects.get(request=request, vendor=vendor)
    placed = offer_accept(
        offer_id=offer.pk,
        user=requester,
        acceptance=Acceptance(
            quantity=min(offer.quantity, request.quantity),
            address=data.REQUEST_AWARD_ADDRESS,
            delivery="home",
            payment_method=gateway_names_with(Capability.PAY_ON_DELIVERY)[0],
        ),
    )
    for part in placed.order.vendor_orders.all():
        vendor_order_transition(
            vendor_order_id=part.pk, to_status="accepted", actor=None, actor_role=ActorRole.VENDOR
        )
