"""Browse, category and search pages served from the database.

Oscar routes these through Haystack; its `simple` backend lists no products
at all and a real index costs a query per product. Same URLs, same template
names, products straight from `selectors.product_list`.
"""

from urllib.parse import unquote, urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.apps.search.signals import user_search
from oscar.core.loading import get_class, get_model

from shop.apps.search.engine import FACET_NAMES, ProductSearchFilters, product_search
from shop.apps.search.pagination import CatalogueCountPaginator, listing_context
from shop.apps.search.selectors import (
    category_for_page,
    product_count_by_province,
    product_list,
    product_list_key,
    product_search_key,
    products_in_order,
)
from shop.core.transactions import AtomicWritesMixin
from shop.storefront.page_cache import AnonymousPageCacheMixin

SearchForm = get_class("search.forms", "SearchForm")
Category = get_model("catalogue", "Category")


class ProductListView(AtomicWritesMixin, AnonymousPageCacheMixin, ListView):
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
    """The search page: ranked matches from the search index, facets that follow the
    query, and "Did you mean …?" when nothing matches. A constant number of queries:
    facets and total (one), the page of results (one), its product cards (three)."""

    template_name = "oscar/search/results.html"

    def get(self, request, *args, **kwargs):
        user_search.send(
            sender=self,
            session=request.session,
            user=request.user,
            query=request.GET.get("q", ""),
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.filters = self.search_filters()
        self.search = product_search(filters=self.filters, sort=self.form.cleaned_sort())
        return self.search.product_ids

    def search_filters(self) -> ProductSearchFilters:
        category_id = self.form.cleaned_facet("category")
        category = Category.objects.filter(pk=category_id).first() if category_id else None
        return ProductSearchFilters(
            query=self.form.cleaned_query(),
            category_path=category.path if category else "",
            category_id=category_id if category else "",
            province=self.form.cleaned_facet("province"),
            vendor=self.form.cleaned_facet("vendor"),
            actor_type=self.form.cleaned_facet("actor_type"),
            price=self.form.cleaned_facet("price"),
        )

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = Paginator(queryset, per_page, **kwargs)  # counted with the facets
        paginator.cache_key = product_search_key(
            filters=self.filters, sort=self.form.cleaned_sort()
        )
        return paginator

    def get_context_data(self, **kwargs):
        context = super(ProductListView, self).get_context_data(**kwargs)
        context.update(
            form=self.form,
            query=self.search.query,
            typed_query=self.form.cleaned_query(),
            suggestion=self.search.suggestion,
            suggestion_url=suggestion_url(self.request, self.search.suggestion),
            hidden_filters=[
                (name, self.request.GET[name]) for name in FACET_NAMES if self.request.GET.get(name)
            ],
            page=context["page_obj"],
            products=products_in_order(product_ids=list(context["page_obj"].object_list)),
            facets=self.search.facets,
            **listing_context(context["page_obj"]),
        )
        return context


def suggestion_url(request, suggestion: str) -> str:
    """This page for the suggested query: same path, the query replaced, no page number."""
    if not suggestion:
        return ""
    return f"{request.path}?{urlencode({'q': suggestion})}"
