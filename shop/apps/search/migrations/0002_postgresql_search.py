"""PostgreSQL only: the `es_unaccent` text search configuration (Spanish stemming of
unaccented words, so "cafe" and "café" are one lexeme), the GIN indexes behind full-text
search and the trigram index of the vocabulary behind misspellings. Nothing on other databases."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

FORWARDS = """
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'es_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION es_unaccent (COPY = spanish);
        ALTER TEXT SEARCH CONFIGURATION es_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS search_doc_vector
    ON search_productsearchdocument USING gin (search_vector);
CREATE INDEX IF NOT EXISTS search_vendor_vector
    ON search_vendorsearchdocument USING gin (search_vector);
CREATE INDEX IF NOT EXISTS search_word_trgm ON search_searchword USING gin (word gin_trgm_ops);
"""

BACKWARDS = """
DROP INDEX IF EXISTS search_word_trgm;
DROP INDEX IF EXISTS search_vendor_vector;
DROP INDEX IF EXISTS search_doc_vector;
DROP TEXT SEARCH CONFIGURATION IF EXISTS es_unaccent;
"""


class KeptExtension:
    """Unapplying leaves the extension installed: other schemas may use it, and Django's
    own backwards step would query PostgreSQL's catalogue on any database."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


class KeptUnaccentExtension(KeptExtension, UnaccentExtension):
    pass


class KeptTrigramExtension(KeptExtension, TrigramExtension):
    pass


def run_on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        KeptUnaccentExtension(),
        KeptTrigramExtension(),
        migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS)),
    ]
