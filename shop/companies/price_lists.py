"""Price lists a store grants to chosen companies: the reads the pricing path needs (the
prices one company pays, in one query) and the store's all-or-nothing writes."""

from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.companies.error_codes import CompanyErrorCode
from shop.companies.exceptions import CompanyRefused
from shop.companies.models import BUYING_ROLES, Company, CompanyMember, PriceList, PriceListPrice
from vendors.catalogue.csv_import import ImportReport, csv_header_check, csv_upload_read
from vendors.catalogue.products import MAX_PRICE
from vendors.models import Vendor
from vendors.pricing.exceptions import TermsInvalid
from vendors.pricing.rules import Tier
from vendors.pricing.services import tiers_parse, tiers_text

StockRecord = get_model("partner", "StockRecord")
MAX_LINES = 500
CSV_COLUMNS = ["sku", "tiers"]


def may_buy_for(*, user, company_id: int) -> bool:
    """Whether `user` may buy for the company now (one query)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return CompanyMember.objects.filter(
        company_id=company_id, user=user, role__in=BUYING_ROLES
    ).exists()


def company_prices(*, company_id: int) -> dict[int, tuple[Tier, ...]]:
    """The prices the company's lists give it, by stock record id, tiers ascending; two
    lists pricing the same quantity give the lower price. One query."""
    rows = (
        PriceListPrice.objects.filter(price_list__companies=company_id)
        .order_by()
        .values_list("stockrecord_id", "min_quantity", "price")
    )
    best: dict[int, dict[int, Decimal]] = {}
    for stockrecord_id, min_quantity, price in rows:
        breaks = best.setdefault(stockrecord_id, {})
        if min_quantity not in breaks or price < breaks[min_quantity]:
            breaks[min_quantity] = price
    return {
        stockrecord_id: tuple(
            Tier(min_quantity=quantity, price=price) for quantity, price in sorted(breaks.items())
        )
        for stockrecord_id, breaks in best.items()
    }


def vendor_price_lists(*, vendor: Vendor) -> QuerySet[PriceList]:
    return PriceList.objects.filter(vendor=vendor).prefetch_related("companies")


def price_list_for_vendor(*, vendor: Vendor, pk: int) -> PriceList:
    """The store's own list; another store's raises PriceList.DoesNotExist."""
    return PriceList.objects.get(vendor=vendor, pk=pk)


def price_list_prices_text(price_list: PriceList) -> str:
    """The list's prices as the store writes them: one product a line, "SKU 1:95.00; 24:90.00"."""
    by_record: dict[int, list[Tier]] = {}
    skus = {}
    for price in price_list.prices.select_related("stockrecord").order_by(
        "stockrecord__partner_sku", "min_quantity"
    ):
        skus[price.stockrecord_id] = price.stockrecord.partner_sku
        by_record.setdefault(price.stockrecord_id, []).append(
            Tier(min_quantity=price.min_quantity, price=price.price)
        )
    return "\n".join(
        f"{skus[record_id]} {tiers_text(tuple(tiers))}" for record_id, tiers in by_record.items()
    )


def _refused(message: str) -> CompanyRefused:
    return CompanyRefused(message, code=CompanyErrorCode.PRICE_LIST_INVALID)


def _price_line_parse(line: str) -> tuple[str, tuple[Tier, ...]]:
    """One product's line, "SKU 1:95.00; 24:90.00". Raises CompanyRefused."""
    sku, _space, tiers_part = line.strip().partition(" ")
    if not tiers_part.strip():
        raise _refused(
            _("Write each line as SKU and prices, for example: %(example)s")
            % {"example": "CAF-01 1:95.00; 24:90.00"}
        )
    try:
        tiers = tiers_parse(tiers_part)
    except TermsInvalid as error:
        raise _refused(f"{sku}: {error.message}") from error
    quantities = [tier.min_quantity for tier in tiers]
    if len(set(quantities)) != len(quantities) or min(quantities) < 1:
        raise _refused(
            _("%(sku)s: each quantity must be 1 or more and appear once.") % {"sku": sku}
        )
    if any(tier.price < 0 or tier.price > MAX_PRICE for tier in tiers):
        raise _refused(_("%(sku)s: a price is out of range.") % {"sku": sku})
    return sku, tiers


def _prices_parse(*, vendor: Vendor, text: str) -> list[tuple[int, Tier]]:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) > MAX_LINES:
        raise _refused(_("A price list holds at most %(count)s products.") % {"count": MAX_LINES})
    wanted = {}
    for line in lines:
        sku, tiers = _price_line_parse(line)
        if sku in wanted:
            raise _refused(_("The SKU %(sku)s appears twice.") % {"sku": sku})
        wanted[sku] = tiers
    records = dict(
        StockRecord.objects.filter(
            partner_id=vendor.partner_id, partner_sku__in=wanted
        ).values_list("partner_sku", "pk")
    )
    unknown = sorted(set(wanted) - set(records))
    if unknown:
        raise _refused(
            _("Your store sells no product with the SKU %(skus)s.") % {"skus": ", ".join(unknown)}
        )
    return [(records[sku], tier) for sku, tiers in wanted.items() for tier in tiers]


def _companies_parse(nits: str) -> list[Company]:
    wanted = {nit.strip() for nit in (nits or "").replace("\n", ",").split(",") if nit.strip()}
    companies = list(Company.objects.filter(nit__in=wanted))
    unknown = sorted(wanted - {company.nit for company in companies})
    if unknown:
        raise _refused(
            _("No company with the NIT %(nits)s buys on Encadena yet.")
            % {"nits": ", ".join(unknown)}
        )
    return companies


def price_list_save(
    *, vendor: Vendor, name: str, nits: str, prices: str, price_list: PriceList | None = None
) -> PriceList:
    """Create or replace the store's list: its name, the companies (NITs, comma
    separated) it is granted to and its prices. All or nothing (CompanyRefused)."""
    if price_list is not None and price_list.vendor_id != vendor.pk:
        raise PriceList.DoesNotExist
    name = (name or "").strip()
    if not name:
        raise _refused(_("Give the price list a name."))
    entries = _prices_parse(vendor=vendor, text=prices)
    companies = _companies_parse(nits)
    with transaction.atomic():
        if price_list is None:
            price_list = PriceList.objects.create(vendor=vendor, name=name)
        else:
            price_list.name = name
            price_list.save(update_fields=["name"])
            price_list.prices.all().delete()
        PriceListPrice.objects.bulk_create(
            PriceListPrice(
                price_list=price_list,
                stockrecord_id=record_id,
                min_quantity=tier.min_quantity,
                price=tier.price,
            )
            for record_id, tier in entries
        )
        price_list.companies.set(companies)
    return price_list


def price_list_delete(*, vendor: Vendor, pk: int) -> str:
    """Delete the store's own list (another store's raises PriceList.DoesNotExist); the
    purchases made with it keep the prices they were placed at. Its name."""
    price_list = price_list_for_vendor(vendor=vendor, pk=pk)
    name = price_list.name
    price_list.delete()
    return name


def price_list_csv_import(*, vendor: Vendor, price_list: PriceList, upload) -> ImportReport:
    """Replace the list's prices with those of a CSV file (columns sku and tiers, "1:95.00;
    24:90.00"), with the product import's checks: every line read and checked first, each
    bad one reported, then all written or nothing. `report.updated`: the products priced."""
    report = ImportReport()
    lines = csv_upload_read(upload, report, _price_rows_read)
    if not report.ok:
        return report
    try:
        price_list_save(
            vendor=vendor,
            name=price_list.name,
            nits=", ".join(company.nit for company in price_list.companies.all()),
            prices="\n".join(lines),
            price_list=price_list,
        )
    except CompanyRefused as error:
        report.errors.append((0, error.message))
        return report
    report.updated = len(lines)
    return report


def _price_rows_read(reader, report: ImportReport) -> list[str]:
    if not csv_header_check(reader, report, required=set(CSV_COLUMNS), columns=CSV_COLUMNS):
        return []
    lines, seen = [], {}
    for number, raw in enumerate(reader, start=2):
        if number - 1 > MAX_LINES:
            report.errors.append(
                (number, _("A price list holds at most %(count)s products.") % {"count": MAX_LINES})
            )
            break
        if None in raw:
            report.errors.append((number, _("This line has more values than columns.")))
            continue
        sku, tiers = (raw["sku"] or "").strip(), (raw["tiers"] or "").strip()
        line = f"{sku} {tiers}"
        try:
            if not sku or " " in sku:
                raise _refused(_("Write the product's SKU, without spaces."))
            _price_line_parse(line)
        except CompanyRefused as error:
            report.errors.append((number, error.message))
            continue
        if sku in seen:
            report.errors.append(
                (
                    number,
                    _("The SKU %(sku)s is also on line %(other)s.")
                    % {"sku": sku, "other": seen[sku]},
                )
            )
            continue
        seen[sku] = number
        lines.append(line)
    if not lines and report.ok:
        report.errors.append((0, _("The file has no prices.")))
    return lines
