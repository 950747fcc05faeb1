"""The operators' page of product moderation: the products under review (approve or
remove), and any product found by its title, to remove with a reason the store reads.
404 to anyone but operators."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_model

from shop.core.roles import is_operator
from vendors.catalogue.moderation import (
    product_remove,
    product_review_approve,
    products_under_review,
)
from vendors.exceptions import ProductModerationRefused

Product = get_model("catalogue", "Product")

LISTED = 50


class ProductModerationView(View):
    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_authenticated and is_operator(request.user)):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        query = request.GET.get("q", "").strip()[:100]
        found = []
        if query:
            found = (
                Product.objects.filter(title__icontains=query, is_public=True)
                .select_related("moderation")
                .prefetch_related("stockrecords__partner")
                .order_by("title", "pk")[:LISTED]
            )
        return render(
            request,
            "vendors/dashboard/product_moderation.html",
            {"pending": products_under_review()[:LISTED], "query": query, "found": found},
        )

    def post(self, request):
        try:
            product_id = int(request.POST.get("product", ""))
            if request.POST.get("action") == "approve":
                product_review_approve(product_id=product_id, operator=request.user)
                done = _("Approved: the product is published.")
            else:
                product_remove(
                    product_id=product_id,
                    operator=request.user,
                    reason=request.POST.get("reason", ""),
                )
                done = _("Removed: the store was told why.")
        except (ValueError, Product.DoesNotExist):
            raise Http404 from None
        except ProductModerationRefused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect("vendors:operator-products")
