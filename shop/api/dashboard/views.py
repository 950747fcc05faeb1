"""Keys to the API: a store's owner creates and revokes the store's keys in its
dashboard; anyone with an account creates personal keys among its account pages. A new
key is shown once, on the page that answers its creation, and never again."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.api.forms import PersonalKeyForm, StoreKeyForm
from shop.api.models import ApiKey
from shop.api.services import api_key_revoke, personal_api_key_create, store_api_key_create
from shop.core.transactions import AtomicWritesMixin
from vendors.dashboard.base import VendorDashboardMixin
from vendors.models import MembershipRole


class StoreApiKeysView(AtomicWritesMixin, VendorDashboardMixin, View):
    owner_only = True

    def page(self, form, issued=None, status=200):
        return self.render(
            "api_keys.html",
            {
                "form": form,
                "issued": issued,
                "keys": ApiKey.objects.filter(vendor=self.vendor).select_related("user"),
            },
            status=status,
        )

    def get(self, request, vendor_slug):
        return self.page(StoreKeyForm())

    def post(self, request, vendor_slug):
        # A key acts as its creator: the store's own owner, never an operator passing by.
        if not self.vendor.memberships.filter(
            user=request.user, role=MembershipRole.OWNER
        ).exists():
            raise PermissionDenied
        form = StoreKeyForm(request.POST)
        if form.is_valid():
            try:
                issued = store_api_key_create(
                    vendor=self.vendor,
                    user=request.user,
                    name=form.cleaned_data["name"],
                    scopes=form.cleaned_data["scopes"],
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                return self.page(StoreKeyForm(), issued=issued, status=201)
        return self.page(form, status=400)


class StoreApiKeyRevokeView(AtomicWritesMixin, VendorDashboardMixin, View):
    owner_only = True

    def post(self, request, vendor_slug, pk):
        api_key = ApiKey.objects.filter(vendor=self.vendor, pk=pk).first()
        if api_key is None:
            raise Http404
        api_key_revoke(api_key=api_key)
        messages.success(request, _("The key “%(name)s” no longer works.") % {"name": api_key.name})
        return redirect("vendor_dashboard:api-keys", vendor_slug=self.vendor.slug)


class PersonalApiKeysView(AtomicWritesMixin, LoginRequiredMixin, View):
    def page(self, form, issued=None, status=200):
        return render(
            self.request,
            "api/personal_keys.html",
            {
                "form": form,
                "issued": issued,
                "keys": ApiKey.objects.filter(user=self.request.user, vendor__isnull=True),
                "active_tab": "api",
            },
            status=status,
        )

    def get(self, request):
        return self.page(PersonalKeyForm())

    def post(self, request):
        form = PersonalKeyForm(request.POST)
        if form.is_valid():
            try:
                issued = personal_api_key_create(user=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                return self.page(PersonalKeyForm(), issued=issued, status=201)
        return self.page(form, status=400)


class PersonalApiKeyRevokeView(AtomicWritesMixin, LoginRequiredMixin, View):
    def post(self, request, pk):
        api_key = ApiKey.objects.filter(user=request.user, vendor__isnull=True, pk=pk).first()
        if api_key is None:
            raise Http404
        api_key_revoke(api_key=api_key)
        messages.success(request, _("The key “%(name)s” no longer works.") % {"name": api_key.name})
        return redirect("api_account:keys")
