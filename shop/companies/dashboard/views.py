"""A store's terms for companies (mounted at /vendedor/<store>/empresas/): grant or
change days and credit limits, see what each company owes, confirm a transfer."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from shop.companies.credit import credit_paid_confirm, terms_grant
from shop.companies.exceptions import CompanyRefused, CreditRefused
from shop.companies.forms import PriceListForm, TermsForm
from shop.companies.models import Company, PriceList
from shop.companies.price_lists import (
    CSV_COLUMNS,
    price_list_csv_import,
    price_list_delete,
    price_list_for_vendor,
    price_list_prices_text,
    price_list_save,
    vendor_price_lists,
)
from shop.companies.selectors import vendor_open_charges, vendor_terms
from shop.core.transactions import AtomicWritesMixin
from vendors.dashboard.base import VendorDashboardMixin
from vendors.dashboard.forms import CatalogueImportForm


class StoreTermsView(VendorDashboardMixin, AtomicWritesMixin, View):
    def page(self, form, status=200):
        return self.render(
            "company_terms.html",
            {
                "form": form,
                "terms": vendor_terms(vendor=self.vendor),
                "charges": vendor_open_charges(vendor=self.vendor)[:100],
                "price_lists": vendor_price_lists(vendor=self.vendor),
                "price_list_form": PriceListForm(),
            },
            status=status,
        )

    def get(self, request, vendor_slug):
        return self.page(TermsForm())

    def post(self, request, vendor_slug):
        form = TermsForm(request.POST)
        if not form.is_valid():
            return self.page(form, status=400)
        data = form.cleaned_data
        company = Company.objects.filter(nit=data["nit"]).first()
        if company is None:
            form.add_error("nit", _("No company with this NIT buys on Encadena yet."))
            return self.page(form, status=400)
        try:
            terms_grant(
                vendor=self.vendor,
                company=company,
                days=data["days"],
                credit_limit=data["credit_limit"],
                is_active=data["is_active"],
            )
        except CreditRefused as error:
            form.add_error(None, error)
            return self.page(form, status=400)
        messages.success(
            request, _("Terms for %(company)s were saved.") % {"company": company.legal_name}
        )
        return redirect("companies_store:terms", vendor_slug=self.vendor.slug)


class StoreChargeConfirmView(VendorDashboardMixin, AtomicWritesMixin, View):
    """The company's transfer reached the store: its part is paid."""

    def post(self, request, vendor_slug, pk):
        try:
            charge = credit_paid_confirm(charge_id=pk, actor=request.user, vendor=self.vendor)
        except ObjectDoesNotExist as error:
            raise Http404 from error
        except CreditRefused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The payment of %(number)s was recorded.")
                % {"number": charge.vendor_order.number},
            )
        return redirect("companies_store:terms", vendor_slug=self.vendor.slug)


class PriceListView(VendorDashboardMixin, AtomicWritesMixin, View):
    """A new price list (no pk) or one of the store's own: another store's is a 404."""

    def price_list(self, pk):
        if pk is None:
            return None
        try:
            return price_list_for_vendor(vendor=self.vendor, pk=pk)
        except PriceList.DoesNotExist as error:
            raise Http404 from error

    def page(self, form, price_list, status=200, *, import_form=None, report=None):
        return self.render(
            "company_price_list.html",
            {
                "form": form,
                "price_list": price_list,
                "import_form": import_form or CatalogueImportForm(),
                "columns": CSV_COLUMNS,
                "report": report,
            },
            status=status,
        )

    def initial(self, price_list) -> dict:
        if price_list is None:
            return {}
        return {
            "name": price_list.name,
            "nits": ", ".join(company.nit for company in price_list.companies.all()),
            "prices": price_list_prices_text(price_list),
        }

    def get(self, request, vendor_slug, pk=None):
        price_list = self.price_list(pk)
        return self.page(PriceListForm(initial=self.initial(price_list)), price_list)

    def post(self, request, vendor_slug, pk=None):
        price_list = self.price_list(pk)
        form = PriceListForm(request.POST)
        if not form.is_valid():
            return self.page(form, price_list, status=400)
        try:
            price_list = price_list_save(
                vendor=self.vendor,
                name=form.cleaned_data["name"],
                nits=form.cleaned_data["nits"],
                prices=form.cleaned_data["prices"],
                price_list=price_list,
            )
        except CompanyRefused as error:
            form.add_error(None, error.message)
            return self.page(form, price_list, status=400)
        messages.success(
            request, _("The price list %(name)s was saved.") % {"name": price_list.name}
        )
        return redirect("companies_store:terms", vendor_slug=self.vendor.slug)


class PriceListImportView(PriceListView):
    """The list's prices replaced by a CSV file's, all or nothing (as the product import)."""

    def get(self, request, vendor_slug, pk):
        price_list = self.price_list(pk)
        return redirect(
            "companies_store:price_list", vendor_slug=self.vendor.slug, pk=price_list.pk
        )

    def post(self, request, vendor_slug, pk):
        price_list = self.price_list(pk)
        import_form = CatalogueImportForm(request.POST, request.FILES)
        report = None
        if import_form.is_valid():
            report = price_list_csv_import(
                vendor=self.vendor, price_list=price_list, upload=import_form.cleaned_data["file"]
            )
            if report.ok:
                messages.success(
                    request,
                    _("Import done: %(count)s products priced in %(name)s.")
                    % {"count": report.updated, "name": price_list.name},
                )
                return redirect("companies_store:price_list", vendor_slug=self.vendor.slug, pk=pk)
        form = PriceListForm(initial=self.initial(price_list))
        return self.page(form, price_list, 400, import_form=import_form, report=report)


class PriceListDeleteView(PriceListView):
    """Asks first (a page, no script); the purchases made with the list keep their prices."""

    def get(self, request, vendor_slug, pk):
        return self.render("company_price_list_delete.html", {"price_list": self.price_list(pk)})

    def post(self, request, vendor_slug, pk):
        try:
            name = price_list_delete(vendor=self.vendor, pk=pk)
        except PriceList.DoesNotExist as error:
            raise Http404 from error
        messages.success(request, _("The price list %(name)s was deleted.") % {"name": name})
        return redirect("companies_store:terms", vendor_slug=self.vendor.slug)
