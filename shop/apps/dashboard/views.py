from oscar.apps.dashboard import views
from oscar.apps.dashboard.views import *  # noqa: F403  (Oscar's fork pattern)

from shop.accounts.selectors import login_landing_url


class LoginView(views.LoginView):
    """The dashboard's login form: where the user was going (Django checks `next` stays on
    this site), else where their role works: a call-center agent in the console, not on
    a dashboard that is for operators only."""

    def get_success_url(self):
        return self.get_redirect_url() or login_landing_url(user=self.request.user)
