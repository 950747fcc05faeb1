"""The vendor dashboard: each view sees one vendor, named in its URL, and only if
the user is one of its members (or an operator). Anything else is a 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from vendors.catalogue_csv import COLUMNS, vendor_catalogue_csv, vendor_catalogue_csv_import
from vendors.dashboard.forms import (
    CatalogueImportForm,
    InvitationForm,
    StockAdjustmentForm,
    VendorProductForm,
    VendorProfileForm,
)
from vendors.inventory import stock_set
from vendors.models import MembershipRole, StockMovement, StockMovementReason, Vendor
from vendors.permissions import is_operator
from vendors.products import (
    vendor_low_stock,
    vendor_product_create,
    vendor_product_get,
    vendor_product_publish,
    vendor_product_update,
    vendor_products,
)
from vendors.services import (
    PROFILE_FIELDS,
    vendor_invitation_accept,
    vendor_invitation_create,
    vendor_profile_update,
)

PAGE_SIZE = 50


class VendorDashboardMixin(LoginRequiredMixin):
    owner_only = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.vendor = get_object_or_404(Vendor.objects.select_related("partner"),
                                        slug=kwargs["vendor_slug"])
        membership = self.vendor.memberships.filter(user=request.user).first()
        if membership is None and not is_operator(request.user):
            raise Http404
        if self.owner_only and membership is not None and membership.role != MembershipRole.OWNER:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, template, context, status=200):
        return render(self.request, f"vendors/dashboard/{template}",
                      {"vendor": self.vendor, **context}, status=status)


class HomeView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render("home.html", {
            "product_count": vendor_products(vendor=self.vendor).count(),
            "low_stock": vendor_low_stock(vendor=self.vendor)[:20],
        })


class ProductListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        products = vendor_products(vendor=self.vendor)
        query = request.GET.get("q", "").strip()[:200]
        if query:
            products = products.filter(title__icontains=query)
        page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
        return self.render("product_list.html", {"page_obj": page, "products": page.object_list,
                                                 "query": query})


class ProductCreateView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render("product_form.html", {"form": VendorProductForm()})

    def post(self, request, vendor_slug):
        form = VendorProductForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render("product_form.html", {"form": form}, status=400)
        product = vendor_product_create(vendor=self.vendor, actor=request.user,
                                        data=form.product_data(), stock=form.cleaned_data["stock"])
        messages.success(request, _("Product saved."))
        return redirect("vendor_dashboard:product-edit", vendor_slug=self.vendor.slug,
                        pk=product.pk)


class ProductEditView(VendorDashboardMixin, View):
    def initial(self, product) -> dict:
        return {"title": product.title, "description": product.description,
                "category": product.categories.first(), "price": product.price,
                "sku": product.sku, "low_stock_threshold": product.low_stock_threshold,
                "is_public": product.is_public}

    def get(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = VendorProductForm(initial=self.initial(product), editing=True)
        return self.render("product_form.html", {"form": form, "product": product})

    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = VendorProductForm(request.POST, request.FILES, editing=True)
        if not form.is_valid():
            return self.render("product_form.html", {"form": form, "product": product}, status=400)
        vendor_product_update(vendor=self.vendor, product=product, data=form.product_data())
        messages.success(request, _("Product saved."))
        return redirect("vendor_dashboard:product-edit", vendor_slug=self.vendor.slug, pk=pk)


class ProductPublishView(VendorDashboardMixin, View):
    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        publish = request.POST.get("publish") == "1"
        vendor_product_publish(vendor=self.vendor, product=product, is_public=publish)
        messages.success(request, _("Product published.") if publish else _("Product hidden."))
        return redirect("vendor_dashboard:product-list", vendor_slug=self.vendor.slug)


class ProductStockView(VendorDashboardMixin, View):
    def context(self, product, form):
        movements = StockMovement.objects.filter(
            stockrecord_id=product.stockrecord_id, vendor=self.vendor
        ).select_related("actor")[:100]
        return {"product": product, "form": form, "movements": movements}

    def get(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = StockAdjustmentForm(initial={"level": product.num_in_stock})
        return self.render("product_stock.html", self.context(product, form))

    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = StockAdjustmentForm(request.POST)
        if form.is_valid():
            try:
                stock_set(stockrecord_id=product.stockrecord_id, vendor=self.vendor,
                          level=form.cleaned_data["level"], note=form.cleaned_data["note"],
                          reason=StockMovementReason.ADJUSTMENT, actor=request.user)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Stock updated."))
                return redirect("vendor_dashboard:product-stock", vendor_slug=self.vendor.slug,
                                pk=pk)
        return self.render("product_stock.html", self.context(product, form), status=400)


class ProductExportView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        response = HttpResponse(vendor_catalogue_csv(vendor=self.vendor),
                                content_type="text/csv; charset=utf-8")
        filename = f"productos-{self.vendor.slug}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ProductImportView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self.render("product_import.html", {"form": CatalogueImportForm(),
                                                   "columns": COLUMNS})

    def post(self, request, vendor_slug):
        form = CatalogueImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render("product_import.html", {"form": form, "columns": COLUMNS},
                               status=400)
        report = vendor_catalogue_csv_import(vendor=self.vendor, actor=request.user,
                                             upload=form.cleaned_data["file"])
        if report.ok:
            messages.success(request, _("Import done: %(created)s new, %(updated)s updated.")
                             % {"created": report.created, "updated": report.updated})
            return redirect("vendor_dashboard:product-list", vendor_slug=self.vendor.slug)
        return self.render("product_import.html", {"form": CatalogueImportForm(),
                                                   "columns": COLUMNS, "report": report},
                           status=400)


class ProfileView(VendorDashboardMixin, View):
    owner_only = True

    def get(self, request, vendor_slug):
        vendor = self.vendor
        initial = {name: getattr(vendor, name) for name in PROFILE_FIELDS}
        initial["sectors"] = list(vendor.sectors.all())
        return self.render("profile.html", {"form": VendorProfileForm(initial=initial)})

    def post(self, request, vendor_slug):
        form = VendorProfileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render("profile.html", {"form": form}, status=400)
        vendor_profile_update(vendor=self.vendor, data=form.cleaned_data)
        messages.success(request, _("Profile saved."))
        return redirect("vendor_dashboard:profile", vendor_slug=self.vendor.slug)


class TeamView(VendorDashboardMixin, View):
    owner_only = True

    def context(self, form):
        return {"form": form,
                "members": self.vendor.memberships.select_related("user").order_by("role", "id"),
                "invitations": self.vendor.invitations.filter(accepted_at__isnull=True)}

    def get(self, request, vendor_slug):
        return self.render("team.html", self.context(InvitationForm()))

    def post(self, request, vendor_slug):
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                vendor_invitation_create(vendor=self.vendor, email=form.cleaned_data["email"],
                                         invited_by=request.user)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Invitation sent."))
                return redirect("vendor_dashboard:team", vendor_slug=self.vendor.slug)
        return self.render("team.html", self.context(form), status=400)


class InvitationAcceptView(LoginRequiredMixin, View):
    def get(self, request, token):
        return render(request, "vendors/dashboard/invitation.html", {"token": token})

    def post(self, request, token):
        try:
            membership = vendor_invitation_accept(token=token, user=request.user)
        except ValidationError as error:
            return render(request, "vendors/dashboard/invitation.html",
                          {"token": token, "errors": error.messages}, status=400)
        messages.success(request, _("You now work for %(vendor)s.")
                         % {"vendor": membership.vendor.trade_name})
        return redirect("vendor_dashboard:home", vendor_slug=membership.vendor.slug)


class MyStoresView(LoginRequiredMixin, View):
    """/vendedor/: straight to the user's store, or a list when there are several."""

    def get(self, request):
        vendors = list(Vendor.objects.filter(memberships__user=request.user).order_by("trade_name"))
        if len(vendors) == 1:
            return redirect("vendor_dashboard:home", vendor_slug=vendors[0].slug)
        return render(request, "vendors/dashboard/my_stores.html", {"vendors": vendors})
