"""The console finds callers by phone: index the phone columns of Oscar's address
tables (not forked, so the index lives here)."""

from django.db import migrations

INDEXES = [
    ("callcenter_useraddress_phone", "address_useraddress"),
    ("callcenter_shippingaddress_phone", "order_shippingaddress"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("callcenter", "0001_initial"),
        ("address", "0007_useraddress_code"),
        ("order", "0021_billingaddress_code_shippingaddress_code"),
    ]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {table} (phone_number)",
                          f"DROP INDEX IF EXISTS {name}")
        for name, table in INDEXES
    ]
