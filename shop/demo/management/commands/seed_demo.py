from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand

from shop.apps.search.indexing import search_index_rebuild
from shop.demo.services import demo_marketplace_seed


class Command(BaseCommand):
    help = "Create or update the demo marketplace (stores, catalogue, stock, demo accounts)."

    def add_arguments(self, parser):
        # Oscar's Site keeps a domain; links in messages use settings.SITE_URL.
        parser.add_argument("--site-domain", default=urlsplit(settings.SITE_URL).netloc)

    def handle(self, *args, site_domain, **options):
        summary = demo_marketplace_seed(site_domain=site_domain)
        index = search_index_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo marketplace ready: {summary.stores} stores (and {summary.applications} "
                f"application waiting), {summary.products} products, "
                f"{summary.categories} categories, {summary.accounts} demo accounts, "
                f"{summary.purchases} past purchases of the demo shopper, "
                f"{summary.requests} requests for offers "
                f"(password: encadena-demo). Search index: {index.products} products, "
                f"{index.vendors} economic actors."
            )
        )
        if summary.api_key_secret:
            # Shown this once, as the dashboard shows a new key; only its hash is kept.
            self.stdout.write(
                f"API key of the demo store (vendedor@encadena.test), shown only now: "
                f"{summary.api_key_secret}"
            )
