"""A new store's "Primeros pasos": what it has to do in its first week, each step ticked by
what the store actually did (read from its data in two queries), with where it is done."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from logistics.models import DeliveryZone
from logistics.national.models import StoreCarrier
from payments.selectors import payment_methods_offered
from shop.classroom.selectors import first_course, first_course_completed
from vendors.models import Vendor, VendorOrder

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

PRODUCTS_WITH_PICTURES = 5


@dataclass(frozen=True)
class FirstStep:
    key: str
    title: str
    url: str
    done: bool


@dataclass(frozen=True)
class FirstSteps:
    steps: tuple[FirstStep, ...]

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / len(self.steps))

    @property
    def complete(self) -> bool:
        return self.done_count == len(self.steps)


def buyers_can_pay(*, vendor: Vendor) -> bool:
    """Whether the store's buyers have a way to pay it in every currency it sells in (the
    site's currency before it lists anything). A store configures no payment method of its
    own: the platform's gateways apply to every store (its merchant account, where it gave
    one, only changes whose account the money lands in), and payment on account is only
    for companies a store gave terms, so it does not count."""
    currencies = set(
        StockRecord.objects.filter(partner_id=vendor.partner_id)
        .order_by()
        .values_list("price_currency", flat=True)
        .distinct()
    ) or {settings.OSCAR_DEFAULT_CURRENCY}
    return all(payment_methods_offered(currency=currency) for currency in currencies)


def first_steps(*, vendor: Vendor) -> FirstSteps:
    pictured = (
        Product.objects.filter(stockrecords__partner_id=OuterRef("partner_id"))
        .filter(images__isnull=False)
        .order_by()
        .values("stockrecords__partner_id")
        .annotate(count=Count("pk", distinct=True))
        .values("count")[:1]
    )
    facts = (
        Vendor.objects.filter(pk=vendor.pk)
        .annotate(
            has_profile=~Q(logo="") & ~Q(description=""),
            pictured=Coalesce(Subquery(pictured, output_field=IntegerField()), Value(0)),
            zones=Exists(DeliveryZone.objects.filter(vendor=OuterRef("pk"), is_active=True)),
            carrier=Exists(
                StoreCarrier.objects.filter(
                    vendor=OuterRef("pk"), is_active=True, carrier__is_active=True
                )
            ),
            ordered=Exists(VendorOrder.objects.filter(vendor=OuterRef("pk"))),
            first_course=Subquery(first_course().values("slug")[:1], output_field=CharField()),
            first_course_title=Subquery(
                first_course().values("title")[:1], output_field=CharField()
            ),
            course_completed=first_course_completed(vendor_ref=OuterRef("pk")),
        )
        .values(
            "has_profile",
            "pictured",
            "zones",
            "carrier",
            "ordered",
            "first_course",
            "first_course_title",
            "course_completed",
        )
        .get()
    )
    dashboard = {
        name: reverse(f"vendor_dashboard:{name}", args=[vendor.slug])
        for name in (
            "profile",
            "product-list",
            "delivery-zone-list",
            "merchant-accounts",
            "order-list",
        )
    }
    steps = [
        FirstStep(
            "profile", _("Your profile and logo"), dashboard["profile"], facts["has_profile"]
        ),
        FirstStep(
            "products",
            _("Five products with pictures"),
            dashboard["product-list"],
            facts["pictured"] >= PRODUCTS_WITH_PICTURES,
        ),
        FirstStep(
            "delivery",
            _("Where you deliver: delivery zones or a national carrier"),
            dashboard["delivery-zone-list"],
            facts["zones"] or facts["carrier"],
        ),
        FirstStep(
            "payment",
            _("How your buyers pay: a payment method in your currency"),
            dashboard["merchant-accounts"],
            buyers_can_pay(vendor=vendor),
        ),
        FirstStep(
            "order", _("A first order, even a test one"), dashboard["order-list"], facts["ordered"]
        ),
    ]
    # Only once operators published a first course (the data migration ships one).
    if facts["first_course"]:
        steps.append(
            FirstStep(
                "course",
                _("The first course: %(title)s") % {"title": facts["first_course_title"]},
                reverse("classroom:course", args=[facts["first_course"]]),
                facts["course_completed"],
            )
        )
    return FirstSteps(steps=tuple(steps))
