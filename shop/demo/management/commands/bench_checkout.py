"""A guest's whole checkout of one product from each of three stores, in-process with
Django's test client against the configured database: SQL queries and time per request,
and the totals. Every run places a real order (cash on delivery). The Celery tasks the
requests send (the stores' notices, the e-mails) are the worker's work, not the request's:
they are listed, not run, unless --run-tasks runs them in the request that sent them.

The stores are three demo-like stores the bench makes once ("Tienda de prueba 1-3", one
ground coffee each, a million in stock) in the bench's own database (run with
--settings=shop.settings.bench: BENCH_DATABASE_URL, created and migrated when missing),
never in the demo's; or with --demo-stores the first three of the demo (`manage.py
seed_demo`) that have stock, in the configured database: their pages are richer (reviews),
and every run then promises a unit of each of their products to a guest's order."""

import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from unittest import mock

from celery.app.task import Task
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.db.models import F
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from logistics.models import DeliveryZone, Municipality, PickupPoint
from payments.selectors import payment_method_default
from shop.demo.bench_database import database_create_if_missing
from shop.demo.exceptions import CheckoutFailed
from vendors.catalogue.products import product_weight_set
from vendors.models import ActorType, StockMovement, StockMovementReason, Vendor, VendorStatus

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

STORES = 3
GUEST_EMAIL = "bench-checkout@example.test"
ADDRESS = {
    "first_name": "Carlos",
    "last_name": "Comprador",
    "line1": "Calle 23 No. 1155",
    "line2": "entre 10 y 12, Vedado",
    "phone_number": "+53 5 234 5678",
    "notes": "Tocar fuerte.",
}
PROVINCE, MUNICIPALITY = "La Habana", "Plaza de la Revolución"
BENCH_STORE_CODE = "bench-checkout-{}"
BENCH_CATEGORY = "Alimentos > Café y cacao"  # the demo's
# Units of each bench product: every run promises one to its order.
BENCH_STOCK = 1_000_000


@dataclass(frozen=True)
class CheckoutRequest:
    """One request of the checkout: `data` builds the POST body from the responses
    before it (by label), as a browser reads the pages it was shown."""

    label: str
    method: str
    path: str
    status: int
    data: Callable[[dict[str, HttpResponse]], dict] | None = None


@dataclass
class Measure:
    label: str
    queries: int
    milliseconds: float
    sql: list[str] = field(default_factory=list, repr=False)
    tasks: list[str] = field(default_factory=list)


def _address_data(_responses) -> dict:
    place = Municipality.objects.get(province__name=PROVINCE, name=MUNICIPALITY)
    return {**ADDRESS, "province": place.province_id, "municipality": place.pk}


def _delivery_data(responses) -> dict:
    """The first option the delivery page offers for each store: home delivery when the
    store brings it to the address, else its first pickup point."""
    page = responses["delivery"].content.decode()
    choices = {}
    for name, code in re.findall(r'name="(vendor-\d+)" value="([^"]+)"', page):
        choices.setdefault(name, code)
    return choices


def _place_data(responses) -> dict:
    page = responses["review"].content.decode()
    fingerprint = re.search(r'name="purchase_fingerprint" value="([0-9a-f]+)"', page).group(1)
    return {"action": "place_order", "purchase_fingerprint": fingerprint}


def checkout_requests(products) -> list[CheckoutRequest]:
    """The requests of a guest buying one unit of each of `products`: for 3 products
    (3 stores), these 18."""
    requests = []
    for number, product in enumerate(products, start=1):
        requests += [
            CheckoutRequest(f"product {number}", "get", product.get_absolute_url(), 200),
            CheckoutRequest(
                f"add to basket {number}",
                "post",
                reverse("basket:add", kwargs={"pk": product.pk}),
                302,
                lambda _responses: {"quantity": 1},
            ),
        ]
    return requests + [
        CheckoutRequest("basket", "get", reverse("basket:summary"), 200),
        CheckoutRequest("checkout", "get", reverse("checkout:index"), 200),
        CheckoutRequest(
            "as a guest",
            "post",
            reverse("checkout:index"),
            302,
            lambda _responses: {"username": GUEST_EMAIL, "options": "anonymous"},
        ),
        CheckoutRequest("address", "get", reverse("checkout:shipping-address"), 200),
        CheckoutRequest(
            "address sent", "post", reverse("checkout:shipping-address"), 302, _address_data
        ),
        CheckoutRequest("delivery", "get", reverse("checkout:shipping-method"), 200),
        CheckoutRequest(
            "delivery chosen", "post", reverse("checkout:shipping-method"), 302, _delivery_data
        ),
        CheckoutRequest("payment method", "get", reverse("checkout:payment-method"), 200),
        CheckoutRequest(
            "payment chosen",
            "post",
            reverse("checkout:payment-method"),
            302,
            lambda _responses: {"method": payment_method_default()},
        ),
        CheckoutRequest("review", "get", reverse("checkout:preview"), 200),
        CheckoutRequest("place order", "post", reverse("checkout:preview"), 302, _place_data),
        CheckoutRequest("thank you", "get", reverse("checkout:thank-you"), 200),
    ]


@contextmanager
def tasks_kept(*, run: bool) -> Iterator[list[str]]:
    """Within it, every task sent is named in the list yielded; it runs at once, in the
    request, if `run`, and is dropped otherwise (a worker would run it)."""
    from shop.celery import app

    sent: list[str] = []
    apply_async = Task.apply_async
    eager = app.conf.task_always_eager

    def send(task, *args, **kwargs):
        sent.append(task.name)
        return apply_async(task, *args, **kwargs) if run else None

    app.conf.task_always_eager = True
    try:
        with mock.patch.object(Task, "apply_async", send):
            yield sent
    finally:
        app.conf.task_always_eager = eager


def checkout_run(
    products, *, client: Client | None = None, run_tasks: bool = False
) -> list[Measure]:
    """Walk `checkout_requests(products)` with a fresh guest's client; raises
    CheckoutFailed when a page answers otherwise than a buyer's would."""
    client = client or Client(HTTP_HOST="127.0.0.1")
    responses: dict[str, HttpResponse] = {}
    measures = []
    for request in checkout_requests(products):
        send = getattr(client, request.method)
        arguments = (request.data(responses),) if request.data else ()
        # Django empties the query log when a request starts; count from zero.
        reset_queries()
        with tasks_kept(run=run_tasks) as tasks, CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = send(request.path, *arguments)
            elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != request.status:
            raise CheckoutFailed(
                f"{request.label}: {request.method.upper()} {request.path} "
                f"answered {response.status_code}, not {request.status}"
            )
        responses[request.label] = response
        measures.append(
            Measure(
                request.label,
                len(queries.captured_queries),
                elapsed,
                [query["sql"] for query in queries.captured_queries],
                tasks,
            )
        )
    return measures


def demo_products(count: int = STORES, *, units: int = 1) -> list:
    """One product with `units` free from each of the first `count` approved demo stores,
    or [] when there are not so many."""
    products = []
    vendors = (
        Vendor.objects.filter(status=VendorStatus.APPROVED)
        .exclude(partner__code__startswith=BENCH_STORE_CODE.format(""))
        .order_by("pk")
    )
    for vendor in vendors:
        record = (
            StockRecord.objects.filter(
                partner_id=vendor.partner_id,
                num_in_stock__gte=F("num_allocated") + units,
                product__is_public=True,
                product__product_class__track_stock=True,
            )
            .select_related("product")
            .order_by("pk")
            .first()
        )
        if record is not None:
            products.append(record.product)
        if len(products) == count:
            return products
    return []


@transaction.atomic
def bench_products(count: int = STORES) -> list:
    """`count` demo-like stores (approved, home delivery to La Habana and a pickup point)
    with one product each in the demo's coffee category, made on the first call."""
    municipality = Municipality.objects.select_related("province").get(
        province__name=PROVINCE, name=MUNICIPALITY
    )
    goods, _ = ProductClass.objects.get_or_create(
        slug="producto",
        defaults={"name": "Producto", "requires_shipping": True, "track_stock": True},
    )
    category = create_from_breadcrumbs(BENCH_CATEGORY)
    products = []
    for number in range(1, count + 1):
        code = BENCH_STORE_CODE.format(number)
        name = f"Tienda de prueba {number}"
        partner, _ = Partner.objects.get_or_create(code=code, defaults={"name": name})
        vendor, created = Vendor.objects.get_or_create(
            partner=partner,
            defaults={
                "actor_type": ActorType.MIPYME_PRIVATE,
                "legal_name": f"{name} S.R.L.",
                "trade_name": name,
                "nit": f"99{number:09d}",
                "province": municipality.province,
                "municipality": municipality,
                "address": "Calle 23 No. 1010",
                "phone": "+53 5 123 4567",
                "email": f"{code}@example.test",
                "slug": code,
                "status": VendorStatus.APPROVED,
            },
        )
        if created:
            zone = DeliveryZone.objects.create(
                vendor=vendor, name="La Habana", price=Decimal("150.00")
            )
            zone.provinces.set([municipality.province])
            PickupPoint.objects.create(
                vendor=vendor,
                name=name,
                municipality=municipality,
                address="Calle 23 No. 1010",
                hours="9:00 a 17:00",
            )
        product, created = Product.objects.get_or_create(
            upc=f"BENCH-CHECKOUT-{number}",
            defaults={
                "title": f"Café molido de la tienda {number}, 250 g",
                "slug": f"cafe-molido-tienda-{number}",
                "product_class": goods,
                "structure": Product.STANDALONE,
                "is_public": True,
                "description": "Café de altura, tostado y molido en la tienda.",
            },
        )
        if created:
            product_weight_set(product=product, weight_kg=Decimal("0.25"))
        ProductCategory.objects.get_or_create(product=product, category=category)
        record, created = StockRecord.objects.get_or_create(
            product=product,
            partner=partner,
            defaults={
                "partner_sku": product.upc,
                "price": Decimal("300.00"),
                "price_currency": "CUP",
                "num_in_stock": BENCH_STOCK,
            },
        )
        if created:
            StockMovement.objects.create(
                stockrecord=record,
                vendor=vendor,
                reason=StockMovementReason.INITIAL,
                delta=BENCH_STOCK,
                level_after=BENCH_STOCK,
                note="bench_checkout",
            )
        products.append(product)
    return products


class Command(BaseCommand):
    help = (
        "A guest's checkout of one product from each of 3 stores (18 requests): "
        "queries and ms per request, and the totals."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--runs",
            type=int,
            default=11,
            help="Whole checkouts timed; the figures are their medians.",
        )
        parser.add_argument(
            "--demo-stores",
            action="store_true",
            help="Buy from the demo's stores (it promises their stock).",
        )
        parser.add_argument(
            "--run-tasks",
            action="store_true",
            help="Run the tasks the requests send, and count them.",
        )
        parser.add_argument(
            "--sql",
            metavar="LABEL",
            default="",
            help="Also print the SQL of the request with this label.",
        )

    def handle(self, *args, runs, demo_stores, run_tasks, sql, **options):
        if not demo_stores:
            if not getattr(settings, "BENCH_DATABASE_URL", ""):
                raise CommandError(
                    "The bench's stores go into the bench's own database: run with "
                    "--settings=shop.settings.bench, or buy from the demo's with --demo-stores."
                )
            database_create_if_missing(settings.DATABASES["default"])
            call_command("migrate", interactive=False, verbosity=0)
        products = demo_products(units=runs + 1) if demo_stores else bench_products()
        if not products:
            raise CommandError("The demo has no three stores with stock: run seed_demo.")
        store_names = ", ".join(
            StockRecord.objects.filter(product__in=products)
            .values_list("partner__name", flat=True)
            .order_by("pk")
        )
        self.stdout.write(
            f"Stores: {store_names}. {runs} runs after a first, uncounted one; "
            f"tasks {'run and counted' if run_tasks else 'not run'}."
        )
        # Messages are delivered to memory: the bench sends no mail and texts nobody.
        with override_settings(
            MAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            SMS_BACKEND="shop.sms.backends.locmem.SmsBackend",
        ):
            checkout_run(products, run_tasks=run_tasks)  # warm: first-request caches
            results = [checkout_run(products, run_tasks=run_tasks) for _run in range(runs)]
        last = results[-1]
        self.stdout.write(f"\n{'#':>2} {'request':18} {'queries':>7} {'p50 ms':>7}  tasks sent")
        for index, measure in enumerate(last):
            p50 = statistics.median(run[index].milliseconds for run in results)
            tasks = ", ".join(f"{name} ×{count}" for name, count in Counter(measure.tasks).items())
            self.stdout.write(
                f"{index + 1:2d} {measure.label:18} {measure.queries:7d} {p50:7.1f}  {tasks}"
            )
        totals = [sum(measure.milliseconds for measure in run) for run in results]
        self.stdout.write(
            f"   {'total':18} {sum(m.queries for m in last):7d} {statistics.median(totals):7.1f}"
        )
        if sql:
            for measure in last:
                if measure.label == sql:
                    self.stdout.write("\n".join(measure.sql))
