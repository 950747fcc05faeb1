"""Every vendor-dashboard URL × method × role, on vendor A's objects.

The URLs come from walking the `vendor_dashboard` namespace, so a view added
later is checked without touching this file: one that forgets to scope by
vendor lets owner B in, and fails here.
"""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone
from oscar.core.loading import get_model

from logistics.models import (
    DeliveryZone,
    Municipality,
    PickupPoint,
    Province,
    Shipment,
    TrackingEvent,
)
from payments.ledger import payment_outcome_record
from payments.models import Payment
from shop.api.models import ApiKey
from shop.api.services import store_api_key_create
from shop.invoices.models import Invoice, InvoiceSettings
from shop.invoices.services import invoice_issue
from shop.sourcing.conversations import conversation_for_offer
from shop.sourcing.models import ConversationReport, Message, SourcingOffer, StoreFollowing
from shop.sourcing.services import offer_save
from shop.trust.models import ProductReviewReply, ReviewReport, StoreReview, VendorDocument
from shop.trust.services import document_upload
from shop.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from tests.factories.orders import purchase
from tests.factories.sourcing import flour_request, offer_terms
from tests.module_data import fresh, module_data
from vendors.ledger.entries import vendor_sale_record
from vendors.models import (
    MembershipRole,
    Payout,
    Sector,
    StockMovement,
    Vendor,
    VendorInvitation,
    VendorLedgerEntry,
    VendorOrder,
    VendorOrderEvent,
)
from vendors.orders.transitions import ActorRole, vendor_order_transition
from vendors.pricing.models import ProductTerms, StoreTerms

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

ROLES = ["anonymous", "shopper", "agent", "owner_a", "staff_a", "owner_b", "operator"]
ALLOWED = {"owner_a", "staff_a", "operator"}
OWNER_ONLY = {
    "team",
    "profile",
    "invoice-settings",
    "merchant-accounts",
    "store-terms",
    "verification",
    "api-keys",
    "api-key-revoke",
    "webhooks",
    "webhook-resume",
    "webhook-resend",
}
# Owner-only files: to the store's staff they do not exist either.
OWNERS_AND_OPERATORS_ONLY = {"verification-document"}
POST_ONLY = {
    "api-key-revoke",
    "webhook-resume",
    "webhook-resend",
    "product-publish",
    "product-terms",
    "order-bulk",
    "order-refund",
    "delivery-zone-activate",
    "pickup-point-activate",
    "order-ship",
    "shipment-step",
    "shipment-cancel",
    "shipment-link-revoke",
    "sourcing-offer-withdraw",
    "sourcing-offer-message",
    "product-review-reply",
    "product-review-report",
    "store-review-reply",
    "store-review-report",
    "thread-report",
}
# The stores' own threads: an operator who is not a member reads them in the console,
# where each reading is audited.
MEMBERS_ONLY = {"thread", "thread-report"}

# A POST that succeeds for someone allowed, so "nothing changed" means something.
POST_DATA = {
    "api-keys": {"name": "Intrusa", "scopes": ["catalogue:read"]},
    "api-key-revoke": {},
    "webhooks": {"url": "https://intruso.example/hooks", "events": ["order.placed"]},
    "webhook-resume": {},
    "webhook-resend": {},
    "product-create": {"title": "Intruso", "price": "1.00", "stock": "5", "is_public": "on"},
    "product-edit": {"title": "Cambiado", "price": "9.99", "is_public": "on"},
    "product-publish": {"publish": "0"},
    "product-terms": {"minimum": "2", "multiple": "1", "tiers": ""},
    "store-terms": {"first_order_minimum": "100", "reorder_minimum": ""},
    "product-stock": {"level": "1", "note": "Conteo"},
    "team": {"email": "nuevo@example.test"},
    "profile": lambda world: {
        "trade_name": "Renombrada",
        "sectors": [Sector.objects.first().pk],
        "province": Municipality.objects.get(name="Playa").province_id,
        "municipality": Municipality.objects.get(name="Playa").pk,
        "address": "Otra calle",
        "phone": "+53 5 999 9999",
        "email": "otra@example.test",
    },
    "order-detail": {"to_status": "ready"},
    "order-ship": {"carrier": "manual", "parcels": "1", "tracking_code": "INTRUSO-1"},
    "shipment-step": {"status": "picked_up", "key": "matriz"},
    "shipment-cancel": {},
    "shipment-link-revoke": {},
    "invoice-settings": {
        "invoice_prefix": "INTR",
        "credit_note_prefix": "NCI",
        "tax_percent": "10",
        "paper_size": "letter",
    },
    "order-refund": {"amount": "1.00", "reason": "Devolución", "key": "matriz"},
    "order-bulk": lambda world: {"to_status": "ready", "number": [world["order_a"].number]},
    "product-import": lambda world: {
        "file": SimpleUploadedFile(
            "p.csv", b"sku,title,price,stock\nNUEVO-1,Intruso,1.00,5\n", content_type="text/csv"
        )
    },
    "delivery-zone-create": lambda world: {
        "name": "Zona intrusa",
        "provinces": [Province.objects.get(name="Artemisa").pk],
        "price": "100",
        "is_active": "on",
    },
    "delivery-zone-edit": lambda world: {
        "name": "Zona cambiada",
        "municipalities": [Municipality.objects.get(name="Marianao").pk],
        "price": "999",
        "price_per_kg": "5",
        "minimum_order": "1000",
    },
    "delivery-zone-activate": {"is_active": "0"},
    "delivery-zone-delete": {},
    "pickup-point-create": lambda world: {
        "name": "Punto intruso",
        "province": Municipality.objects.get(name="Playa").province_id,
        "municipality": Municipality.objects.get(name="Playa").pk,
        "address": "Calle 1",
        "hours": "Siempre",
        "is_active": "on",
    },
    "pickup-point-edit": lambda world: {
        "name": "Punto cambiado",
        "province": Municipality.objects.get(name="Cerro").province_id,
        "municipality": Municipality.objects.get(name="Cerro").pk,
        "address": "Calle 2",
        "hours": "Nunca",
    },
    "pickup-point-activate": {"is_active": "0"},
    "pickup-point-delete": {},
    "sourcing-offer": lambda world: {
        "price": "99.00",
        "quantity": "10",
        "lead_time_days": "1",
        "valid_until": world["offer_a"].valid_until.isoformat(),
    },
    "sourcing-offer-withdraw": {},
    "thread": {"body": "Intruso"},
    "thread-report": {"reason": "Intruso"},
    "sourcing-offer-message": {"body": "¿Entregan el lunes?"},
    "sourcing-following": lambda world: {"provinces": [Province.objects.get(name="Artemisa").pk]},
    "product-review-reply": {"body": "Respuesta intrusa"},
    "product-review-report": {"reason": "Denuncia intrusa"},
    "store-review-reply": {"body": "Respuesta intrusa"},
    "store-review-report": {"reason": "Denuncia intrusa"},
    "verification": lambda world: {
        "kind": "licence",
        "file": SimpleUploadedFile("licencia.pdf", b"%PDF-1.4 intrusa", "application/pdf"),
    },
}


def payload(name: str, world) -> dict:
    data = POST_DATA.get(name, {})
    return data(world) if callable(data) else data


OBJECT_KWARGS = {"pk", "number"}
# url name prefix -> the `world` key of vendor A's object its pk points at
PK_OBJECTS = {
    "api-key-": "api_key_a",
    "webhook-resume": "subscription_a",
    "webhook-resend": "delivery_a",
    "product-": "product_a",
    "delivery-zone-": "zone_a",
    "pickup-point-": "point_a",
    "shipment-": "shipment_a",
    "verification-document": "document_a",
    "product-review-": "product_review_a",
    "store-review-": "store_review_a",
    "thread": "thread_a",
}


def vendor_scoped_url_names(*, with_object: bool = False) -> list[str]:
    namespace = get_resolver().namespace_dict["vendor_dashboard"][1]
    return sorted(
        pattern.name
        for pattern in namespace.url_patterns
        if "vendor_slug" in pattern.pattern.converters
        and (not with_object or OBJECT_KWARGS & set(pattern.pattern.converters))
    )


def world_build():
    partner_a = PartnerFactory(name="Tienda A", code="tienda-a")
    partner_b = PartnerFactory(name="Tienda B", code="tienda-b")
    product_a = ProductFactory(title="Producto de A", stockrecord__partner=partner_a)
    product_b = ProductFactory(title="Producto de B", stockrecord__partner=partner_b)
    users = {
        "anonymous": None,
        "shopper": UserFactory(),
        "agent": UserFactory(is_staff=True),
        "owner_a": UserFactory(),
        "staff_a": UserFactory(),
        "owner_b": UserFactory(),
        "operator": UserFactory(is_staff=True, is_superuser=True),
    }
    users["agent"].groups.add(Group.objects.get_or_create(name="callcenter")[0])
    partner_a.vendor.memberships.create(user=users["owner_a"], role=MembershipRole.OWNER)
    partner_a.vendor.memberships.create(user=users["staff_a"], role=MembershipRole.STAFF)
    partner_b.vendor.memberships.create(user=users["owner_b"], role=MembershipRole.OWNER)
    mixed = purchase({partner_a: [(product_a, 1)], partner_b: [(product_b, 2)]})
    order_a, order_b = mixed.vendor_orders.order_by("sequence")
    order_a = vendor_order_transition(
        vendor_order_id=order_a.pk, to_status="accepted", actor=None, actor_role=ActorRole.VENDOR
    )
    # One shipment each (built directly, so the parts' statuses stay as they are); B's has
    # a problem, so it would show in A's "needs attention" list if that list leaked.
    shipments = {
        key: Shipment.objects.create(
            vendor_order=part,
            carrier="manual",
            tracking_code=f"MATRIZ-{key.upper()}",
            status=status,
        )
        for key, part, status in (("a", order_a, "pending"), ("b", order_b, "exception"))
    }
    vendor_sale_record(vendor_order=order_a)
    vendor_sale_record(vendor_order=order_b)
    invoice_issue(vendor_order=order_a)
    invoice_issue(vendor_order=order_b)
    cents = int(mixed.total_incl_tax * 100)
    payment = Payment.objects.create(
        reference=mixed.number,
        order=mixed,
        gateway="dummy",
        amount=mixed.total_incl_tax,
        currency="CUP",
        gateway_reference=f"dummy_matrix_{cents}",
    )
    payment_outcome_record(
        payment_id=payment.pk,
        kind="charge",
        phase="success",
        amount=payment.amount,
        gateway_reference=payment.gateway_reference,
    )
    zones = {
        key: DeliveryZoneFactory(vendor=vendor, name=f"Zona de {key.upper()}")
        for key, vendor in (("a", partner_a.vendor), ("b", partner_b.vendor))
    }
    points = {
        key: PickupPointFactory(vendor=vendor, name=f"Punto de {key.upper()}")
        for key, vendor in (("a", partner_a.vendor), ("b", partner_b.vendor))
    }
    # A request both stores answered: A's offer must never show on B's pages, nor B's on A's.
    sourcing_request = flour_request(users["shopper"])
    offer_a, offer_b = (
        offer_save(
            request_id=sourcing_request.pk,
            vendor=vendor,
            terms=offer_terms(message=f"Oferta de {key.upper()}"),
        )
        for key, vendor in (("a", partner_a.vendor), ("b", partner_b.vendor))
    )
    # A conversation on each offer: B's must never show in A's inbox, nor A's in B's.
    for offer, questions in ((offer_a, 1), (offer_b, 2)):
        for number in range(questions):
            Message.objects.create(
                conversation=conversation_for_offer(offer=offer),
                author=users["shopper"],
                from_store=False,
                body=f"Pregunta {number}",
            )
    api_keys = {
        key: store_api_key_create(
            vendor=vendor,
            user=users[f"owner_{key}"],
            name=f"Clave de {key.upper()}",
            scopes=["catalogue:read"],
        ).api_key
        for key, vendor in (("a", partner_a.vendor), ("b", partner_b.vendor))
    }
    # A paused subscription of each store, with a delivery it gave up on.
    subscriptions, deliveries = {}, {}
    for key, vendor in (("a", partner_a.vendor), ("b", partner_b.vendor)):
        subscriptions[key] = WebhookSubscription.objects.create(
            vendor=vendor,
            url=f"https://tienda-{key}.example/hooks",
            events=["order.placed"],
            secret="s",
            is_active=False,
        )
        event = WebhookEvent.objects.create(
            event_id=uuid.uuid4(),
            type="order.placed",
            vendor=vendor,
            payload={},
            created_at=timezone.now(),
        )
        deliveries[key] = WebhookDelivery.objects.create(
            subscription=subscriptions[key], event=event, state="gave_up"
        )
    # Each store's papers: A's must reach only A's owners and the operators.
    documents = {
        key: document_upload(
            vendor=vendor,
            kind="registration",
            upload=SimpleUploadedFile(f"{key}.pdf", b"%PDF-1.4 " + key.encode(), "application/pdf"),
            user=users[f"owner_{key}"],
        )
        for key, vendor in (("a", partner_a.vendor), ("b", partner_b.vendor))
    }
    # A review of each store and of each store's product: B's never shows on A's pages.
    store_reviews = {
        key: StoreReview.objects.create(
            vendor_order=part,
            vendor=part.vendor,
            user=users["shopper"],
            as_described=4,
            delivery=4,
            communication=4,
            body=f"Opinión de {key.upper()}",
        )
        for key, part in (("a", order_a), ("b", order_b))
    }
    product_reviews = {
        key: product.reviews.create(
            user=users["shopper"], score=4, title=f"Reseña de {key.upper()}", body="Bien."
        )
        for key, product in (("a", product_a), ("b", product_b))
    }
    return {
        "subscription_a": subscriptions["a"],
        "delivery_a": deliveries["a"],
        "api_key_a": api_keys["a"],
        "store_review_a": store_reviews["a"],
        "product_review_a": product_reviews["a"],
        "document_a": documents["a"],
        "document_b": documents["b"],
        "sourcing_request": sourcing_request,
        "offer_a": offer_a,
        "offer_b": offer_b,
        "thread_a": offer_a.conversation,
        "a": partner_a.vendor,
        "b": partner_b.vendor,
        "product_a": product_a,
        "product_b": product_b,
        "users": users,
        "order_a": order_a,
        "order_b": order_b,
        "zone_a": zones["a"],
        "zone_b": zones["b"],
        "point_a": points["a"],
        "point_b": points["b"],
        "shipment_a": shipments["a"],
        "shipment_b": shipments["b"],
    }


# Built once for the module's 700-odd cases (it costs about a third of a second each).
world_built = module_data(world_build)


@pytest.fixture
def world(world_built, db):
    return fresh(world_built)


def url_for(name: str, vendor, world) -> str:
    """The URL `name` under `vendor`'s slug, pointing at vendor A's objects."""
    namespace = get_resolver().namespace_dict["vendor_dashboard"][1]
    pattern = next(p for p in namespace.url_patterns if p.name == name)
    kwargs = {"vendor_slug": vendor.slug}
    if "pk" in pattern.pattern.converters:
        # The longest prefix: "product-review-reply" is a review's, not a product's.
        prefix = max((p for p in PK_OBJECTS if name.startswith(p)), key=len)
        key = PK_OBJECTS[prefix]
        kwargs["pk"] = world[key].pk
    if "number" in pattern.pattern.converters:
        kwargs["number"] = world["order_a"].number
    if "request_id" in pattern.pattern.converters:
        kwargs["request_id"] = world["sourcing_request"].pk
    return reverse(f"vendor_dashboard:{name}", kwargs=kwargs)


def client_for(world, role) -> Client:
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    return client


def snapshot(world) -> tuple:
    vendor = world["a"]
    return (
        list(
            Product.objects.filter(stockrecords__partner=vendor.partner)
            .order_by("pk")
            .values_list("pk", "title", "is_public")
        ),
        list(
            StockRecord.objects.filter(partner=vendor.partner)
            .order_by("pk")
            .values_list("pk", "price", "num_in_stock", "partner_sku")
        ),
        StockMovement.objects.filter(vendor=vendor).count(),
        list(
            ProductTerms.objects.filter(stockrecord__partner=vendor.partner).values_list(
                "stockrecord_id", "minimum_quantity", "order_multiple"
            )
        ),
        list(StoreTerms.objects.filter(vendor=vendor).values_list("first_order_minimum")),
        VendorInvitation.objects.filter(vendor=vendor).count(),
        Vendor.objects.filter(pk=vendor.pk).values_list("trade_name", "address", "phone").get(),
        list(VendorOrder.objects.filter(vendor=vendor).values_list("number", "status")),
        VendorOrderEvent.objects.filter(vendor_order__vendor=vendor).count(),
        list(
            DeliveryZone.objects.filter(vendor=vendor)
            .order_by("pk")
            .values_list("pk", "name", "price", "price_per_kg", "minimum_order", "is_active")
        ),
        list(
            DeliveryZone.provinces.through.objects.filter(deliveryzone__vendor=vendor)
            .order_by("pk")
            .values_list("deliveryzone_id", "province_id")
        ),
        list(
            DeliveryZone.municipalities.through.objects.filter(deliveryzone__vendor=vendor)
            .order_by("pk")
            .values_list("deliveryzone_id", "municipality_id")
        ),
        list(
            PickupPoint.objects.filter(vendor=vendor)
            .order_by("pk")
            .values_list("pk", "name", "municipality_id", "address", "hours", "is_active")
        ),
        list(
            VendorLedgerEntry.objects.filter(vendor=vendor)
            .order_by("pk")
            .values_list("kind", "amount")
        ),
        Payout.objects.filter(vendor=vendor).count(),
        list(Invoice.objects.filter(issuer=vendor).values_list("number", "snapshot")),
        list(
            InvoiceSettings.objects.filter(vendor=vendor).values_list(
                "invoice_prefix", "credit_note_prefix", "tax_percent", "paper_size"
            )
        ),
        list(
            Shipment.objects.filter(vendor_order__vendor=vendor)
            .order_by("pk")
            .values_list("pk", "tracking_code", "status", "courier_link_revision")
        ),
        TrackingEvent.objects.filter(shipment__vendor_order__vendor=vendor).count(),
        list(
            SourcingOffer.objects.filter(vendor=vendor)
            .order_by("pk")
            .values_list("pk", "price", "quantity", "lead_time_days", "status")
        ),
        Message.objects.filter(conversation__vendor=vendor).count(),
        ConversationReport.objects.filter(conversation__vendor=vendor).count(),
        list(
            WebhookSubscription.objects.filter(vendor=vendor)
            .order_by("pk")
            .values_list("pk", "url", "is_active")
        ),
        list(
            WebhookDelivery.objects.filter(subscription__vendor=vendor)
            .order_by("pk")
            .values_list("pk", "state")
        ),
        list(
            ApiKey.objects.filter(vendor=vendor)
            .order_by("pk")
            .values_list("pk", "name", "scopes", "revoked_at")
        ),
        list(
            StoreFollowing.provinces.through.objects.filter(storefollowing__vendor=vendor)
            .order_by("pk")
            .values_list("province_id", flat=True)
        ),
        list(StoreReview.objects.filter(vendor=vendor).values_list("pk", "reply", "is_published")),
        ProductReviewReply.objects.filter(vendor=vendor).count(),
        ReviewReport.objects.filter(vendor=vendor).count(),
        list(
            VendorDocument.objects.filter(vendor=vendor)
            .order_by("pk")
            .values_list("pk", "kind", "sha256")
        ),
    )


def test_the_matrix_knows_every_vendor_dashboard_url():
    assert vendor_scoped_url_names() == [
        "account",
        "api-key-revoke",
        "api-keys",
        "delivery-zone-activate",
        "delivery-zone-create",
        "delivery-zone-delete",
        "delivery-zone-edit",
        "delivery-zone-list",
        "home",
        "inbox",
        "invoice-export",
        "invoice-export-pdfs",
        "invoice-list",
        "invoice-settings",
        "merchant-accounts",
        "national-carriers",
        "order-bulk",
        "order-detail",
        "order-list",
        "order-refund",
        "order-ship",
        "pickup-point-activate",
        "pickup-point-create",
        "pickup-point-delete",
        "pickup-point-edit",
        "pickup-point-list",
        "product-create",
        "product-edit",
        "product-export",
        "product-import",
        "product-list",
        "product-publish",
        "product-review-reply",
        "product-review-report",
        "product-stock",
        "product-terms",
        "profile",
        "review-list",
        "shipment-cancel",
        "shipment-link-revoke",
        "shipment-list",
        "shipment-step",
        "sourcing-following",
        "sourcing-list",
        "sourcing-offer",
        "sourcing-offer-message",
        "sourcing-offer-withdraw",
        "store-review-list",
        "store-review-reply",
        "store-review-report",
        "store-terms",
        "team",
        "thread",
        "thread-report",
        "verification",
        "verification-document",
        "webhook-resend",
        "webhook-resume",
        "webhooks",
    ]


@pytest.mark.parametrize("name", vendor_scoped_url_names())
@pytest.mark.parametrize("role", ROLES)
def test_get(world, name, role):
    url = url_for(name, world["a"], world)

    response = client_for(world, role).get(url)

    if role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif role not in ALLOWED:
        assert response.status_code == 404
    elif role == "operator" and name in MEMBERS_ONLY - POST_ONLY:
        assert response.status_code == 404
    elif role == "staff_a" and name in OWNER_ONLY:
        assert response.status_code == 403
    elif role == "staff_a" and name in OWNERS_AND_OPERATORS_ONLY:
        assert response.status_code == 404
    elif name in OWNERS_AND_OPERATORS_ONLY:
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert b"".join(response.streaming_content) == b"%PDF-1.4 a"
    elif name in POST_ONLY:
        assert response.status_code == 405
    elif name in ("invoice-export", "invoice-export-pdfs"):
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert world["order_b"].number.encode() not in response.content
    elif name == "product-export":
        assert response.status_code == 200
        assert b"Producto de A" in response.content and b"Producto de B" not in response.content
    else:
        assert response.status_code == 200
        html = response.content.decode()
        assert "Producto de B" not in html
        assert world["order_b"].number not in html
        assert "Zona de B" not in html and "Punto de B" not in html
        assert "MATRIZ-B" not in html
        assert "Oferta de B" not in html
        assert "Clave de B" not in html
        assert "tienda-b.example" not in html
        assert "Opinión de B" not in html and "Reseña de B" not in html


@pytest.mark.parametrize("name", vendor_scoped_url_names())
@pytest.mark.parametrize("role", [r for r in ROLES if r not in ALLOWED])
def test_post_by_outsiders_changes_nothing(world, name, role):
    url = url_for(name, world["a"], world)
    before = snapshot(world)

    response = client_for(world, role).post(url, payload(name, world))

    assert response.status_code in ({302} if role == "anonymous" else {404})
    assert snapshot(world) == before


@pytest.mark.parametrize("name", [n for n in vendor_scoped_url_names() if n in POST_DATA])
def test_post_by_the_owner_does_change_something(world, name):
    before = snapshot(world)

    client_for(world, "owner_a").post(url_for(name, world["a"], world), payload(name, world))

    assert snapshot(world) != before


@pytest.mark.parametrize("name", vendor_scoped_url_names(with_object=True))
def test_owner_b_cannot_reach_an_object_of_a_through_its_own_store(world, name):
    url = url_for(name, world["b"], world)
    before = snapshot(world)

    get = client_for(world, "owner_b").get(url)
    post = client_for(world, "owner_b").post(url, payload(name, world))

    assert get.status_code in (404, 405)
    assert post.status_code == 404
    assert snapshot(world) == before


def test_product_list_has_only_own_rows(world):
    html = (
        client_for(world, "owner_a")
        .get(url_for("product-list", world["a"], world))
        .content.decode()
    )

    assert "Producto de A" in html
    assert "Producto de B" not in html


def test_invoice_list_has_only_own_invoices(world):
    html = (
        client_for(world, "owner_a")
        .get(url_for("invoice-list", world["a"], world))
        .content.decode()
    )

    assert world["order_a"].invoice.display_number in html
    assert world["order_a"].number in html
    assert world["order_b"].number not in html


def test_each_store_reads_its_own_offer_on_a_request_both_answered(world):
    for key, other in (("a", "B"), ("b", "A")):
        owner = world["users"][f"owner_{key}"]
        client = Client()
        client.force_login(owner)
        for name in ("sourcing-list", "sourcing-offer"):
            html = client.get(url_for(name, world[key], world)).content.decode()
            assert f"Oferta de {other}" not in html
        offer_page = client.get(url_for("sourcing-offer", world[key], world)).content.decode()
        assert f"Oferta de {key.upper()}" in offer_page


def test_each_store_inbox_has_only_its_own_threads(world):
    for key, other, unread in (("a", "b", "1 mensaje nuevo"), ("b", "a", "2 mensajes nuevos")):
        client = Client()
        client.force_login(world["users"][f"owner_{key}"])
        response = client.get(url_for("inbox", world[key], world))
        assert list(response.context["threads"]) == [world[f"offer_{key}"].conversation]
        html = response.content.decode()
        assert unread in html
        assert f"/vendedor/{world[other].slug}/" not in html
