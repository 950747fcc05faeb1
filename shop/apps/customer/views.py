from django.shortcuts import redirect
from oscar.apps.customer import views
from oscar.apps.customer.views import *  # noqa: F403  (Oscar's fork pattern)

from shop.accounts.selectors import login_landing_url, login_redirect_url


class AccountAuthView(views.AccountAuthView):
    """The login and registration page. After the password: where the user was going
    (`?next=`, this site only), else where their role works; never Oscar's dashboard for
    every staff member (call-center agents work in the console)."""

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(login_landing_url(user=request.user))
        return super().get(request, *args, **kwargs)

    def get_login_success_url(self, form):
        return login_redirect_url(
            user=self.request.user,
            requested=form.cleaned_data["redirect_url"],
            host=self.request.get_host(),
            secure=self.request.is_secure(),
        )
