"""The database itself refuses a stock record that promises more than it holds.

Oscar's partner_stockrecord table belongs to Oscar's migrations, so the rule is
added here: a CHECK constraint on PostgreSQL, triggers on SQLite (which cannot
add a constraint to an existing table).
"""

from django.db import migrations

CONSTRAINT = "partner_stockrecord_allocated_within_stock"

POSTGRES_FORWARD = f"""
ALTER TABLE partner_stockrecord ADD CONSTRAINT {CONSTRAINT}
CHECK (num_allocated IS NULL OR num_in_stock IS NULL
       OR (num_allocated >= 0 AND num_allocated <= num_in_stock));
"""
POSTGRES_BACKWARD = f"ALTER TABLE partner_stockrecord DROP CONSTRAINT {CONSTRAINT};"

SQLITE_TRIGGER = """
CREATE TRIGGER {name} BEFORE {event} ON partner_stockrecord
WHEN NEW.num_allocated IS NOT NULL AND NEW.num_in_stock IS NOT NULL
     AND (NEW.num_allocated < 0 OR NEW.num_allocated > NEW.num_in_stock)
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {constraint}'); END;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)
    elif schema_editor.connection.vendor == "sqlite":
        for event in ("INSERT", "UPDATE"):
            schema_editor.execute(SQLITE_TRIGGER.format(
                name=f"{CONSTRAINT}_{event.lower()}", event=event, constraint=CONSTRAINT))


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD)
    elif schema_editor.connection.vendor == "sqlite":
        for event in ("insert", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {CONSTRAINT}_{event};")


class Migration(migrations.Migration):
    dependencies = [
        ("vendors", "0005_stock_movement_allocation"),
        ("partner", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, backward)]
