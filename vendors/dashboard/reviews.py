"""The store's reviews page: what buyers who received its products wrote about them."""

from django.core.paginator import Paginator
from django.views import View

from vendors.catalogue.reviews import vendor_reviews
from vendors.dashboard.base import PAGE_SIZE, VendorDashboardMixin


class VendorReviewListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        page = Paginator(vendor_reviews(vendor=self.vendor), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return self.render("review_list.html", {"page_obj": page, "reviews": page.object_list})
