"""A new store's "Primeros pasos": what it has to do in its first week, each step ticked by
what the store actually did (read from its data in one query), with where it is done."""

from dataclasses import dataclass

from django.db.models import CharField, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from logistics.models import DeliveryZone
from shop.classroom.selectors import first_course, first_course_completed
from shop.invoices.models import InvoiceSettings
from vendors.models import Vendor, VendorOrder

Product = get_model("catalogue", "Product")

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
            delivers=Exists(DeliveryZone.objects.filter(vendor=OuterRef("pk"), is_active=True)),
            invoices=Exists(InvoiceSettings.objects.filter(vendor=OuterRef("pk"))),
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
            "delivers",
            "invoices",
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
            "invoice-settings",
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
            _("Where you deliver: your delivery zones"),
            dashboard["delivery-zone-list"],
            facts["delivers"],
        ),
        FirstStep(
            "payment",
            _("How you charge: your invoice details"),
            dashboard["invoice-settings"],
            facts["invoices"],
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
