"""Writes for the national carriers: a carrier's settings, its rate and point tables
imported from CSV (the whole table or nothing), and a store's choice of carriers."""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from logistics.national.error_codes import NationalErrorCode
from logistics.national.exceptions import CarrierNotConnected, TableImportRefused
from logistics.national.models import (
    NationalCarrier,
    NationalPoint,
    NationalRate,
    PointKind,
    StoreCarrier,
)
from logistics.national.offers import national_carrier_names
from logistics.territory import territory

MAX_ROWS = 20_000
MAX_ERRORS = 20
RATE_COLUMNS = ("origen", "destino", "hasta_kg", "precio", "dias")
POINT_COLUMNS = ("tipo", "provincia", "municipio", "nombre", "direccion", "horario")
POINT_KINDS = {
    "entrega": PointKind.DROP_OFF,
    "recogida": PointKind.PICKUP,
    "ambos": PointKind.BOTH,
}


@dataclass(frozen=True)
class NationalCarrierData:
    code: str
    name: str
    minimum_charge: Decimal
    handling_days: int
    allows_consolidation: bool
    is_active: bool


def national_carrier_save(
    *, data: NationalCarrierData, carrier: NationalCarrier | None = None
) -> NationalCarrier:
    """Create or update a carrier. Its code must name a national carrier configured in
    SHIPPING_CARRIERS: that entry is how parcels are registered and steps arrive."""
    if data.code not in national_carrier_names():
        raise CarrierNotConnected(
            _(
                "No national carrier named %(code)s is configured: add it to "
                "SHIPPING_CARRIERS first (%(configured)s)."
            )
            % {"code": data.code, "configured": ", ".join(sorted(national_carrier_names()))},
            code=NationalErrorCode.NOT_CONNECTED,
        )
    carrier = carrier or NationalCarrier()
    for name, value in vars(data).items():
        setattr(carrier, name, value)
    carrier.save()
    return carrier


def _rows(text: str, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    """(line number, row) of a CSV whose header names `columns` (in any order, commas or
    semicolons); raises TableImportRefused when it cannot be read as such."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in columns if column not in header]
    if missing:
        raise TableImportRefused(
            [
                _("The first row must name the columns %(columns)s; missing: %(missing)s.")
                % {"columns": ", ".join(columns), "missing": ", ".join(missing)}
            ],
            code=NationalErrorCode.CSV,
        )
    rows = []
    for raw in reader:
        row = {
            (key or "").strip().lower(): (value or "").strip()
            for key, value in raw.items()
            if isinstance(value, str)
        }
        if any(row.values()):
            rows.append((reader.line_num, row))
        if len(rows) > MAX_ROWS:
            raise TableImportRefused(
                [_("A table has at most %(count)s rows.") % {"count": MAX_ROWS}],
                code=NationalErrorCode.CSV,
            )
    if not rows:
        raise TableImportRefused([_("The file has no rows.")], code=NationalErrorCode.CSV)
    return rows


def _province(value: str):
    wanted = value.casefold()
    return next(
        (
            province
            for province in territory().provinces
            if wanted in (province.name.casefold(), province.code)
        ),
        None,
    )


def _decimal(value: str) -> Decimal | None:
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _refuse_if(errors: list[str]) -> None:
    if errors:
        shown = errors[:MAX_ERRORS]
        if len(errors) > MAX_ERRORS:
            shown.append(
                _("…and %(count)s more rows with errors.") % {"count": len(errors) - MAX_ERRORS}
            )
        raise TableImportRefused(shown, code=NationalErrorCode.CSV_ROW)


@transaction.atomic
def rate_table_import(*, carrier: NationalCarrier, text: str) -> int:
    """Replace the carrier's whole rate table with the CSV `text` (columns origen,
    destino, hasta_kg, precio, dias; provinces by name or code). Every bad row is named
    and nothing is saved if there is one. Returns how many rates the table holds."""
    rates, errors, seen = [], [], {}
    for line, row in _rows(text, RATE_COLUMNS):
        origin, destination = _province(row["origen"]), _province(row["destino"])
        weight, price = _decimal(row["hasta_kg"]), _decimal(row["precio"])
        days = row["dias"]
        problems = []
        if origin is None:
            problems.append(_("no province is called “%(name)s”") % {"name": row["origen"]})
        if destination is None:
            problems.append(_("no province is called “%(name)s”") % {"name": row["destino"]})
        if weight is None or not 0 < weight <= 10_000 or weight.as_tuple().exponent < -3:
            problems.append(_("the weight must be a number of kg above 0, up to 3 decimals"))
        if price is None or not 0 <= price < 10**8 or price.as_tuple().exponent < -2:
            problems.append(_("the price must be an amount of 0 or more, up to 2 decimals"))
        if not days.isdigit() or not 0 <= int(days) <= 60:
            problems.append(_("the transit days must be a whole number from 0 to 60"))
        if not problems:
            key = (origin.pk, destination.pk, weight)
            if key in seen:
                problems.append(_("the same band as row %(line)s") % {"line": seen[key]})
            seen[key] = line
        if problems:
            errors.append(
                _("Row %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
            continue
        rates.append(
            NationalRate(
                carrier=carrier,
                origin_id=origin.pk,
                destination_id=destination.pk,
                max_weight_kg=weight,
                price=price,
                transit_days=int(days),
            )
        )
    _refuse_if(errors)
    NationalCarrier.objects.select_for_update().filter(pk=carrier.pk).first()
    carrier.rates.all().delete()
    NationalRate.objects.bulk_create(rates, batch_size=1000)
    return len(rates)


@transaction.atomic
def point_table_import(*, carrier: NationalCarrier, text: str) -> int:
    """Replace the carrier's points with the CSV `text` (columns tipo = entrega, recogida
    or ambos; provincia, municipio, nombre, direccion, horario), all or nothing."""
    points, errors, seen = [], [], {}
    for line, row in _rows(text, POINT_COLUMNS):
        problems = []
        kind = POINT_KINDS.get(row["tipo"].casefold())
        if kind is None:
            problems.append(
                _("the kind must be one of %(kinds)s") % {"kinds": ", ".join(POINT_KINDS)}
            )
        province = _province(row["provincia"])
        municipality = (
            territory().municipality_named(province=province.name, name=row["municipio"])
            if province
            else None
        )
        if province is None:
            problems.append(_("no province is called “%(name)s”") % {"name": row["provincia"]})
        elif municipality is None:
            problems.append(
                _("%(province)s has no municipality called “%(name)s”")
                % {"province": province.name, "name": row["municipio"]}
            )
        for column, limit in (("nombre", 80), ("direccion", 255), ("horario", 160)):
            if not row[column] or len(row[column]) > limit:
                problems.append(
                    _("“%(column)s” must have between 1 and %(limit)s characters")
                    % {"column": column, "limit": limit}
                )
        if not problems:
            key = (municipality.pk, row["nombre"])
            if key in seen:
                problems.append(_("the same point as row %(line)s") % {"line": seen[key]})
            seen[key] = line
        if problems:
            errors.append(
                _("Row %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
            continue
        points.append(
            NationalPoint(
                carrier=carrier,
                kind=kind,
                name=row["nombre"],
                municipality_id=municipality.pk,
                address=row["direccion"],
                hours=row["horario"],
            )
        )
    _refuse_if(errors)
    NationalCarrier.objects.select_for_update().filter(pk=carrier.pk).first()
    carrier.points.all().delete()
    NationalPoint.objects.bulk_create(points)
    return len(points)


def store_carrier_set(*, vendor, carrier: NationalCarrier, is_active: bool) -> StoreCarrier:
    """The store sends through `carrier` (or stops); its buyers see it from then on."""
    link, _created = StoreCarrier.objects.update_or_create(
        vendor=vendor, carrier=carrier, defaults={"is_active": is_active}
    )
    return link
