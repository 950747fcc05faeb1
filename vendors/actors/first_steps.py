"""A new store's "Primeros pasos": what it has to do in its first week, each step ticked by
what the store actually did (read from its data in one query), with where it is done."""

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from logistics.models import DeliveryZone
from shop.invoices.models import InvoiceSettings
from vendors.models import Vendor, VendorOrder

Product = get_model("catalogue", "Product")

PRODUCTS_WITH_PICTURES = 5


@dataclass(frozen=True)
class FirstStep:
    key: str
    title: str
    url_name: str
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
        )
        .values("has_profile", "pictured", "delivers", "invoices", "ordered")
        .get()
    )
    return FirstSteps(
        steps=(
            FirstStep("profile", _("Your profile and logo"), "profile", facts["has_profile"]),
            FirstStep(
                "products",
                _("Five products with pictures"),
                "product-list",
                facts["pictured"] >= PRODUCTS_WITH_PICTURES,
            ),
            FirstStep(
                "delivery",
                _("Where you deliver: your delivery zones"),
                "delivery-zone-list",
                facts["delivers"],
            ),
            FirstStep(
                "payment",
                _("How you charge: your invoice details"),
                "invoice-settings",
                facts["invoices"],
            ),
            FirstStep("order", _("A first order, even a test one"), "order-list", facts["ordered"]),
        )
    )
