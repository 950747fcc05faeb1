"""Parts bought on account before parts said so themselves (VendorOrder.on_account)."""

from django.db import migrations


def parts_on_account_mark(apps, schema_editor):
    VendorOrder = apps.get_model("vendors", "VendorOrder")
    VendorOrder.objects.filter(credit_charge__isnull=False).update(on_account=True)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0002_price_lists"),
        ("vendors", "0017_vendor_order_on_account"),
    ]

    operations = [migrations.RunPython(parts_on_account_mark, migrations.RunPython.noop)]
