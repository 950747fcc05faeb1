"""A store's terms for companies (mounted at /vendedor/<store>/empresas/): grant or
change days and credit limits, see what each company owes, confirm a transfer."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from shop.companies.credit import credit_paid_confirm, terms_grant
from shop.companies.exceptions import CreditRefused
from shop.companies.forms import TermsForm
from shop.companies.models import Company
from shop.companies.selectors import vendor_open_charges, vendor_terms
from shop.core.transactions import AtomicWritesMixin
from vendors.dashboard.base import VendorDashboardMixin


class StoreTermsView(VendorDashboardMixin, AtomicWritesMixin, View):
    def page(self, form, status=200):
        return self.render(
            "company_terms.html",
            {
                "form": form,
                "terms": vendor_terms(vendor=self.vendor),
                "charges": vendor_open_charges(vendor=self.vendor)[:100],
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
