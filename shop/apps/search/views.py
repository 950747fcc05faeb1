"""Browse, category and search pages served from the database.

Oscar routes these through Haystack; its `simple` backend lists no products
at all and a real index costs a query per product. Same URLs, same template
names, products straight from `selectors.product_list`.
"""

from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.apps.search.signals import user_search
from oscar.core.loading import get_class, get_model

from shop.apps.search.pagination import CatalogueCountPaginator, listing_context
from shop.apps.search.selectors import (
    category_for_page,
    product_count_by_province,
    product_list,
    product_list_key,
)
from shop.core.transactions import AtomicWritesMixin

SearchForm = get_class("search.forms", "SearchForm")
Category = get_model("catalogue", "Category")


class ProductListView(AtomicWritesMixin, ListView):
    context_object_name = "products"
    paginator_class = CatalogueCountPaginator

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            messages.error(request, _("The given page number was invalid."))
            return redirect(self.first_page_url())

    def first_page_url(self) -> str:
        return self.request.path

    def get_category(self):
        return None

    def get_filters(self) -> dict:
        if not hasattr(self, "_filters"):
            self._filters = {
                "category": self.get_category(),
                "query": self.form.cleaned_query(),
                "sort": self.form.cleaned_sort(),
                "province": self.form.cleaned_province(),
                "vendor": self.form.cleaned_vendor(),
            }
        return self._filters

    def get_queryset(self):
        return product_list(**self.get_filters())

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(
            queryset, per_page, cache_key=product_list_key(**self.get_filters()), **kwargs
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["query"] = self.form.cleaned_query()
        context["page"] = context["page_obj"]
        context.update(listing_context(context["page_obj"]))
        context["province_facets"] = product_count_by_province()
        context["selected_province"] = self.get_filters()["province"]
        context["selected_vendor"] = self.get_filters()["vendor"]
        return context


class CatalogueView(ProductListView):
    template_name = "oscar/catalogue/browse.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        return context


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"
    enforce_paths = True

    def get(self, request, *args, **kwargs):
        try:
            self.category = category_for_page(pk=self.kwargs["pk"])
        except Category.DoesNotExist:
            raise Http404() from None
        if not (self.category.is_public or request.user.is_staff):
            raise Http404()
        expected_path = self.category.get_absolute_url()
        if self.enforce_paths and unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        return super().get(request, *args, **kwargs)

    def first_page_url(self) -> str:
        return self.category.get_absolute_url()

    def get_category(self):
        return self.category

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context


class FacetedSearchView(ProductListView):
    template_name = "oscar/search/results.html"

    def get(self, request, *args, **kwargs):
        user_search.send(
            sender=self,
            session=request.session,
            user=request.user,
            query=request.GET.get("q", ""),
        )
        return super().get(request, *args, **kwargs)
