"""Operator pages for payments: bank transfers waiting to be confirmed."""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from payments.exceptions import PaymentClosed
from payments.interface import Capability, PaymentState
from payments.models import Payment
from payments.selectors import gateway_names_with
from payments.services import bank_transfer_confirm
from shop.core.roles import is_operator

operator_required = user_passes_test(is_operator)


@method_decorator(operator_required, name="dispatch")
class BankTransferListView(View):
    def get(self, request):
        payments = (
            Payment.objects.filter(
                gateway__in=gateway_names_with(Capability.MANUAL_CONFIRMATION),
                state=PaymentState.PENDING,
            )
            .select_related("order")
            .order_by("deadline", "id")
        )
        page = Paginator(payments, 50).get_page(request.GET.get("page"))
        return render(
            request,
            "payments/dashboard/bank_transfer_list.html",
            {"page_obj": page, "payments": page.object_list},
        )

    def post(self, request):
        payment = get_object_or_404(
            Payment,
            pk=request.POST.get("payment"),
            gateway__in=gateway_names_with(Capability.MANUAL_CONFIRMATION),
        )
        try:
            confirmed = bank_transfer_confirm(payment_id=payment.pk, actor=request.user)
        except PaymentClosed as closed:
            messages.error(request, closed.message)
            return redirect("payments_dashboard:bank-transfers")
        if confirmed:
            messages.success(
                request,
                _("Transfer %(reference)s confirmed: the stores can prepare the order.")
                % {"reference": payment.gateway_reference},
            )
        else:
            messages.info(
                request,
                _("Transfer %(reference)s was already confirmed.")
                % {"reference": payment.gateway_reference},
            )
        return redirect("payments_dashboard:bank-transfers")
