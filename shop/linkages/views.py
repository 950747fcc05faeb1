"""The public pages of the linkages: the figures (/encadenamientos/), with amounts for
operators, and the same figures as open data (CSV, JSON and the page that describes
them)."""

import csv
import io
import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from shop.core.roles import is_operator
from shop.linkages.models import AmountBand, FigureScope
from shop.linkages.selectors import OPEN_DATA_FIELDS, linkages_page, open_data_rows


class LinkagesView(View):
    def get(self, request):
        return render(
            request,
            "linkages/linkages.html",
            {
                "page": linkages_page(today=timezone.localdate()),
                "with_amounts": is_operator(request.user),
            },
        )


class OpenDataSchemaView(View):
    def get(self, request):
        return render(
            request,
            "linkages/open_data.html",
            {
                "fields": OPEN_DATA_FIELDS,
                "scopes": FigureScope.choices,
                "bands": AmountBand.choices,
                "threshold": settings.LINKAGES_OPEN_DATA_MIN_DEALS,
            },
        )


class OpenDataCsvView(View):
    def get(self, request):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=OPEN_DATA_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in open_data_rows():
            writer.writerow({**row, "deals": "" if row["deals"] is None else row["deals"]})
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="encadenamientos.csv"'
        return response


class OpenDataJsonView(View):
    def get(self, request):
        body = {
            "schema": request.build_absolute_uri(reverse("linkages:open-data")),
            "suppressed_below": settings.LINKAGES_OPEN_DATA_MIN_DEALS,
            "figures": open_data_rows(),
        }
        return HttpResponse(
            json.dumps(body, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
