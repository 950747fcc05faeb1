"""A line bought by measure: a quantity that need not be whole, in a unit ("2,5 t"), at a
price per that unit. The basket counts whole items, so such a line is one lot (quantity
1) priced at quantity × unit price, and carries its measure as a line attribute (Oscar's
options): the invoice and the order pages read the measure from there. A whole quantity
of counted items ("30 units") may carry a measure too, to print its unit."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from oscar.core.loading import get_model

from shop.core.money import CENT

Option = get_model("catalogue", "Option")

MEASURE_OPTION_CODE = "cantidad-medida"


@dataclass(frozen=True)
class LineMeasure:
    quantity: Decimal
    unit: str  # as the reader reads it: "t", "kg", "horas de servicio"
    unit_price: Decimal

    @property
    def lot_price(self) -> Decimal:
        """What the whole quantity costs, rounded half up to the cent."""
        return (self.quantity * self.unit_price).quantize(CENT, rounding=ROUND_HALF_UP)

    def as_value(self) -> dict:
        return {
            "quantity": str(self.quantity),
            "unit": self.unit,
            "unit_price": str(self.unit_price),
        }


def measure_basket_option(measure: LineMeasure) -> dict:
    """The `options` item of Basket.add_product that carries `measure` to the order line."""
    option, _created = Option.objects.get_or_create(
        code=MEASURE_OPTION_CODE, defaults={"name": "Cantidad"}
    )
    return {"option": option, "value": measure.as_value()}


def line_measure(line) -> LineMeasure | None:
    """The measure an order line was bought by, or None for a line of counted items.
    Reads `line.attributes.all()` (prefetch it for many lines)."""
    for attribute in line.attributes.all():
        if attribute.type == MEASURE_OPTION_CODE and isinstance(attribute.value, dict):
            value = attribute.value
            return LineMeasure(
                quantity=Decimal(value["quantity"]),
                unit=value["unit"],
                unit_price=Decimal(value["unit_price"]),
            )
    return None
