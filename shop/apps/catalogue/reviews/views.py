from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from oscar.apps.catalogue.reviews import views

from vendors.catalogue.reviews import review_permitted


class CreateProductReview(views.CreateProductReview):
    """Only a buyer who received the product writes a review, and only one: anyone else
    is sent back to the product with the reason, whether it asks for the form or posts."""

    def dispatch(self, request, *args, **kwargs):
        product = get_object_or_404(self.product_model, pk=kwargs["product_pk"], is_public=True)
        if not review_permitted(user=request.user, product=product):
            if product.has_review_by(request.user):
                message = _("You have already reviewed this product!")
            else:
                message = _("Only buyers who received this product can review it.")
            messages.warning(request, message)
            return redirect(product.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)


class ReviewPermittedMixin:
    """The review pages show "Write a review" only to whom may write one."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review_permitted"] = review_permitted(
            user=self.request.user, product=context["product"]
        )
        return context


class ProductReviewDetail(ReviewPermittedMixin, views.ProductReviewDetail):
    pass


class ProductReviewList(ReviewPermittedMixin, views.ProductReviewList):
    pass
