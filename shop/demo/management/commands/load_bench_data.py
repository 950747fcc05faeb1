import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from shop.demo.bench import bench_catalogue_load
from shop.demo.bench_database import database_create_if_missing


class Command(BaseCommand):
    help = (
        "Fill the bench's database with a synthetic catalogue (N products, M approved "
        "stores); adds only what is missing. Run with --settings=shop.settings.bench."
    )

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=10_000)
        parser.add_argument("--vendors", type=int, default=50)

    def handle(self, *args, products, vendors, **options):
        if not getattr(settings, "BENCH_DATABASE_URL", ""):
            # The demo's database never receives thousands of made-up stores.
            raise CommandError(
                "The bench's catalogue goes into its own database: run with "
                "--settings=shop.settings.bench (BENCH_DATABASE_URL names it)."
            )
        if products < 1 or vendors < 1:
            raise CommandError("--products and --vendors must be at least 1.")
        name = settings.DATABASES["default"]["NAME"]
        if database_create_if_missing(settings.DATABASES["default"]):
            self.stdout.write(f"Created the database {name}.")
        call_command("migrate", interactive=False, verbosity=0)
        start = time.perf_counter()
        loaded = bench_catalogue_load(products=products, stores=vendors)
        self.stdout.write(
            f"{name}: {loaded.products} products from {loaded.stores} stores "
            f"({loaded.products_added} products and {loaded.stores_added} stores added "
            f"in {time.perf_counter() - start:.0f} s)."
        )
