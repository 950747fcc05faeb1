"""Operator pages for payments: bank transfers waiting to be confirmed, and the daily
reconciliation per gateway."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from payments.dashboard.forms import ReconciliationPeriodForm
from payments.exceptions import GatewayUnavailable, PaymentClosed
from payments.interface import Capability, PaymentState
from payments.models import Payment
from payments.reconciliation import reconciliation_days
from payments.selectors import gateway_names_with
from payments.services import bank_transfer_confirm, payment_sync
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


@method_decorator(operator_required, name="dispatch")
class ReconciliationView(View):
    """Per gateway and day: what was expected, what was confirmed, what differs, with
    the references to chase; a payment at a gateway that can be asked is brought up to
    date from here."""

    DAYS = 7

    def get(self, request):
        today = timezone.localdate()
        form = ReconciliationPeriodForm(
            request.GET or None,
            initial={"start": today - timedelta(days=self.DAYS - 1), "end": today},
        )
        start, end = today - timedelta(days=self.DAYS - 1), today
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        return render(
            request,
            "payments/dashboard/reconciliation.html",
            {
                "form": form,
                "start": start,
                "end": end,
                "days": reconciliation_days(start=start, end=end),
            },
        )

    def post(self, request):
        payment = get_object_or_404(
            Payment,
            pk=request.POST.get("payment"),
            gateway__in=gateway_names_with(Capability.POLLING),
        )
        try:
            changed = payment.gateway_reference and payment_sync(payment_id=payment.pk)
        except GatewayUnavailable as trouble:
            messages.error(request, trouble.message)
        else:
            payment.refresh_from_db()
            messages.success(
                request,
                (
                    _("Payment %(reference)s brought up to date: %(state)s.")
                    if changed
                    else _("Payment %(reference)s: the gateway says nothing new (%(state)s).")
                )
                % {"reference": payment.reference, "state": payment.state_label},
            )
        return redirect("payments_dashboard:reconciliation")
