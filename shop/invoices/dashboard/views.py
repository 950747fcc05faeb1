"""The vendor dashboard's invoice pages (mounted in vendors/dashboard/urls.py)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from shop.invoices.exports import vendor_documents_csv, vendor_documents_zip
from shop.invoices.forms import InvoiceSettingsForm, PeriodForm
from shop.invoices.selectors import vendor_credit_notes, vendor_invoices
from shop.invoices.services import invoice_settings
from vendors.dashboard.base import PAGE_SIZE, VendorDashboardMixin


class VendorInvoiceListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        page = Paginator(vendor_invoices(vendor=self.vendor), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return self.render(
            "invoice_list.html",
            {
                "page_obj": page,
                "invoices": page.object_list,
                "credit_notes": vendor_credit_notes(vendor=self.vendor)[:PAGE_SIZE],
                "period_form": PeriodForm(),
            },
        )


class _VendorInvoiceExportView(VendorDashboardMixin, View):
    content_type = ""
    extension = ""

    def content(self, period):
        raise NotImplementedError

    def get(self, request, vendor_slug):
        form = PeriodForm(request.GET)
        if not form.is_valid():
            return self.render(
                "invoice_list.html",
                {"invoices": [], "credit_notes": [], "period_form": form},
                status=400,
            )
        period = form.cleaned_data["period"]
        response = HttpResponse(self.content(period), content_type=self.content_type)
        filename = (
            f"facturas-{self.vendor.slug}-{period.start:%Y-%m-%d}"
            f"-{period.end:%Y-%m-%d}.{self.extension}"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class VendorInvoiceCsvExportView(_VendorInvoiceExportView):
    content_type = "text/csv; charset=utf-8"
    extension = "csv"

    def content(self, period):
        return vendor_documents_csv(vendor=self.vendor, period=period)


class VendorInvoiceZipExportView(_VendorInvoiceExportView):
    content_type = "application/zip"
    extension = "zip"

    def content(self, period):
        return vendor_documents_zip(vendor=self.vendor, period=period)


class VendorInvoiceSettingsView(VendorDashboardMixin, View):
    """The owner's invoicing choices: series prefixes, tax rate, paper size. They apply to
    documents issued from now on; issued ones never change."""

    owner_only = True

    def get(self, request, vendor_slug):
        form = InvoiceSettingsForm(instance=invoice_settings(vendor=self.vendor))
        return self.render("invoice_settings.html", {"form": form})

    def post(self, request, vendor_slug):
        form = InvoiceSettingsForm(request.POST, instance=invoice_settings(vendor=self.vendor))
        if not form.is_valid():
            return self.render("invoice_settings.html", {"form": form}, status=400)
        form.save()
        messages.success(request, _("Invoice settings saved: they apply to the next invoice."))
        return redirect("vendor_dashboard:invoice-settings", vendor_slug=self.vendor.slug)
