"""A placed purchase e-mails its buyer once about every part, and each vendor once about
its own part only."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import translation
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from shop.mail.models import OutgoingEmail
from tests.factories import PartnerFactory, ProductFactory, UserFactory, VendorMembershipFactory
from tests.factories.orders import purchase
from vendors.models import MembershipRole, PurchasePlacedNotice
from vendors.orders.notifications import purchase_placed_notify, purchase_placed_notify_on_commit
from vendors.tasks import purchase_placed_notify_task

Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")
SITE = "https://encadena.example"


@pytest.fixture(autouse=True)
def public_address(settings):
    """Links in e-mails use the configured public address, not the Site's domain."""
    settings.SITE_URL = SITE


@pytest.fixture
def purchase_from_two_vendors(db):
    """Ana buys coffee (2 × 250) with home delivery and honey (1 × 400) to pick up."""
    coffee_shop = PartnerFactory(
        name="Café Serrano", code="serrano", vendor__email="ventas@serrano.test"
    )
    apiary = PartnerFactory(
        name="CPA La Esperanza", code="esperanza", vendor__email="miel@esperanza.test"
    )
    VendorMembershipFactory(
        vendor=coffee_shop.vendor,
        role=MembershipRole.OWNER,
        user=UserFactory(email="dueno@serrano.test"),
    )
    VendorMembershipFactory(
        vendor=coffee_shop.vendor,
        role=MembershipRole.STAFF,
        user=UserFactory(email="dependiente@serrano.test"),
    )
    coffee = ProductFactory(
        title="Café molido", stockrecord__partner=coffee_shop, stockrecord__price=Decimal("250.00")
    )
    honey = ProductFactory(
        title="Miel de abejas", stockrecord__partner=apiary, stockrecord__price=Decimal("400.00")
    )
    buyer = UserFactory(email="ana@example.test", first_name="Ana", last_name="Pérez")
    order = purchase({coffee_shop: [(coffee, 2)], apiary: [(honey, 1)]}, user=buyer)
    order.vendor_orders.filter(sequence=1).update(
        delivery_code="home", delivery_name="Entrega a domicilio", delivery_charge=Decimal("50.00")
    )
    order.vendor_orders.filter(sequence=2).update(
        delivery_code="pickup", delivery_name="Recogida en: CPA La Esperanza, Calle 1"
    )
    order.shipping_address = ShippingAddress.objects.create(
        first_name="Ana",
        last_name="Pérez",
        line1="Calle 23 No. 456",
        line4="Plaza",
        state="La Habana",
        phone_number="+5352345678",
        country=Country.objects.get_or_create(
            iso_3166_1_a2="CU", defaults={"name": "Cuba", "printable_name": "Cuba"}
        )[0],
    )
    order.total_incl_tax = Decimal("950.00")
    order.save()
    return order


def messages_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_the_buyer_gets_one_email_listing_every_part(purchase_from_two_vendors):
    order = purchase_from_two_vendors

    assert purchase_placed_notify(order_id=order.pk) is True

    [message] = messages_to("ana@example.test")
    assert message.to == ["ana@example.test"]
    assert order.number in message.subject
    for text in (
        f"{order.number}-1",
        "Café Serrano",
        "Café molido",
        "Entrega a domicilio",
        f"{order.number}-2",
        "CPA La Esperanza",
        "Miel de abejas",
        "Recogida en: CPA La Esperanza, Calle 1",
        f"{SITE}/accounts/orders/{order.number}/",
    ):
        assert text in message.body
    with translation.override("es"):
        assert currency(Decimal("550.00"), "CUP") in message.body  # coffee part with delivery
        assert currency(Decimal("950.00"), "CUP") in message.body  # the whole purchase
    html = message.alternatives[0][0]
    assert "Miel de abejas" in html and "Café molido" in html


def test_the_buyer_email_is_in_the_language_they_bought_in(purchase_from_two_vendors):
    order = purchase_from_two_vendors

    purchase_placed_notify(order_id=order.pk, language="en")

    [message] = messages_to("ana@example.test")
    assert f"{SITE}/en/accounts/orders/{order.number}/" in message.body
    assert '<html lang="en">' in message.alternatives[0][0]


def test_a_guest_is_sent_the_signed_link_to_their_purchase(db):
    store = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    order = purchase({store: [(ProductFactory(stockrecord__partner=store), 1)]})

    purchase_placed_notify(order_id=order.pk)

    [message] = messages_to("ana@example.test")
    assert (
        f"{SITE}/accounts/order-status/{order.number}/{order.verification_hash()}/"
    ) in message.body


def test_each_vendor_gets_its_own_part_only(purchase_from_two_vendors):
    order = purchase_from_two_vendors
    coffee_shop = order.vendor_orders.get(sequence=1).vendor

    purchase_placed_notify(order_id=order.pk)

    [coffee_notice] = messages_to("ventas@serrano.test")
    [honey_notice] = messages_to("miel@esperanza.test")
    assert coffee_notice.to == ["dueno@serrano.test", "ventas@serrano.test"]
    assert honey_notice.to == ["miel@esperanza.test"]
    assert f"{order.number}-1" in coffee_notice.subject
    for text in (
        f"{order.number}-1",
        "Café molido",
        "Entrega a domicilio",
        "Ana Pérez",
        "+5352345678",
        "Calle 23 No. 456",
        f"{SITE}/vendedor/{coffee_shop.slug}/pedidos/{order.number}-1/",
    ):
        assert text in coffee_notice.body
    with translation.override("es"):
        purchase_total = currency(Decimal("950.00"), "CUP")
    for notice, other_title in ((coffee_notice, "Miel de abejas"), (honey_notice, "Café molido")):
        html = notice.alternatives[0][0]
        assert other_title not in notice.body and other_title not in html
        assert purchase_total not in notice.body and purchase_total not in html
        assert "ana@example.test" not in notice.body
    assert "Miel de abejas" in honey_notice.body
    assert f"{order.number}-1" not in honey_notice.body
    assert len(mail.outbox) == 3


def test_notifying_twice_sends_nothing_more(purchase_from_two_vendors):
    order = purchase_from_two_vendors

    first = purchase_placed_notify_task.apply(args=[order.pk]).get()
    second = purchase_placed_notify_task.apply(args=[order.pk]).get()

    assert (first, second) == (True, False)
    assert len(mail.outbox) == 3
    assert PurchasePlacedNotice.objects.filter(order=order).count() == 1


def test_emails_are_sent_only_after_the_purchase_commits(
    purchase_from_two_vendors, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "shop.mail.backends.OutboxEmailBackend"
    order = purchase_from_two_vendors

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        purchase_placed_notify_on_commit(order_id=order.pk)
    assert OutgoingEmail.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()

    assert OutgoingEmail.objects.count() == 3
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "ana@example.test",
        "dueno@serrano.test",
        "miel@esperanza.test",
        "ventas@serrano.test",
    ]
