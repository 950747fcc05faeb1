"""A vendor's products, prices and stock as CSV: export, and an import that
applies completely or not at all, reporting every bad line."""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from vendors.catalogue.moderation import product_is_held
from vendors.catalogue.products import (
    MAX_PRICE,
    MAX_STOCK,
    MAX_WEIGHT_KG,
    ProductData,
    product_weight_of,
    product_weight_parse,
    product_weight_set,
    product_weight_text,
    vendor_product_create,
    vendor_products,
)
from vendors.exceptions import _RollBack
from vendors.inventory.stock import stock_set
from vendors.models import StockMovementReason, Vendor
from vendors.pricing.exceptions import TermsInvalid
from vendors.pricing.rules import QuantityTerms
from vendors.pricing.selectors import quantity_terms_for
from vendors.pricing.services import product_terms_set, terms_errors, tiers_parse, tiers_text

StockRecord = get_model("partner", "StockRecord")

COLUMNS = [
    "sku",
    "title",
    "price",
    "stock",
    "low_stock_threshold",
    "published",
    "weight",
    # The store's wholesale terms (vendors/pricing): minimum order quantity, order
    # multiple, tier prices as "24:95.00; 48:90.00". Empty: one by one, one price.
    "minimum",
    "multiple",
    "tiers",
]
TERMS_COLUMNS = {"minimum", "multiple", "tiers"}
REQUIRED = {"sku", "price", "stock"}
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
# What a spreadsheet runs as a formula when a cell starts with it (CSV injection).
FORMULA_STARTS = "=+-@\t\r"
# What the import page tells vendors before they try.
IMPORT_LIMITS = {
    "rows": MAX_ROWS,
    "megabytes": MAX_BYTES // (1024 * 1024),
    "price": MAX_PRICE,
    "stock": MAX_STOCK,
}
YES = {"1", "si", "sí", "yes", "true", "x"}
NO = {"0", "no", "false", ""}


@dataclass
class ImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _Row:
    line: int
    sku: str
    title: str
    price: Decimal
    stock: int
    low_stock_threshold: int | None
    published: bool | None
    weight_kg: Decimal | None  # None: not given (a known product keeps its weight)
    terms: QuantityTerms | None = None  # None: no terms column (a known product keeps them)


def vendor_catalogue_csv(*, vendor: Vendor) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    products = list(vendor_products(vendor=vendor))
    terms = quantity_terms_for(product.stockrecord_id for product in products)
    for product in products:
        product_terms = terms[product.stockrecord_id]
        writer.writerow(
            [
                spreadsheet_safe(product.sku),
                spreadsheet_safe(product.title),
                f"{product.price:.2f}" if product.price is not None else "",
                product.num_in_stock or 0,
                "" if product.low_stock_threshold is None else product.low_stock_threshold,
                "sí" if product.is_public else "no",
                product_weight_text(product_weight_of(product)),
                product_terms.minimum,
                product_terms.multiple,
                tiers_text(product_terms.tiers),
            ]
        )
    return out.getvalue()


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return f"'{value}" if value and value[0] in FORMULA_STARTS else value


def vendor_catalogue_csv_import(*, vendor: Vendor, actor, upload) -> ImportReport:
    """Read every line first; write only if all are valid, in one transaction."""
    report = ImportReport()
    rows = _rows(upload, report)
    if not report.ok:
        return report
    existing = {
        record.partner_sku: record
        for record in StockRecord.objects.filter(partner_id=vendor.partner_id).select_related(
            "product"
        )
    }
    for row in rows:
        if row.sku not in existing and not row.title:
            report.errors.append((row.line, _("A new product needs a title.")))
    if not report.ok:
        return report
    try:
        with transaction.atomic():
            for row in rows:
                record = existing.get(row.sku)
                try:
                    if record is None:
                        _row_create(vendor, actor, row)
                        report.created += 1
                    else:
                        _row_update(vendor, actor, row, record)
                        report.updated += 1
                except ValidationError as error:
                    report.errors.append((row.line, " ".join(error.messages)))
            if report.errors:
                raise _RollBack
    except _RollBack:
        report.created = report.updated = 0
    return report


def _row_create(vendor, actor, row: _Row) -> None:
    product = vendor_product_create(
        vendor=vendor,
        actor=actor,
        stock=row.stock,
        data=ProductData(
            title=row.title,
            description="",
            category=None,
            price=row.price,
            sku=row.sku,
            low_stock_threshold=row.low_stock_threshold,
            is_public=True if row.published is None else row.published,
            weight_kg=row.weight_kg,
        ),
    )
    if row.terms is not None:
        product_terms_set(stockrecord=product.stockrecords.get(), terms=row.terms)


def _row_update(vendor, actor, row: _Row, record) -> None:
    product = record.product
    if row.title:
        product.title = row.title
    if row.published is not None:
        product.is_public = row.published and not product_is_held(product=product)
    product.save(update_fields=["title", "is_public", "date_updated"])
    record.price = row.price
    record.low_stock_threshold = row.low_stock_threshold
    record.save(update_fields=["price", "low_stock_threshold", "date_updated"])
    if row.weight_kg is not None:
        product_weight_set(product=product, weight_kg=row.weight_kg)
    if row.terms is not None:
        product_terms_set(stockrecord=record, terms=row.terms)
    stock_set(
        stockrecord_id=record.pk,
        vendor=vendor,
        level=row.stock,
        actor=actor,
        reason=StockMovementReason.IMPORT,
        note=_("CSV import"),
    )


def _rows(upload, report: ImportReport) -> list[_Row]:
    return csv_upload_read(upload, report, _rows_read)


def csv_upload_read(upload, report: ImportReport, read: Callable) -> list:
    """`read(reader, report)` over an uploaded CSV file, once it is known to be a UTF-8
    text file of 2 MB at most that the csv module can read; else [] and the reason in
    `report`. The product import and the price list import read their files alike."""
    if upload.size > MAX_BYTES:
        report.errors.append((0, _("The file must be 2 MB or smaller.")))
        return []
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append((0, _("The file must be saved as UTF-8 text (CSV).")))
        return []
    if "\x00" in text:
        report.errors.append((0, _("This is not a CSV text file.")))
        return []
    try:
        return read(csv.DictReader(io.StringIO(text)), report)
    except csv.Error as error:  # a field over the csv module's limit, an open quote...
        report.errors.append(
            (0, _("The file cannot be read as CSV (%(error)s).") % {"error": error})
        )
        return []


def csv_header_check(
    reader: csv.DictReader, report: ImportReport, *, required: set[str], columns: list[str]
) -> bool:
    """Whether the file's columns are known and hold the `required` ones (else the
    reasons in `report`); the header is read lowercased."""
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = sorted(required - set(header))
    unknown = sorted(set(header) - set(columns))
    if missing or unknown:
        if missing:
            report.errors.append(
                (1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
            )
        if unknown:
            report.errors.append(
                (
                    1,
                    _("Unknown columns: %(columns)s. The columns are: %(expected)s.")
                    % {"columns": ", ".join(unknown), "expected": ", ".join(columns)},
                )
            )
        return False
    reader.fieldnames = header
    return True


def _rows_read(reader: csv.DictReader, report: ImportReport) -> list[_Row]:
    if not csv_header_check(reader, report, required=REQUIRED, columns=COLUMNS):
        return []
    rows, seen = [], {}
    for line, raw in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            report.errors.append(
                (
                    line,
                    _("At most %(max)s products per file: split it into several files.")
                    % {"max": MAX_ROWS},
                )
            )
            break
        if None in raw:
            report.errors.append((line, _("This line has more values than columns.")))
            continue
        row = _row_parse(line, {k: (v or "").strip() for k, v in raw.items()}, report)
        if row is None:
            continue
        if row.sku in seen:
            report.errors.append(
                (
                    line,
                    _("The SKU %(sku)s is also on line %(other)s.")
                    % {"sku": row.sku, "other": seen[row.sku]},
                )
            )
            continue
        seen[row.sku] = line
        rows.append(row)
    if not rows and report.ok:
        report.errors.append((0, _("The file has no products.")))
    return rows


def _row_parse(line: int, raw: dict, report: ImportReport) -> _Row | None:
    errors = []
    sku = raw.get("sku", "")
    if not sku:
        errors.append(_("the SKU is empty"))
    elif len(sku) > 128:
        errors.append(_("the SKU is longer than 128 characters"))
    title = raw.get("title", "")[:255]
    for name, value in ((_("the SKU"), sku), (_("the title"), title)):
        if value and value[0] in FORMULA_STARTS:
            errors.append(
                _(
                    "%(column)s starts with %(character)s, which spreadsheets run as "
                    "a formula: remove that character"
                )
                % {"column": name, "character": repr(value[0])}
            )
    price = None
    try:
        price = Decimal(raw.get("price", "").replace(",", "."))
        if not price.is_finite() or price < 0:
            raise InvalidOperation
        if price.as_tuple().exponent < -2:
            errors.append(
                _("the price %(price)s has more than 2 decimals") % {"price": raw["price"]}
            )
        elif price > MAX_PRICE:
            errors.append(
                _("the price %(price)s is over the maximum of %(max)s")
                % {"price": raw["price"], "max": MAX_PRICE}
            )
    except InvalidOperation:
        errors.append(
            _("the price %(price)s is not a number of 0 or more") % {"price": raw.get("price", "")}
        )
    stock = _whole_number(raw.get("stock", ""))
    if stock is None:
        errors.append(
            _("the stock %(stock)s is not a whole number from 0 to %(max)s")
            % {"stock": raw.get("stock", ""), "max": MAX_STOCK}
        )
    threshold = None
    if raw.get("low_stock_threshold"):
        threshold = _whole_number(raw["low_stock_threshold"])
        if threshold is None:
            errors.append(
                _("the low-stock warning %(value)s is not a whole number from 0 to %(max)s")
                % {"value": raw["low_stock_threshold"], "max": MAX_STOCK}
            )
    published = None
    if "published" in raw:
        value = raw["published"].lower()
        if value in YES:
            published = True
        elif value in NO:
            published = None if value == "" else False
        else:
            errors.append(_("published must be sí or no, not %(value)s") % {"value": value})
    weight = None
    try:
        weight = product_weight_parse(raw.get("weight", ""))
    except ValueError:
        errors.append(
            _(
                "the weight %(weight)s is not a number of kg above 0 and at most "
                "%(max)s, with up to 3 decimals"
            )
            % {"weight": raw["weight"], "max": number_format(MAX_WEIGHT_KG, 0, force_grouping=True)}
        )
    terms = _row_terms(raw, price, errors)
    if errors:
        sentence = "; ".join(errors)
        report.errors.append((line, sentence[0].upper() + sentence[1:] + "."))
        return None
    return _Row(line, sku, title, price, stock, threshold, published, weight, terms)


def _row_terms(raw: dict, price: Decimal | None, errors: list[str]) -> QuantityTerms | None:
    """The row's wholesale terms, checked as the dashboard checks them (errors appended)."""
    if not TERMS_COLUMNS & set(raw):
        return None
    numbers = {}
    for column, name in (("minimum", _("the minimum quantity")), ("multiple", _("the multiple"))):
        text = raw.get(column, "") or "1"
        numbers[column] = _whole_number(text)
        if not numbers[column]:
            errors.append(
                _("%(name)s %(value)s is not a whole number from 1 to %(max)s")
                % {"name": name, "value": text, "max": MAX_STOCK}
            )
    try:
        tiers = tiers_parse(raw.get("tiers", ""))
    except TermsInvalid as error:
        errors.extend(error.messages)
        return None
    # The tiers are checked even when a number is wrong: the row's report says all.
    terms = QuantityTerms(
        minimum=numbers["minimum"] or 1, multiple=numbers["multiple"] or 1, tiers=tiers
    )
    errors.extend(terms_errors(terms=terms, base_price=price))
    return terms


def _whole_number(raw: str) -> int | None:
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if 0 <= value <= MAX_STOCK else None
