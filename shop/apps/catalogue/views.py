from oscar.apps.catalogue import views

from vendors.reviews import review_permitted
from vendors.services import approved_partner_ids


class ProductDetailView(views.ProductDetailView):
    def is_viewable(self, product, request):
        if not super().is_viewable(product, request):
            return False
        if request.user.is_staff:
            return True
        sellers = {record.partner_id for record in product.stockrecords.all()}
        return bool(sellers & approved_partner_ids())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review_permitted"] = review_permitted(user=self.request.user,
                                                       product=self.object)
        return context
