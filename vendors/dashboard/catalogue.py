"""The store's catalogue: its products, their stock, and the CSV export and import."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views import View

from vendors.catalogue.csv_import import (
    COLUMNS,
    IMPORT_LIMITS,
    vendor_catalogue_csv,
    vendor_catalogue_csv_import,
)
from vendors.catalogue.products import (
    product_weight_of,
    vendor_product_create,
    vendor_product_get,
    vendor_product_publish,
    vendor_product_update,
    vendor_products,
)
from vendors.dashboard.base import PAGE_SIZE, VendorDashboardMixin
from vendors.dashboard.forms import CatalogueImportForm, StockAdjustmentForm, VendorProductForm
from vendors.exceptions import ProductModerationRefused
from vendors.inventory.stock import stock_set
from vendors.models import StockMovement, StockMovementReason
from vendors.pricing.forms import ProductTermsForm


class ProductListView(VendorDashboardMixin, View):
    store_only = True

    def get(self, request, vendor_slug):
        products = vendor_products(vendor=self.vendor)
        query = request.GET.get("q", "").strip()[:200]
        if query:
            products = products.filter(title__icontains=query)
        page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
        return self.render(
            "product_list.html", {"page_obj": page, "products": page.object_list, "query": query}
        )


class ProductCreateView(VendorDashboardMixin, View):
    store_only = True

    def get(self, request, vendor_slug):
        return self.render("product_form.html", {"form": VendorProductForm()})

    def post(self, request, vendor_slug):
        form = VendorProductForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render("product_form.html", {"form": form}, status=400)
        product = vendor_product_create(
            vendor=self.vendor,
            actor=request.user,
            data=form.product_data(),
            stock=form.cleaned_data["stock"],
        )
        messages.success(request, _("Product saved."))
        return redirect(
            "vendor_dashboard:product-edit", vendor_slug=self.vendor.slug, pk=product.pk
        )


def product_initial(product) -> dict:
    weight = product_weight_of(product)
    return {
        "title": product.title,
        "description": product.description,
        "category": product.categories.first(),
        "price": product.price,
        "sku": product.sku,
        "low_stock_threshold": product.low_stock_threshold,
        "is_public": product.is_public,
        "weight": "" if weight is None else number_format(weight),
    }


class ProductEditView(VendorDashboardMixin, View):
    store_only = True

    def get(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = VendorProductForm(initial=product_initial(product), editing=True)
        return self.render(
            "product_form.html",
            {"form": form, "terms_form": ProductTermsForm.for_product(product), "product": product},
        )

    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        form = VendorProductForm(request.POST, request.FILES, editing=True)
        if not form.is_valid():
            context = {"form": form, "product": product}
            context["terms_form"] = ProductTermsForm.for_product(product)
            return self.render("product_form.html", context, status=400)
        vendor_product_update(vendor=self.vendor, product=product, data=form.product_data())
        messages.success(request, _("Product saved."))
        return redirect("vendor_dashboard:product-edit", vendor_slug=self.vendor.slug, pk=pk)


class ProductPublishView(VendorDashboardMixin, View):
    store_only = True

    def post(self, request, vendor_slug, pk):
        product = vendor_product_get(vendor=self.vendor, pk=pk)
        publish = request.POST.get("publish") == "1"
        try:
            vendor_product_publish(vendor=self.vendor, product=product, is_public=publish)
        except ProductModerationRefused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Product published.") if publish else _("Product hidden."))
        return redirect("vendor_dashboard:product-list", vendor_slug=self.vendor.slug)


class ProductStockView(VendorDashboardMixin, View):
    store_only = True

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
                stock_set(
                    stockrecord_id=product.stockrecord_id,
                    vendor=self.vendor,
                    level=form.cleaned_data["level"],
                    note=form.cleaned_data["note"],
                    reason=StockMovementReason.ADJUSTMENT,
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Stock updated."))
                return redirect(
                    "vendor_dashboard:product-stock", vendor_slug=self.vendor.slug, pk=pk
                )
        return self.render("product_stock.html", self.context(product, form), status=400)


class ProductExportView(VendorDashboardMixin, View):
    store_only = True

    def get(self, request, vendor_slug):
        response = HttpResponse(
            vendor_catalogue_csv(vendor=self.vendor), content_type="text/csv; charset=utf-8"
        )
        filename = f"productos-{self.vendor.slug}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ProductImportView(VendorDashboardMixin, View):
    store_only = True

    def get(self, request, vendor_slug):
        return self.render(
            "product_import.html",
            {"form": CatalogueImportForm(), "columns": COLUMNS, "limits": IMPORT_LIMITS},
        )

    def post(self, request, vendor_slug):
        form = CatalogueImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(
                "product_import.html",
                {"form": form, "columns": COLUMNS, "limits": IMPORT_LIMITS},
                status=400,
            )
        report = vendor_catalogue_csv_import(
            vendor=self.vendor, actor=request.user, upload=form.cleaned_data["file"]
        )
        if report.ok:
            messages.success(
                request,
                _("Import done: %(created)s new, %(updated)s updated.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect("vendor_dashboard:product-list", vendor_slug=self.vendor.slug)
        return self.render(
            "product_import.html",
            {
                "form": CatalogueImportForm(),
                "columns": COLUMNS,
                "limits": IMPORT_LIMITS,
                "report": report,
            },
            status=400,
        )
