from django.db import migrations
from django.utils.text import slugify

SECTORS = [
    "Agricultura y ganadería", "Alimentos y bebidas", "Artesanía", "Comercio",
    "Construcción", "Educación y formación", "Energía", "Gastronomía", "Higiene y belleza",
    "Industria", "Muebles y hogar", "Pesca", "Salud", "Servicios profesionales",
    "Tecnología e informática", "Textiles y confecciones", "Transporte y logística", "Turismo",
]


def load_sectors(apps, schema_editor):
    Sector = apps.get_model("vendors", "Sector")
    for name in SECTORS:
        Sector.objects.update_or_create(slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("vendors", "0001_initial")]

    operations = [migrations.RunPython(load_sectors, migrations.RunPython.noop)]
