from django.core import mail
from django.utils import timezone

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from vendors.models import LowStockDigest, MembershipRole
from vendors.tasks import low_stock_digests


def test_the_daily_digest_lists_low_products_once_a_day(db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    partner = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    owner = UserFactory(email="vilma@guayabita.test")
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    ProductFactory(
        title="Miel de abejas",
        stockrecord__partner=partner,
        stockrecord__num_in_stock=2,
        stockrecord__low_stock_threshold=5,
        stockrecord__partner_sku="MIEL-1",
    )
    ProductFactory(
        title="Guayaba",
        stockrecord__partner=partner,
        stockrecord__num_in_stock=50,
        stockrecord__low_stock_threshold=5,
    )
    PartnerFactory(name="Sin problemas", code="ok")

    low_stock_digests.apply()
    low_stock_digests.apply()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Dulces Guayabita: 1 producto se está agotando"
    assert sorted(message.to) == sorted([partner.vendor.email, "vilma@guayabita.test"])
    assert "Miel de abejas (MIEL-1): 2 / 5" in message.body
    assert "Guayaba" not in message.body
    assert list(LowStockDigest.objects.values_list("day", "products")) == [
        (timezone.localdate(), 1)
    ]


def test_the_digest_is_scheduled_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["low-stock-digests"]
    assert entry["task"] == "vendors.low_stock_digests"
