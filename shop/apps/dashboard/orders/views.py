"""Oscar's order dashboard, forked for its CSV download: buyers type the names and
e-mails it lists, so a cell a spreadsheet would run as a formula is neutralised."""

from oscar.apps.dashboard.orders import views
from oscar.apps.dashboard.orders.views import *  # noqa: F403  (Oscar's fork pattern)

from vendors.catalogue.csv_import import spreadsheet_safe


class OrderListView(views.OrderListView):
    def get_row_values(self, order):
        return {
            column: spreadsheet_safe(value) if isinstance(value, str) else value
            for column, value in super().get_row_values(order).items()
        }
