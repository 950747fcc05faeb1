"""The operators' page of requests: those no store has answered after some days."""

from django.conf import settings
from django.contrib.auth.decorators import user_passes_test
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View

from shop.core.roles import is_operator
from shop.sourcing.selectors import requests_without_offers

PAGE_SIZE = 50


@method_decorator(user_passes_test(is_operator), name="dispatch")
class UnansweredRequestListView(View):
    def get(self, request):
        days = settings.SOURCING_UNANSWERED_DAYS
        page = Paginator(requests_without_offers(older_than_days=days), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return render(
            request,
            "sourcing/dashboard/unanswered_list.html",
            {"page_obj": page, "requests": page.object_list, "days": days},
        )
