import hashlib
import uuid

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from shop.apps.search.engine import ProductSearchFilters, product_search
from shop.apps.search.forms import SearchForm
from shop.apps.search.pagination import CatalogueCountPaginator, listing_context
from shop.apps.search.selectors import (
    product_list,
    product_list_key,
    product_search_key,
    products_in_order,
)
from shop.apps.search.views import suggestion_url
from shop.core.transactions import AtomicWritesMixin
from shop.sourcing.selectors import stores_responsiveness
from shop.storefront.page_cache import AnonymousPageCacheMixin
from vendors.actors.selectors import (
    DirectoryFilters,
    actor_profile,
    vendor_directory_facets,
    vendor_directory_search,
    vendor_for_store_page,
    vendor_store_categories,
)
from vendors.actors.services import vendor_apply
from vendors.exceptions import VendorOrderTransitionError
from vendors.forms import DirectoryFilterForm, VendorApplicationForm
from vendors.models import VendorOrderStatus
from vendors.orders.selectors import buyer_vendor_orders, guest_vendor_order
from vendors.orders.transitions import ActorRole, vendor_order_transition

User = get_user_model()
DIRECTORY_PAGE_SIZE = 24
FILTER_NAMES = ("actor_type", "province", "municipality", "sector", "need")
STORE_PAGE_SIZE = 24


class VendorApplyView(View):
    template_name = "vendors/apply.html"

    def get(self, request):
        form = VendorApplicationForm(user=request.user)
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = VendorApplicationForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        with transaction.atomic():
            owner = request.user if request.user.is_authenticated else self._owner_create(form)
            vendor_apply(application=form.application(), owner=owner)
        if not request.user.is_authenticated:
            login(request, owner, backend="oscar.apps.customer.auth_backends.EmailBackend")
        messages.success(request, _("Application received: we will write to you soon."))
        return redirect("vendors:apply-done")

    @staticmethod
    def _owner_create(form):
        data = form.cleaned_data
        user = User(
            username=_username_for(data["owner_email"]),
            email=data["owner_email"],
            first_name=data["owner_first_name"].strip(),
            last_name=data["owner_last_name"].strip(),
        )
        user.set_password(data["password1"])
        user.save()
        return user


def _username_for(email: str) -> str:
    """Oscar signs in by e-mail; usernames only need to be unique."""
    return hashlib.sha1(f"{email}{uuid.uuid4()}".encode()).hexdigest()[:30]


class VendorApplyDoneView(TemplateView):
    template_name = "vendors/apply_done.html"


class DirectoryView(View):
    template_name = "vendors/directory.html"

    def get(self, request):
        form = DirectoryFilterForm(request.GET)
        form.is_valid()
        data = form.cleaned_data
        province = data.get("province")
        municipality = None
        if province and data.get("municipality"):
            municipality = province.municipalities.filter(slug=data["municipality"]).first()
        filters = DirectoryFilters(
            query=data.get("q") or "",
            actor_type=data.get("actor_type") or "",
            province=province,
            municipality=municipality,
            sector=data.get("sector"),
            need=data.get("need"),
        )
        found = vendor_directory_search(
            filters=filters, page_number=request.GET.get("page"), page_size=DIRECTORY_PAGE_SIZE
        )
        filters, page = found.filters, found.page
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "filters": filters,
                "page_obj": page,
                "vendors": page.object_list,
                "facets": vendor_directory_facets(filters=filters),
                "typed_query": data.get("q") or "",
                "suggestion": found.suggestion,
                "suggestion_url": suggestion_url(request, found.suggestion),
                "hidden_filters": [
                    (name, request.GET[name]) for name in FILTER_NAMES if request.GET.get(name)
                ],
            },
        )


class StoreView(AtomicWritesMixin, AnonymousPageCacheMixin, View):
    template_name = "vendors/store.html"

    def get(self, request, slug):
        vendor = vendor_for_store_page(slug=slug, user=request.user)
        if vendor is None:
            raise Http404(_("No such store."))
        if not vendor.has_store:
            return TemplateResponse(request, self.template_name, self._profile_only_context(vendor))
        form = SearchForm(request.GET)
        categories = list(vendor_store_categories(vendor=vendor))
        category = next((c for c in categories if str(c.pk) == request.GET.get("category")), None)
        query = form.cleaned_query()
        search = None
        if query:
            filters = ProductSearchFilters(
                query=query,
                vendor=vendor.slug,
                category_path=category.path if category else "",
                category_id=str(category.pk) if category else "",
            )
            search = product_search(filters=filters, sort=form.cleaned_sort())
            paginator = Paginator(search.product_ids, STORE_PAGE_SIZE)  # counted by the search
            paginator.cache_key = product_search_key(filters=filters, sort=form.cleaned_sort())
            page = paginator.get_page(request.GET.get("page"))
            products = products_in_order(product_ids=list(page.object_list))
        else:
            filters = {"vendor": vendor, "category": category, "sort": form.cleaned_sort()}
            page = CatalogueCountPaginator(
                product_list(**filters), STORE_PAGE_SIZE, cache_key=product_list_key(**filters)
            ).get_page(request.GET.get("page"))
            products = page.object_list
        return TemplateResponse(
            request,
            self.template_name,
            {
                **listing_context(page),
                "vendor": vendor,
                "form": form,
                "query": search.query if search else query,
                "typed_query": query,
                "suggestion": search.suggestion if search else "",
                "suggestion_url": suggestion_url(request, search.suggestion if search else ""),
                "categories": categories,
                "category": category,
                "page_obj": page,
                "paginator": page.paginator,
                "products": products,
                "responsiveness": stores_responsiveness(vendor_ids={vendor.pk})[vendor.pk],
                "profile": actor_profile(vendor=vendor),
            },
        )

    @staticmethod
    def _profile_only_context(vendor) -> dict:
        """An actor without a store: its profile, no catalogue to search or list."""
        return {
            "vendor": vendor,
            "categories": [],
            "products": [],
            "responsiveness": stores_responsiveness(vendor_ids={vendor.pk})[vendor.pk],
            "profile": actor_profile(vendor=vendor),
        }


class PurchasePartCancelView(View):
    """The signed-in buyer cancels one vendor part of their purchase (POST only)."""

    def post(self, request, number):
        vendor_order = get_object_or_404(buyer_vendor_orders(user=request.user), number=number)
        _purchase_part_cancel(request, vendor_order=vendor_order, actor=request.user)
        return redirect("customer:order", order_number=vendor_order.order.number)


class GuestPurchasePartCancelView(View):
    """The same for a guest, from Oscar's anonymous order page (signed link + e-mail)."""

    def post(self, request, number, hash):
        vendor_order = guest_vendor_order(
            number=number, verification_hash=hash, email=request.session.get("anon_order_email")
        )
        if vendor_order is None:
            raise Http404(_("No such order."))
        _purchase_part_cancel(request, vendor_order=vendor_order, actor=None)
        return redirect("customer:anon-order", order_number=vendor_order.order.number, hash=hash)


def _purchase_part_cancel(request, *, vendor_order, actor) -> None:
    try:
        vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=VendorOrderStatus.CANCELLED,
            actor=actor,
            actor_role=ActorRole.BUYER,
        )
    except VendorOrderTransitionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Order %(number)s is cancelled.") % {"number": vendor_order.number}
        )
