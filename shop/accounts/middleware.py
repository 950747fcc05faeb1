from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from shop.accounts.permissions import second_factor_applies
from shop.accounts.selectors import SecondFactorStep, second_factor_step

# What a staff member who still owes the second factor may open: those pages, leaving,
# and the language switch. Everything else (the dashboard, the console, the admin, the
# vendor pages, the shop itself) waits for the code.
OPEN_BEFORE_SECOND_FACTOR = {
    "accounts:second-factor-verify",
    "accounts:second-factor-setup",
    "customer:logout",
    "dashboard:logout",
    "admin:logout",
    "set_language",
}
STEP_PAGES = {
    SecondFactorStep.VERIFY: "accounts:second-factor-verify",
    SecondFactorStep.SET_UP: "accounts:second-factor-setup",
}


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


class SecondFactorMiddleware:
    """After a password login, staff enter a code (or set the second factor up when
    STAFF_REQUIRE_SECOND_FACTOR) before anything else. Needs OTPMiddleware before it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not second_factor_applies(user):  # buyers and vendors: no query, nothing to do
            return self.get_response(request)
        step = second_factor_step(user=user, verified=user.is_verified())
        if step != SecondFactorStep.NONE and _view_name(request.path_info) not in (
            OPEN_BEFORE_SECOND_FACTOR
        ):
            target = reverse(STEP_PAGES[step])
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return redirect(target)
        return self.get_response(request)
