"""The board's text search moves to the products' engine: the folded text is kept as the
engine's backends read it (title and text), and on PostgreSQL each request has a
weighted `es_unaccent` vector under a GIN index (the configuration comes from the
search app's migration 0002)."""

import django.contrib.postgres.search
from django.db import migrations, models

GIN_FORWARDS = (
    "CREATE INDEX IF NOT EXISTS sourcing_request_vector "
    "ON sourcing_sourcingrequest USING gin (search_vector)"
)
GIN_BACKWARDS = "DROP INDEX IF EXISTS sourcing_request_vector"


def fold_and_index(apps, schema_editor):
    from django.contrib.postgres.search import SearchVector

    from shop.apps.search.text import fold

    SourcingRequest = apps.get_model("sourcing", "SourcingRequest")
    for request in SourcingRequest.objects.only("pk", "title"):
        SourcingRequest.objects.filter(pk=request.pk).update(title_folded=fold(request.title))
    if schema_editor.connection.vendor == "postgresql":
        SourcingRequest.objects.update(
            search_vector=SearchVector("title", weight="A", config="es_unaccent")
            + SearchVector("description", weight="C", config="es_unaccent")
        )
        schema_editor.execute(GIN_FORWARDS)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GIN_BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [
        ("sourcing", "0003_store_notice_timing"),
        ("search", "0002_postgresql_search"),
    ]

    operations = [
        migrations.RenameField(
            model_name="sourcingrequest", old_name="search_text", new_name="text_folded"
        ),
        migrations.AddField(
            model_name="sourcingrequest",
            name="title_folded",
            field=models.CharField(default="", editable=False, max_length=120),
        ),
        migrations.AddField(
            model_name="sourcingrequest",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fold_and_index, drop_index),
    ]
