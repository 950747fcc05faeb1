"""The public pages of the linkages: the figures (/encadenamientos/), with amounts for
operators, the same figures as open data (CSV, JSON and the page that describes them),
and the map of actors and deals (/mapa/)."""

import csv
import io
import json

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from shop.core.roles import is_operator
from shop.core.transactions import AtomicWritesMixin
from shop.linkages.exceptions import LinkageRefused
from shop.linkages.forms import MapFilterForm
from shop.linkages.map import approved_actors, cuba_map
from shop.linkages.models import AmountBand, FigureScope, Initiative, InitiativeStatus
from shop.linkages.selectors import (
    OPEN_DATA_FIELDS,
    event_page,
    events_listed,
    initiative_page,
    initiatives_public,
    linkages_page,
    open_data_rows,
)
from shop.linkages.services import event_exhibitor_join
from vendors.models import Vendor

ACTORS_PER_PAGE = 20


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


class MapView(View):
    def get(self, request):
        form = MapFilterForm(request.GET or None)
        actor_type, sector = "", None
        if form.is_valid():
            actor_type, sector = form.cleaned_data["tipo"], form.cleaned_data["sector"]
        cuba = cuba_map(
            actor_type=actor_type,
            sector=sector,
            province_slug=request.GET.get("provincia", ""),
            municipality_slug=request.GET.get("municipio", ""),
        )
        listed = None
        if cuba.chosen is not None:
            actors = approved_actors(actor_type=actor_type, sector=sector).filter(
                province__slug=cuba.chosen.slug
            )
            if cuba.chosen_town is not None:
                actors = actors.filter(municipality__slug=cuba.chosen_town.slug)
            listed = Paginator(
                actors.select_related("municipality").order_by("trade_name", "pk"),
                ACTORS_PER_PAGE,
            ).get_page(request.GET.get("page"))
        query = request.GET.copy()
        for name in ("provincia", "municipio", "page"):
            query.pop(name, None)
        return render(
            request,
            "linkages/map.html",
            {
                "form": form,
                "cuba": cuba,
                "page_obj": listed,
                "actors": listed.object_list if listed else [],
                "filters": query.urlencode(),
            },
        )


class EventListView(View):
    def get(self, request):
        coming, past = events_listed(today=timezone.localdate())
        return render(request, "linkages/events.html", {"coming": coming, "past": past})


class EventDetailView(AtomicWritesMixin, View):
    def get(self, request, slug):
        page = event_page(slug=slug)
        if page is None:
            raise Http404(_("No such event."))
        stores = _member_stores(request.user)
        return render(
            request,
            "linkages/event.html",
            {
                "page": page,
                "stores": [store for store in stores if store not in page.exhibitors],
                "today": timezone.localdate(),
            },
        )

    def post(self, request, slug):
        page = event_page(slug=slug)
        if page is None:
            raise Http404(_("No such event."))
        store = next(
            (s for s in _member_stores(request.user) if s.slug == request.POST.get("store")), None
        )
        if store is None:
            messages.error(request, _("Sign in as a member of the store that exhibits."))
        else:
            try:
                joined = event_exhibitor_join(event=page.event, vendor=store)
            except LinkageRefused as error:
                messages.error(request, error.messages[0])
            else:
                if joined:
                    messages.success(
                        request,
                        _("%(store)s exhibits at %(event)s.")
                        % {"store": store, "event": page.event},
                    )
        return redirect("linkages_events:detail", slug=slug)


def _member_stores(user) -> list:
    if not user.is_authenticated:
        return []
    return list(Vendor.objects.filter(memberships__user=user).order_by("trade_name"))


class InitiativeListView(View):
    def get(self, request):
        initiatives = list(initiatives_public())
        return render(request, "linkages/initiatives.html", {"initiatives": initiatives})


class InitiativeDetailView(View):
    def get(self, request, slug):
        initiative = (
            Initiative.objects.select_related("coordinator", "province").filter(slug=slug).first()
        )
        visible = initiative is not None and (
            initiative.status == InitiativeStatus.APPROVED
            or is_operator(request.user)
            or initiative.coordinator.memberships.filter(user_id=request.user.pk).exists()
        )
        if not visible:
            raise Http404(_("No such initiative."))
        return render(
            request, "linkages/initiative.html", {"page": initiative_page(initiative=initiative)}
        )
