"""Operators' page of login lockouts: who is locked out until when, and lifting it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from shop.accounts.forms import LockoutLiftForm
from shop.accounts.selectors import login_lockouts
from shop.accounts.services import login_lockout_lift
from shop.core.roles import is_operator


@method_decorator(user_passes_test(is_operator), name="dispatch")
class LockoutListView(View):
    def get(self, request):
        return render(
            request,
            "accounts/dashboard/lockouts.html",
            {
                "lockouts": login_lockouts(),
                "settings_limits": {
                    "account": settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT,
                    "address": settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS,
                    "minutes": settings.LOGIN_LOCKOUT_MINUTES,
                },
            },
        )

    def post(self, request):
        form = LockoutLiftForm(request.POST)
        if not form.is_valid():
            for error in form.errors.get("__all__", []) + form.errors.get("address", []):
                messages.error(request, error)
            return redirect("accounts_dashboard:lockouts")
        account, address = form.cleaned_data["account"], form.cleaned_data["address"]
        login_lockout_lift(operator=request.user, account=account or None, address=address or None)
        messages.success(request, _("%(who)s can log in again.") % {"who": account or address})
        return redirect("accounts_dashboard:lockouts")
