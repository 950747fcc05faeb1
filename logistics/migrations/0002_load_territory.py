from django.db import migrations
from django.utils.text import slugify

from logistics.data.territory import SPECIAL_MUNICIPALITY_CODE, TERRITORY


def load_territory(apps, schema_editor):
    Province = apps.get_model("logistics", "Province")
    Municipality = apps.get_model("logistics", "Municipality")
    for code, name, municipalities in TERRITORY:
        province, _ = Province.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "slug": slugify(name),
                "is_special_municipality": code == SPECIAL_MUNICIPALITY_CODE,
            },
        )
        for position, municipality in enumerate(municipalities, start=1):
            Municipality.objects.update_or_create(
                code=f"{code}{position:02d}",
                defaults={"province": province, "name": municipality,
                          "slug": slugify(municipality)},
            )


def unload_territory(apps, schema_editor):
    apps.get_model("logistics", "Municipality").objects.all().delete()
    apps.get_model("logistics", "Province").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("logistics", "0001_initial")]

    operations = [migrations.RunPython(load_territory, unload_territory)]
