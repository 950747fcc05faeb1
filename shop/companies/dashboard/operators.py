"""The operators' page of parts on account waiting for their transfer, every store's."""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from shop.companies.credit import credit_paid_confirm
from shop.companies.exceptions import CreditRefused
from shop.companies.selectors import open_charges
from shop.core.roles import is_operator
from shop.core.transactions import AtomicWritesMixin


@method_decorator(user_passes_test(is_operator), name="dispatch")
class OpenChargesView(View):
    def get(self, request):
        return render(request, "companies/dashboard/open_charges.html", {"charges": open_charges()})


@method_decorator(user_passes_test(is_operator), name="dispatch")
class ChargeConfirmView(AtomicWritesMixin, View):
    def post(self, request, pk):
        try:
            charge = credit_paid_confirm(charge_id=pk, actor=request.user)
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
        return redirect("companies_operators:charges")
