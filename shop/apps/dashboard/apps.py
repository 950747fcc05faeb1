from oscar.apps.dashboard import apps
from oscar.views.decorators import permissions_required

# Oscar's dashboard admits any staff user; here it is the platform's configuration
# (catalogue, partners, offers, pages, users, reports, ...), for operators only.
# Call-center agents are staff too: they work in the console (shop/callcenter).
OPERATORS = ["is_staff", "vendors.change_vendor"]
OPEN_TO_ALL = {"login", "logout"}


class DashboardConfig(apps.DashboardConfig):
    name = "shop.apps.dashboard"

    def get_url_decorator(self, pattern):
        """Every dashboard view, the sub-dashboards' too (post_process_urls walks them),
        checks the operator permission on top of its own."""
        own = super().get_url_decorator(pattern)
        if pattern.name in OPEN_TO_ALL:
            return own
        operators_only = permissions_required(OPERATORS, login_url=self.login_url)
        if own is None:
            return operators_only
        return lambda view: operators_only(own(view))


def operator_access_fn(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Menu entries of Oscar's dashboard: shown to those its views admit."""
    from oscar.apps.dashboard.nav import default_access_fn
    from oscar.views.decorators import check_permissions

    if url_name is None:  # a heading: shown when one of its entries is
        return True
    return check_permissions(user, OPERATORS) and default_access_fn(
        user, url_name, url_args, url_kwargs
    )
