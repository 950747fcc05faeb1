"""Login pages of our own: the lockout answer every login form gives, and the staff's
second factor (set up, verify, recovery codes). Thin: shop.accounts' selectors and
services do the work."""

import math
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from shop.accounts import services
from shop.accounts.exceptions import SecondFactorError
from shop.accounts.forms import SecondFactorCodeForm, SetUpCodeForm
from shop.accounts.permissions import second_factor_applies
from shop.accounts.selectors import (
    SecondFactorStep,
    authenticator_secret,
    authenticator_url,
    login_lockout_until,
    login_redirect_url,
    safe_next_url,
    second_factor_recovery_codes_left,
    second_factor_step,
    second_factor_totp_device,
)
from shop.accounts.throttle import login_account_key
from shop.core.qr import qr_code_svg

RECOVERY_CODES_SESSION_KEY = "accounts_recovery_codes"


def login_locked_out(request, original_response, credentials):
    """AXES_LOCKOUT_CALLABLE: what any login form answers while its account or address is
    locked, in the site's language, saying when to try again."""
    now = timezone.now()
    until = login_lockout_until(
        account=login_account_key(request, credentials), address=request.axes_ip_address, at=now
    )
    until = until or now + settings.AXES_COOLOFF_TIME
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    local_until = timezone.localtime(until)
    response = render(
        request,
        "accounts/locked_out.html",
        {
            "until": local_until,
            "same_day": local_until.date() == timezone.localdate(now),
            "minutes_text": ngettext("in %(minutes)d minute", "in %(minutes)d minutes", minutes)
            % {"minutes": minutes},
            "back_url": request.get_full_path(),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(max(1, math.ceil((until - now).total_seconds())))
    return response


class StaffOnlyMixin(LoginRequiredMixin):
    """Second-factor pages exist for staff accounts only; to anyone else they are a 404."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not second_factor_applies(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def next_url(self, data=None) -> str | None:
        return safe_next_url(
            url=(data or self.request.GET).get("next"),
            host=self.request.get_host(),
            secure=self.request.is_secure(),
        )

    def after_login_url(self, data=None) -> str:
        return login_redirect_url(
            user=self.request.user,
            requested=self.next_url(data),
            host=self.request.get_host(),
            secure=self.request.is_secure(),
        )


@method_decorator(never_cache, name="dispatch")
class SecondFactorView(StaffOnlyMixin, View):
    """The staff member's second factor: whether it is set up, how many recovery codes
    are left, and the way to set it up (or move it to another phone)."""

    def get(self, request):
        return render(
            request,
            "accounts/second_factor.html",
            {
                "device": second_factor_totp_device(user=request.user),
                "codes_left": second_factor_recovery_codes_left(user=request.user),
                "verified": request.user.is_verified(),
                "required": settings.STAFF_REQUIRE_SECOND_FACTOR,
                "page_title": _("Second factor"),
                "active_tab": "second_factor",
            },
        )


@method_decorator(never_cache, name="dispatch")
class SecondFactorSetUpView(StaffOnlyMixin, View):
    template_name = "accounts/second_factor_set_up.html"

    def dispatch(self, request, *args, **kwargs):
        # Whoever has a second factor proves it before replacing it: a password alone
        # must never be enough to move it to the attacker's phone.
        if (
            request.user.is_authenticated
            and second_factor_applies(request.user)
            and second_factor_step(user=request.user, verified=request.user.is_verified())
            == SecondFactorStep.VERIFY
        ):
            return redirect(reverse("accounts:second-factor-verify") + _query(request))
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, form, status=200):
        device = services.second_factor_setup_start(user=self.request.user)
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "qr_code": qr_code_svg(
                    text=authenticator_url(device=device),
                    label=_("QR code to add Encadena to your authenticator app"),
                ),
                "secret": authenticator_secret(device=device),
                "required": settings.STAFF_REQUIRE_SECOND_FACTOR,
            },
            status=status,
        )

    def get(self, request):
        return self.render_page(SetUpCodeForm(initial={"next": self.next_url()}))

    def post(self, request):
        form = SetUpCodeForm(request.POST)
        if not form.is_valid():
            return self.render_page(form, status=400)
        try:
            device, codes = services.second_factor_setup_confirm(
                user=request.user, code=form.cleaned_data["code"]
            )
        except SecondFactorError as error:
            form.add_error("code", error)
            return self.render_page(form, status=400)
        request.session.cycle_key()
        otp_login(request, device)
        request.session[RECOVERY_CODES_SESSION_KEY] = codes
        messages.success(
            request,
            _(
                "The second factor is set up: from now on you will be "
                "asked for a code after your password."
            ),
        )
        return redirect(_with_next(reverse("accounts:recovery-codes"), self.next_url(request.POST)))


@method_decorator(never_cache, name="dispatch")
class SecondFactorVerifyView(StaffOnlyMixin, View):
    template_name = "accounts/second_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and second_factor_applies(request.user):
            step = second_factor_step(user=request.user, verified=request.user.is_verified())
            if step == SecondFactorStep.SET_UP:
                return redirect(reverse("accounts:second-factor-setup") + _query(request))
            if step == SecondFactorStep.NONE:
                return redirect(self.after_login_url())
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = SecondFactorCodeForm(initial={"next": self.next_url()})
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = SecondFactorCodeForm(request.POST)
        if form.is_valid():
            try:
                device = services.second_factor_check(
                    user=request.user, code=form.cleaned_data["code"]
                )
            except SecondFactorError as error:
                form.add_error("code", error)
            else:
                request.session.cycle_key()
                otp_login(request, device)
                if isinstance(device, StaticDevice):
                    left = second_factor_recovery_codes_left(user=request.user)
                    messages.warning(
                        request,
                        ngettext(
                            "You used a recovery code: %(count)d is left. Make new ones from "
                            "your second-factor page.",
                            "You used a recovery code: %(count)d are left. Make new ones from "
                            "your second-factor page.",
                            left,
                        )
                        % {"count": left},
                    )
                return redirect(self.after_login_url(request.POST))
        return render(request, self.template_name, {"form": form}, status=400)


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(StaffOnlyMixin, View):
    """Recovery codes are shown once, right after they are made; they are kept nowhere in
    clear afterwards."""

    def get(self, request):
        codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
        return render(
            request,
            "accounts/recovery_codes.html",
            {
                "codes": codes,
                "continue_url": self.after_login_url(),
                "device": second_factor_totp_device(user=request.user),
            },
        )

    def post(self, request):
        if not request.user.is_verified():
            return redirect(reverse("accounts:second-factor-verify") + _query(request))
        try:
            codes = services.second_factor_recovery_codes_renew(user=request.user)
        except SecondFactorError as error:
            messages.error(request, error.messages[0])
            return redirect("accounts:second-factor")
        request.session[RECOVERY_CODES_SESSION_KEY] = codes
        return redirect("accounts:recovery-codes")


def _with_next(url: str, next_url: str | None) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _query(request) -> str:
    """The request's own safe `next`, carried to the next step."""
    next_url = safe_next_url(
        url=request.GET.get("next"), host=request.get_host(), secure=request.is_secure()
    )
    return _with_next("", next_url)
