"""Who an API request is. A store's endpoints live under its slug and answer only a key
of that store: any other key gets 404, as if the store's objects did not exist, and a
key of the store without the endpoint's scope gets 403. A personal key reads only its
own purchases."""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.permissions import BasePermission

from shop.api.error_codes import ApiErrorCode
from shop.api.models import PURCHASES_READ


class ScopeMissing(exceptions.PermissionDenied):
    default_code = ApiErrorCode.SCOPE


class HasStoreKey(BasePermission):
    """The view's `required_scopes` (by method) on a key of the store in the URL."""

    def has_permission(self, request, view):
        api_key = request.auth
        if api_key is None:
            raise exceptions.NotAuthenticated(_("This needs a store's API key."))
        if api_key.vendor_id is None or api_key.vendor.slug != view.kwargs.get("vendor_slug"):
            raise Http404
        needed = view.required_scopes.get(request.method) or view.required_scopes.get("*")
        if needed and needed not in api_key.scopes:
            raise ScopeMissing(_("This key lacks the permission “%(scope)s”.") % {"scope": needed})
        return True


class HasPersonalKey(BasePermission):
    def has_permission(self, request, view):
        api_key = request.auth
        if api_key is None:
            raise exceptions.NotAuthenticated(_("This needs your personal API key."))
        if PURCHASES_READ not in api_key.scopes:
            raise ScopeMissing(
                _("This key lacks the permission “%(scope)s”.") % {"scope": PURCHASES_READ}
            )
        return True


class StoreView:
    """Mixin for a store's endpoints: `self.vendor` is the key's store."""

    permission_classes = [HasStoreKey]
    required_scopes: dict = {}

    @property
    def vendor(self):
        return self.request.auth.vendor

    @property
    def actor(self):
        return self.request.user
