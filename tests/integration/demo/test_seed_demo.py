"""`manage.py seed_demo`: a believable marketplace, the same every time it runs."""

from decimal import Decimal

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS
from django.db.models import F
from django.test import override_settings
from oscar.core.loading import get_model

from logistics.models import DeliveryZone, PickupPoint
from shop.api.models import ApiKey
from shop.demo import data
from shop.webhooks.models import DeliveryState, WebhookDelivery, WebhookSubscription
from tests.module_data import database_for_module
from vendors.models import ActorType, Vendor, VendorMembership, VendorOrder, VendorStatus

# Seeded once for the module (twice, in fact): one worker runs the module, early.
pytestmark = [pytest.mark.early, pytest.mark.xdist_group("demo-seed")]

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
PartnerAddress = get_model("partner", "PartnerAddress")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def delivery_snapshot() -> tuple[list, list]:
    zones = DeliveryZone.objects.order_by("pk").values_list(
        "pk",
        "vendor__trade_name",
        "name",
        "price",
        "price_per_kg",
        "minimum_order",
        "is_active",
        "provinces__name",
        "municipalities__name",
    )
    points = PickupPoint.objects.order_by("pk").values_list(
        "pk", "vendor__trade_name", "name", "municipality__name", "address", "hours", "is_active"
    )
    return list(zones), list(points)


def weights_snapshot() -> list[tuple]:
    return list(
        get_model("catalogue", "ProductAttributeValue")
        .objects.filter(attribute__code="weight")
        .order_by("product__upc")
        .values_list("product__upc", "value_float")
    )


def catalogue_snapshot() -> list[tuple]:
    return list(
        StockRecord.objects.order_by("partner_sku").values_list(
            "partner_sku", "partner__code", "price", "num_in_stock", "product__title"
        )
    )


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo marketplace, seeded twice, shared by this module's tests."""
    # Through override_settings, whose signal resets the storage's cached folder both ways:
    # a plain assignment left a worker's storage writing into this module's folder for good.
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    with django_db_blocker.unblock(), database_for_module(DEFAULT_DB_ALIAS):
        before = row_counts()
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        users_before = list(get_user_model().objects.values_list("pk", flat=True))
        from shop.classroom.models import Course

        courses_before = list(Course.objects.values_list("pk", flat=True))
        groups_before = list(Group.objects.values_list("pk", flat=True))
        call_command("seed_demo", verbosity=0)
        first = catalogue_snapshot()
        first_counts = (Partner.objects.count(), Product.objects.count(), Category.objects.count())
        first_delivery = delivery_snapshot()
        first_weights = weights_snapshot()
        call_command("seed_demo", verbosity=0)
        yield {
            "first": first,
            "first_counts": first_counts,
            "first_delivery": first_delivery,
            "first_weights": first_weights,
        }
        # Module-scoped data outlives the per-test transactions: remove it.
        from django.db import connection

        from payments.models import Payment, PaymentEvent
        from shop.invoices.models import CreditNote, Invoice, InvoiceSeries
        from vendors.models import VendorLedgerEntry

        with connection.cursor() as cursor:  # append-only: its manager refuses deletes
            cursor.execute("DELETE FROM callcenter_auditnotice")
            cursor.execute("DELETE FROM callcenter_auditentry")
            cursor.execute("DELETE FROM callcenter_customernote")
        from shop.companies.models import Company, CompanyPurchase, CreditCharge

        CreditCharge.objects.all().delete()
        CompanyPurchase.objects.all().delete()
        Company.objects.all().delete()
        CreditNote.objects.all().delete()
        Invoice.objects.all().delete()
        InvoiceSeries.objects.all().delete()
        VendorLedgerEntry.objects.all().delete()
        PaymentEvent.objects.all().delete()
        Payment.objects.all().delete()
        from logistics.models import Shipment

        Shipment.objects.all().delete()
        from shop.sourcing.models import SourcingRequest

        SourcingRequest.objects.all().delete()
        from shop.linkages.models import Deal, Event, Initiative

        Deal.objects.all().delete()
        Event.objects.all().delete()
        Initiative.objects.all().delete()
        get_model("order", "Order").objects.all().delete()
        get_model("basket", "Basket").objects.all().delete()
        Product.objects.all().delete()
        Category.objects.all().delete()
        Vendor.objects.all().delete()
        Partner.objects.all().delete()
        get_model("catalogue", "ProductClass").objects.all().delete()
        get_model("catalogue", "Option").objects.all().delete()  # the awards' measure option
        from shop.apps.search.models import SearchWord

        SearchWord.objects.all().delete()
        from django.contrib.auth import get_user_model

        get_user_model().objects.filter(email__endswith="@encadena.test").delete()
        from django.contrib.auth.models import Group

        from logistics.national.models import NationalCarrier
        from shop.callcenter.models import CustomerContact
        from shop.linkages.models import LinkageFigure

        NationalCarrier.objects.all().delete()
        WebhookSubscription.objects.all().delete()  # the platform's outlive the stores
        from shop.classroom.models import LiveSession

        LiveSession.objects.all().delete()
        Course.objects.exclude(pk__in=courses_before).delete()
        LinkageFigure.objects.all().delete()
        CustomerContact.objects.all().delete()
        for app, model in (
            ("address", "UserAddress"),
            ("order", "ShippingAddress"),
            ("order", "ShippingEventType"),
            ("analytics", "UserRecord"),
        ):
            get_model(app, model).objects.all().delete()
        get_user_model().objects.exclude(pk__in=users_before).delete()
        Group.objects.exclude(pk__in=groups_before).delete()
        # Whatever the demo adds and this list forgets would meet later tests of this
        # worker as data they did not make (a second "nacional" carrier's table, say).
        left = {table: count for table, count in row_counts().items() if count != before[table]}
    media.disable()
    assert not left, f"the demo left rows behind: {left}"


def row_counts() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def test_at_least_twelve_stores_in_at_least_six_provinces(seeded, db):
    provinces = set(PartnerAddress.objects.values_list("state", flat=True))

    assert Partner.objects.count() >= 12
    assert len(provinces) >= 6
    assert PartnerAddress.objects.filter(country__iso_3166_1_a2="CU").count() == (
        Partner.objects.filter(vendor__has_store=True).count()  # a profile ships nothing
    )


def test_at_least_190_browsable_products_each_with_price_and_image(seeded, db):
    products = Product.objects.browsable()

    # The floor was 300 while every good also came as a fake "lote mayorista de 12"
    # product; those are gone (the stores' tiers and multiples sell by volume), and what
    # is left is the stores' real range, one product per presentation (194).
    assert products.count() >= 190
    assert products.filter(stockrecords__price__gt=0).distinct().count() == products.count()
    assert products.filter(images__isnull=False).distinct().count() == products.count()
    assert set(StockRecord.objects.values_list("price_currency", flat=True)) == {"CUP"}


def test_products_sit_in_the_spanish_category_tree(seeded, db):
    top_level = set(Category.objects.filter(depth=1).values_list("name", flat=True))

    assert {
        "Alimentos",
        "Agricultura",
        "Materiales de construcción",
        "Textiles y confecciones",
        "Artesanía",
        "Servicios",
    } <= top_level
    assert Product.objects.filter(categories__isnull=True).count() == 0
    assert Product.objects.filter(categories__depth=2).distinct().count() == Product.objects.count()


def test_it_leaves_the_search_index_filled(seeded, db):
    from shop.apps.search.engine import ProductSearchFilters, product_search
    from shop.apps.search.models import ProductSearchDocument, VendorSearchDocument

    for_sale = Product.objects.browsable().filter(
        stockrecords__partner__vendor__status=VendorStatus.APPROVED
    )
    assert ProductSearchDocument.objects.count() == for_sale.distinct().count()
    assert VendorSearchDocument.objects.count() == (
        Vendor.objects.filter(status=VendorStatus.APPROVED).count()
    )
    found = product_search(filters=ProductSearchFilters(query="cafe"))
    assert found.count > 0 and found.suggestion == ""


def test_every_store_sells_something_and_some_stock_is_out(seeded, db):
    without_stock = Partner.objects.filter(stockrecords__isnull=True)
    assert list(without_stock.values_list("vendor__has_store", flat=True)) == [False]
    assert StockRecord.objects.filter(num_in_stock=0).exists()


def test_cuba_is_a_shipping_country(seeded, db):
    Country = get_model("address", "Country")

    assert Country.objects.get(iso_3166_1_a2="CU").is_shipping_country


def test_the_demo_shopper_has_past_purchases_in_various_states(seeded, db):
    from vendors.models import VendorOrder

    statuses = set(
        VendorOrder.objects.filter(order__user__email="comprador@encadena.test").values_list(
            "status", flat=True
        )
    )

    assert get_model("order", "Order").objects.filter(
        user__email="comprador@encadena.test", origin__channel="web"
    ).count() == len(data.PURCHASES)
    assert statuses == {"placed", "accepted", "shipped", "delivered", "cancelled", "rejected"}
    from payments.models import Payment

    # Parts paid in cash at the door (a company's part on account is paid by transfer).
    delivered = VendorOrder.objects.filter(status="delivered", credit_charge__isnull=True).count()
    web = Payment.objects.filter(
        order__origin__channel="web", order__user__email="comprador@encadena.test"
    )
    assert sorted(web.values_list("gateway", flat=True)) == sorted(
        purchase.payment for purchase in data.PURCHASES
    )
    assert {"cash_on_delivery", "bank_transfer"} <= {p.payment for p in data.PURCHASES}
    assert set(web.filter(gateway="bank_transfer").values_list("state", flat=True)) == {"captured"}
    assert Payment.objects.filter(events__gateway_reference__startswith="cash:").count() == (
        delivered
    )


def test_the_demos_invoices_name_the_payment_method_as_the_buyer_chose_it(seeded, db):
    from shop.invoices.models import Invoice

    methods = set(
        Invoice.objects.filter(
            vendor_order__order__user__email="comprador@encadena.test"
        ).values_list("snapshot__payment_method", flat=True)
    )

    assert methods == {"Pago contra entrega", "Transferencia bancaria"}


def test_shipped_and_delivered_demo_parts_have_a_timeline_once(seeded, db):
    from logistics.models import Shipment
    from vendors.models import VendorOrder

    travelled = VendorOrder.objects.filter(
        order__user__email="comprador@encadena.test", status__in=("shipped", "delivered")
    )
    shipments = Shipment.objects.filter(vendor_order__in=travelled)

    assert shipments.count() == travelled.count() > 0
    assert {(shipment.vendor_order.status, shipment.status) for shipment in shipments} <= {
        ("shipped", "in_transit"),
        ("delivered", "delivered"),
    }
    assert all(shipment.events.count() in (2, 3) for shipment in shipments)


def test_running_it_again_changes_nothing(seeded, db):
    assert catalogue_snapshot() == seeded["first"]
    assert weights_snapshot() == seeded["first_weights"]
    assert (Partner.objects.count(), Product.objects.count(), Category.objects.count()) == seeded[
        "first_counts"
    ]


@pytest.mark.parametrize("email", [account.email for account in data.ACCOUNTS])
def test_demo_accounts_log_in_with_the_demo_password(seeded, db, email):
    user = authenticate(username=email, password="encadena-demo")

    assert user is not None
    assert user.email == email


def test_demo_accounts_have_their_roles(seeded, db):
    from django.contrib.auth import get_user_model

    users = {u.email: u for u in get_user_model().objects.filter(email__endswith="@encadena.test")}

    assert users["operador@encadena.test"].is_superuser
    assert users["agente@encadena.test"].is_staff
    assert not users["agente@encadena.test"].is_superuser
    assert users["agente@encadena.test"].groups.filter(name="callcenter").exists()
    assert not users["comprador@encadena.test"].is_staff
    assert list(
        VendorMembership.objects.filter(user=users["vendedor@encadena.test"]).values_list(
            "vendor__trade_name", "role"
        )
    ) == [("Dulces Guayabita", "owner")]


def test_the_login_form_accepts_a_demo_account(seeded, db, client):
    response = client.post(
        "/accounts/login/",
        {
            "login-username": "comprador@encadena.test",
            "login-password": "encadena-demo",
            "login_submit": "Iniciar sesión",
        },
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_catalogue_shows_products_from_at_least_twelve_stores(seeded, db, client, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 400

    products = client.get("/catalogue/").context["products"]

    stores = {record.partner.code for product in products for record in product.stockrecords.all()}
    assert len(stores) >= 12


def test_every_store_has_a_full_vendor_profile(seeded, db):
    # Stores: the cooperative listed with a profile and no store is the demo's one exception.
    approved = Vendor.objects.filter(status=VendorStatus.APPROVED, has_store=True)

    assert approved.count() == Partner.objects.count() - 2  # but the applicant and the cooperative
    assert set(approved.values_list("actor_type", flat=True)) == set(ActorType.values)
    assert approved.values("province").distinct().count() >= 6
    for vendor in approved.select_related("municipality"):
        assert vendor.municipality.province_id == vendor.province_id
        assert len(vendor.nit) == 11 and vendor.nit.isdigit()
        assert vendor.logo.name.endswith(".png")
        assert vendor.sectors.exists()
        assert vendor.status_changes.count() == 2


def test_actors_say_what_they_need_and_one_is_listed_without_a_store(seeded, db):
    from vendors.actors.selectors import complementary_actors

    cooperative = Vendor.objects.get(has_store=False)
    assert (cooperative.status, cooperative.trade_name) == (
        VendorStatus.APPROVED,
        "CCS Niceto Pérez",
    )
    assert cooperative.deals_bought.filter(counts=True).count() == 1
    guayabita = Vendor.objects.get(partner__code=data.VENDOR_ACCOUNT_STORE.lower())
    assert guayabita.need_sectors.exists()
    suggestions = complementary_actors(vendor=guayabita)
    assert suggestions.need_what_you_offer and suggestions.offer_what_you_need


def test_one_application_waits_for_the_operator(seeded, db):
    applicant = Vendor.objects.get(status=VendorStatus.APPLIED)

    assert applicant.trade_name == "Huerto Verde"
    assert list(applicant.memberships.values_list("user__email", flat=True)) == [
        "solicitante@encadena.test"
    ]


def test_running_it_again_does_not_duplicate_delivery(seeded, db):
    assert delivery_snapshot() == seeded["first_delivery"]


def test_every_approved_store_delivers_in_its_own_province_and_has_a_pickup_point(seeded, db):
    approved = Vendor.objects.filter(status=VendorStatus.APPROVED, has_store=True).select_related(
        "province", "municipality"
    )

    for vendor in approved:
        zones = list(vendor.delivery_zones.prefetch_related("provinces", "municipalities"))
        own = zones[0]
        assert 1 <= len(zones) <= 2
        assert [p.name for p in own.provinces.all()] == [vendor.province.name]
        assert list(own.municipalities.all()) == []
        assert Decimal("150") <= own.price <= Decimal("400")
        assert (own.price_per_kg, own.minimum_order, own.is_active) == (0, 0, True)
        point = vendor.pickup_points.get()
        assert (point.municipality, point.address, point.is_active) == (
            vendor.municipality,
            vendor.address,
            True,
        )
        assert point.hours
    assert not Vendor.objects.get(status=VendorStatus.APPLIED).delivery_zones.exists()


def test_some_stores_also_deliver_farther_by_weight_above_a_minimum(seeded, db):
    farther = DeliveryZone.objects.exclude(provinces=F("vendor__province")).select_related("vendor")

    assert farther.count() == len(data.FARTHER_ZONES)
    assert farther.filter(provinces__name="La Habana").exists()
    for zone in farther:
        assert zone.price_per_kg > 0 and zone.minimum_order > 0
    guayabita = DeliveryZone.objects.get(
        vendor__trade_name="Dulces Guayabita", provinces__name="La Habana"
    )
    assert (guayabita.name, guayabita.price, guayabita.price_per_kg, guayabita.minimum_order) == (
        "Entrega en La Habana",
        Decimal("450.00"),
        Decimal("20.00"),
        Decimal("3000.00"),
    )


def test_the_demo_agent_took_phone_orders_and_left_notes(seeded, db):
    from django.contrib.auth import get_user_model

    from shop.callcenter.models import AuditEntry, CustomerNote, PurchaseOrigin

    agent = get_user_model().objects.get(email="agente@encadena.test")
    origins = PurchaseOrigin.objects.filter(agent=agent)

    assert sorted(origins.values_list("channel", flat=True)) == sorted(
        order.channel for order in data.PHONE_ORDERS
    )
    assert {origin.order.vendor_orders.count() for origin in origins} == {
        len(order.stores) for order in data.PHONE_ORDERS
    }
    assert CustomerNote.objects.filter(author=agent).count() == len(data.CALL_NOTES)
    assert AuditEntry.objects.filter(agent=agent, action="order_placed").count() == len(
        data.PHONE_ORDERS
    )
    assert AuditEntry.objects.filter(agent=agent, action="customer_created").count() == 1
    assert PurchaseOrigin.objects.filter(
        agent__isnull=True, channel="web", order__user__email="comprador@encadena.test"
    ).count() == len(data.PURCHASES)


def test_goods_weigh_what_their_presentation_says_and_services_nothing(seeded, db):
    from vendors.catalogue.products import MAX_WEIGHT_KG

    weights = dict(weights_snapshot())
    goods = Product.objects.filter(product_class__slug="producto")
    titles = dict(goods.values_list("title", "upc"))

    assert set(weights) == set(goods.values_list("upc", flat=True))
    assert not Product.objects.filter(
        product_class__slug="servicio", attribute_values__attribute__code="weight"
    ).exists()
    assert all(0 < weight <= MAX_WEIGHT_KG for weight in weights.values())
    assert weights[titles["Café molido tostado medio, 250 g"]] == 0.25
    assert not any("lote mayorista" in title for title in titles)
    assert weights[titles["Cemento gris P-35, saco de 42,5 kg"]] == 42.5
    assert weights[titles["Miel de abejas, 500 ml"]] == 0.5
    assert weights[titles["Sillón de madera y pajilla, por unidad"]] == 12.0


def test_the_demo_shoppers_address_is_in_its_address_book_once(seeded, db, client):
    from django.contrib.auth import get_user_model

    shopper = get_user_model().objects.get(email="comprador@encadena.test")
    orders = get_model("order", "Order").objects.filter(user=shopper)
    [address] = shopper.addresses.all()

    assert (address.line1, address.line4, address.state, address.phone_number.as_e164) == (
        "Calle 23 No. 1155",
        "Plaza de la Revolución",
        "La Habana",
        "+5352345678",
    )
    assert address.num_orders_as_shipping_address == orders.count() == len(data.PURCHASES) + 1
    client.force_login(shopper)
    assert list(client.get("/accounts/addresses/").context["addresses"]) == [address]


def test_the_demo_shopper_reviewed_a_product_of_each_part_it_received(seeded, db, client):
    from django.contrib.auth import get_user_model

    from vendors.models import VendorOrder

    shopper = get_user_model().objects.get(email="comprador@encadena.test")
    delivered = VendorOrder.objects.filter(order__user=shopper, status="delivered")
    reviews = get_model("reviews", "ProductReview").objects.filter(user=shopper)

    assert reviews.count() == delivered.count() == len(data.REVIEWS)
    assert {review.product.stockrecords.get().partner.vendor for review in reviews} == {
        part.vendor for part in delivered
    }
    client.force_login(get_user_model().objects.get(email="vendedor@encadena.test"))
    page = client.get("/vendedor/dulces-guayabita/opiniones/")
    assert [review.title for review in page.context["reviews"]] == [data.REVIEWS[0][1]]


def test_a_dozen_requests_across_provinces_some_with_offers_one_awarded(seeded, db):
    from shop.sourcing.models import OfferStatus, RequestStatus, SourcingOffer, SourcingRequest

    requests = SourcingRequest.objects.all()
    provinces = set(requests.values_list("municipality__province__name", flat=True))
    awarded = requests.get(status=RequestStatus.AWARDED)
    accepted = SourcingOffer.objects.get(status=OfferStatus.ACCEPTED)

    assert requests.count() == len(data.REQUESTS) == 12
    assert len(provinces) >= 8
    assert requests.filter(offers__isnull=False).distinct().count() >= 8
    assert requests.filter(buyer_vendor__isnull=False).exists()
    assert (awarded.title, accepted.request_id) == ("Bloques de hormigón de 15 cm", awarded.pk)
    part = VendorOrder.objects.get(order=accepted.order)
    assert (part.vendor.trade_name, part.status) == ("Bloques Morón", "accepted")
    line = accepted.order.lines.get()
    assert (line.quantity, line.unit_price_incl_tax) == (4000, Decimal("58.00"))
    from shop.sourcing.models import Message

    assert Message.objects.filter(conversation__offer=accepted).count() == 2
    assert Message.objects.filter(conversation__subject="offer", from_store=True).count() == 2
    from shop.sourcing.models import Conversation

    question, reported = Conversation.objects.filter(subject="product").order_by("pk")
    assert [m.from_store for m in question.messages.all()] == [False, True]
    assert not question.reports.exists()
    assert reported.reports.get().reason == "Nos pide pagar fuera de la plataforma."
    assert "[datos de contacto ocultos hasta que haya una compra]" in (
        reported.messages.first().body
    )


def test_the_demo_has_a_verified_store_and_rated_stores_with_a_reply(seeded, db, client):
    from shop.trust.models import ProductReviewReply, StoreReview, VendorVerification

    verified = VendorVerification.objects.get(status="verified").vendor
    assert verified.partner.code == data.VENDOR_ACCOUNT_STORE.lower()
    assert verified.documents.count() == 1
    reviews = StoreReview.objects.filter(user__email=data.ACCOUNTS[1].email)
    assert reviews.count() == 3
    assert [review.reply for review in reviews if review.reply] == [
        "Gracias por su compra. Lo esperamos de nuevo."
    ]
    assert ProductReviewReply.objects.count() == 1
    page = client.get(f"/tiendas/{verified.slug}/").content.decode()
    assert "verified-badge" in page and "Gracias por su compra." in page


def test_the_demo_board_has_posts_with_replies_and_an_accepted_answer(seeded, db, client):
    from shop.community.models import BoardFollowing, Post

    posts = Post.objects.all()
    assert posts.count() == 4
    answered = posts.get(accepted_reply__isnull=False)
    assert answered.reply_count == 2 and answered.accepted_reply.useful_count == 1
    page = client.get(f"/comunidad/{answered.pk}/").content.decode()
    assert "Respuesta aceptada" in page
    wanted = posts.get(kind="busco")
    page = client.get(f"/comunidad/{wanted.pk}/").content.decode()
    assert 'href="/tiendas/dulces-guayabita/">@Dulces Guayabita</a>' in page
    assert [mention.vendor.slug for mention in wanted.store_mentions.all()] == ["dulces-guayabita"]
    following = BoardFollowing.objects.get()  # seeded twice, kept once
    assert [province.name for province in following.provinces.all()] == ["Matanzas"]


def test_cafe_serrano_grants_the_cafeteria_a_price_list_below_its_public_tiers(seeded, db):
    from shop.companies.models import Company, PriceList
    from shop.companies.price_lists import company_prices
    from shop.demo.companies import CAFETERIA

    cafeteria = Company.objects.get(nit=CAFETERIA.nit)
    price_list = PriceList.objects.get()  # seeded twice, kept once
    assert list(price_list.companies.all()) == [cafeteria]
    assert price_list.vendor.partner.name == "Café Serrano"
    prices = company_prices(company_id=cafeteria.pk)
    records = StockRecord.objects.in_bulk(prices)
    assert records and all(r.product.title.startswith("Café") for r in records.values())
    for record_id, tiers in prices.items():
        assert [tier.min_quantity for tier in tiers] == [1, 48]
        assert tiers[0].price < records[record_id].price


def test_the_demo_store_has_an_api_key_and_webhooks_with_a_delivery_log(seeded, db):
    vendor = Vendor.objects.get(memberships__user__email="vendedor@encadena.test")

    assert ApiKey.objects.filter(vendor=vendor).count() == 1  # the second run made none
    assert WebhookSubscription.objects.filter(vendor=vendor).count() == 1
    assert WebhookSubscription.objects.filter(vendor=None).count() == 1
    store_log = WebhookDelivery.objects.filter(subscription__vendor=vendor)
    assert sorted(store_log.values_list("state", flat=True)) == sorted(
        [DeliveryState.DELIVERED, DeliveryState.PENDING, DeliveryState.GAVE_UP]
    )
    assert WebhookDelivery.objects.filter(subscription__vendor=None).count() == 1


def test_the_demo_vendor_is_half_way_through_the_first_course_and_a_store_completed_it(seeded, db):
    from django.test import Client
    from django.utils import timezone

    from shop.classroom.models import CourseCompletion, LessonRead, LiveSession

    read = LessonRead.objects.filter(
        user__email="vendedor@encadena.test", lesson__course__slug="vender-en-encadena"
    )
    assert read.count() == 3
    assert not CourseCompletion.objects.filter(user__email="vendedor@encadena.test").exists()
    serrano = Vendor.objects.get(partner__code="serrano")
    page = Client().get(f"/tiendas/{serrano.slug}/").content.decode()
    assert "Curso completado: Vender en Encadena" in page
    assert LiveSession.objects.filter(ends_at__gt=timezone.now()).count() == 1


def test_the_cafeterias_mixed_purchase_has_one_part_on_account_and_one_paid_now(seeded, db):
    from shop.companies.models import CompanyPurchase
    from shop.demo.companies import CAFETERIA, MIXED_WITH, ON_TERMS

    order = (
        CompanyPurchase.objects.filter(
            company__nit=CAFETERIA.nit, order__vendor_orders__on_account=False
        )
        .filter(order__vendor_orders__on_account=True)
        .get()
        .order
    )
    parts = dict(order.vendor_orders.values_list("vendor__partner__code", "on_account"))
    assert parts == {ON_TERMS.lower(): True, MIXED_WITH.lower(): False}
    assert order.payments.get().amount < order.total_incl_tax
