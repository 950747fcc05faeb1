from django.core.management.base import BaseCommand

from shop.apps.search.indexing import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index (products, economic actors, vocabulary) from the catalogue."

    def handle(self, *args, **options):
        summary = search_index_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index rebuilt: {summary.products} products, {summary.vendors} "
                f"economic actors, {summary.words} words."
            )
        )
