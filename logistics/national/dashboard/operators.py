"""The operators' pages of national carriers: each carrier's settings, and its rate and
point tables imported from CSV (and exported, to edit them in a spreadsheet)."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from logistics.national.forms import NationalCarrierForm, TableImportForm
from logistics.national.offers import national_carrier_names
from logistics.national.selectors import national_carrier_get, national_carriers_overview
from logistics.national.services import (
    POINT_COLUMNS,
    RATE_COLUMNS,
    national_carrier_save,
    point_table_import,
    rate_table_import,
)
from shop.core.roles import is_operator
from shop.core.transactions import AtomicWritesMixin

TABLES = {
    "tarifas": (
        rate_table_import,
        gettext_lazy("%(count)s rates imported: the table is replaced."),
    ),
    "puntos": (
        point_table_import,
        gettext_lazy("%(count)s points imported: the list is replaced."),
    ),
}


@method_decorator(user_passes_test(is_operator), name="dispatch")
class NationalCarrierListView(View):
    def get(self, request):
        return render(
            request,
            "logistics/national/dashboard/carrier_list.html",
            {"carriers": national_carriers_overview(), "connected": national_carrier_names()},
        )


@method_decorator(user_passes_test(is_operator), name="dispatch")
class NationalCarrierFormView(AtomicWritesMixin, View):
    """A new carrier (no pk), or one to edit, with its tables' imports."""

    def page(self, request, carrier, form, status=200, import_form=None):
        return render(
            request,
            "logistics/national/dashboard/carrier_form.html",
            {
                "carrier": carrier,
                "form": form,
                "import_form": import_form or TableImportForm(),
                "rate_columns": ",".join(RATE_COLUMNS),
                "point_columns": ",".join(POINT_COLUMNS),
                "connected": sorted(national_carrier_names()),
            },
            status=status,
        )

    def get(self, request, pk=None):
        carrier = national_carrier_get(pk=pk) if pk else None
        return self.page(request, carrier, NationalCarrierForm(instance=carrier))

    def post(self, request, pk=None):
        carrier = national_carrier_get(pk=pk) if pk else None
        form = NationalCarrierForm(request.POST, instance=carrier)
        if form.is_valid():
            try:
                carrier = national_carrier_save(data=form.data_object(), carrier=carrier)
            except ValidationError as error:
                form.add_error("code", error)
            else:
                messages.success(request, _("%(name)s saved.") % {"name": carrier.name})
                return redirect("national_dashboard:carrier-edit", pk=carrier.pk)
        return self.page(request, carrier, form, status=400)


@method_decorator(user_passes_test(is_operator), name="dispatch")
class NationalTableImportView(AtomicWritesMixin, View):
    def post(self, request, pk, table):
        if table not in TABLES:
            raise Http404
        carrier = national_carrier_get(pk=pk)
        importer, done = TABLES[table]
        form = TableImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                count = importer(carrier=carrier, text=form.cleaned_data["table"])
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("table", message)
            else:
                messages.success(request, done % {"count": count})
                return redirect("national_dashboard:carrier-edit", pk=carrier.pk)
        return NationalCarrierFormView().page(
            request, carrier, NationalCarrierForm(instance=carrier), 400, import_form=form
        )


@method_decorator(user_passes_test(is_operator), name="dispatch")
class NationalTableExportView(View):
    """The table as the import reads it."""

    def get(self, request, pk, table):
        if table not in TABLES:
            raise Http404
        carrier = national_carrier_get(pk=pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{carrier.code}-{table}.csv"'
        writer = csv.writer(response)
        if table == "tarifas":
            writer.writerow(RATE_COLUMNS)
            for rate in carrier.rates.select_related("origin", "destination"):
                writer.writerow(
                    [
                        rate.origin.name,
                        rate.destination.name,
                        rate.max_weight_kg.normalize(),
                        rate.price,
                        rate.transit_days,
                    ]
                )
        else:
            kinds = {"drop_off": "entrega", "pickup": "recogida", "both": "ambos"}
            writer.writerow(POINT_COLUMNS)
            for point in carrier.points.select_related("municipality__province"):
                writer.writerow(
                    [
                        kinds[point.kind],
                        point.municipality.province.name,
                        point.municipality.name,
                        point.name,
                        point.address,
                        point.hours,
                    ]
                )
        return response
