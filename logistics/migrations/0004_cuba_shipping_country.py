"""Cuba is the country every purchase ships to: Oscar's checkout needs it as a
shipping country before anyone can buy (the demo data used to be the only source)."""

from django.db import migrations

CUBA = {
    "iso_3166_1_a3": "CUB",
    "iso_3166_1_numeric": "192",
    "printable_name": "Cuba",
    "name": "Republic of Cuba",
    "display_order": 1,
    "is_shipping_country": True,
}


def cuba_add(apps, schema_editor):
    Country = apps.get_model("address", "Country")
    Country.objects.update_or_create(iso_3166_1_a2="CU", defaults=CUBA)


class Migration(migrations.Migration):
    dependencies = [
        ("address", "0007_useraddress_code"),
        ("logistics", "0003_delivery_zones_pickup_points"),
    ]

    operations = [migrations.RunPython(cuba_add, migrations.RunPython.noop)]
