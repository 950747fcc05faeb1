"""Requests, offers and awards in kg, t, litres, m² or hours need not be whole: "2,5 t"."""

import django.core.validators
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sourcing", "0005_offer_lapse_told"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="sourcingoffer",
            name="sourcing_offer_accepted_within_quantity",
        ),
        migrations.RemoveConstraint(
            model_name="sourcingrequest",
            name="sourcing_request_quantity_positive",
        ),
        migrations.AlterField(
            model_name="sourcingoffer",
            name="accepted_quantity",
            field=models.DecimalField(
                blank=True,
                decimal_places=3,
                max_digits=12,
                null=True,
                verbose_name="accepted quantity",
            ),
        ),
        migrations.AlterField(
            model_name="sourcingoffer",
            name="quantity",
            field=models.DecimalField(
                decimal_places=3,
                max_digits=12,
                validators=[django.core.validators.MinValueValidator(Decimal("0.001"))],
                verbose_name="quantity you can supply",
            ),
        ),
        migrations.AlterField(
            model_name="sourcingrequest",
            name="awarded_quantity",
            field=models.DecimalField(
                decimal_places=3,
                default=Decimal("0"),
                max_digits=12,
                verbose_name="awarded quantity",
            ),
        ),
        migrations.AlterField(
            model_name="sourcingrequest",
            name="quantity",
            field=models.DecimalField(
                decimal_places=3,
                max_digits=12,
                validators=[django.core.validators.MinValueValidator(Decimal("0.001"))],
                verbose_name="quantity",
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcingoffer",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("accepted_quantity__isnull", True),
                    models.Q(
                        ("accepted_quantity__gt", 0),
                        ("accepted_quantity__lte", models.F("quantity")),
                    ),
                    _connector="OR",
                ),
                name="sourcing_offer_accepted_within_quantity",
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcingrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(("awarded_quantity__gte", 0), ("quantity__gt", 0)),
                name="sourcing_request_quantity_above_zero",
            ),
        ),
    ]
