import logging

from django import http
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from oscar.apps.checkout import views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.checkout.views import *  # noqa: F403  (Oscar's fork pattern)
from oscar.core.loading import get_class, get_classes

from logistics.delivery import address_municipality, basket_vendor_parts
from payments.interface import Capability, NextAction
from payments.selectors import gateway_can, payment_methods_offered, payment_methods_unavailable
from payments.views import payable_remember
from shop.companies.approvals import company_account
from shop.companies.exceptions import CompanyRefused
from shop.companies.selectors import (
    basket_vendor_ids,
    buyer_companies,
    company_address_fields,
    company_addresses_for,
    on_account_company_ids,
)
from shop.core.transactions import AtomicWritesMixin
from shop.invoices.selectors import billing_company_last

DeliveryChoiceForm, PaymentMethodForm = get_classes(
    "checkout.forms", ["DeliveryChoiceForm", "PaymentMethodForm"]
)
VendorDelivery = get_class("shipping.methods", "VendorDelivery")
purchase_fingerprint = get_class("checkout.utils", "purchase_fingerprint")
PurchaseRefused, purchase_place = get_classes(
    "checkout.placement", ["PurchaseRefused", "purchase_place"]
)
UnableToPlaceOrder = get_class("order.exceptions", "UnableToPlaceOrder")

logger = logging.getLogger(__name__)


class CheckoutMixin:
    """Pre-conditions shared by the steps after the address."""

    def payment_methods(self) -> dict:
        """Payment on account is among them when a company the buyer buys for has terms
        with every store of the basket."""
        return payment_methods_offered(
            currency=self.request.basket.currency,
            on_account=any(self.on_account_companies()),
        )

    def buyer_companies(self) -> list:
        if not hasattr(self, "_buyer_companies"):
            self._buyer_companies = buyer_companies(user=self.request.user)
        return self._buyer_companies

    def on_account_companies(self) -> set[int]:
        """The ids of the buyer's companies that every store of the basket sells to on
        account."""
        if not self.buyer_companies():
            return set()
        return on_account_company_ids(
            companies=self.buyer_companies(), vendor_ids=basket_vendor_ids(self.request.basket)
        )

    def check_payment_data_is_captured(self, request):
        if self.checkout_session.payment_method() not in self.payment_methods():
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"), message=_("Choose how you want to pay.")
            )

    def delivery_plan(self):
        method = self.get_shipping_method(
            self.request.basket, self.get_shipping_address(self.request.basket)
        )
        return getattr(method, "plan", None) or getattr(
            getattr(method, "method", None), "plan", None
        )


class IndexView(AtomicWritesMixin, views.IndexView):
    """The first step; a returning customer logs in here. Oscar builds that login form
    without the request, which the login limits need (shop/accounts/throttle.py)."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class ShippingAddressView(AtomicWritesMixin, views.ShippingAddressView):
    def get_initial(self):
        initial = super().get_initial() or {}
        address = self.get_shipping_address(self.request.basket)
        municipality = address_municipality(address)
        if municipality:
            initial.update(province=municipality.province, municipality=municipality)
        return initial

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["company_addresses"] = company_addresses_for(user=self.request.user)
        return ctx

    def post(self, request, *args, **kwargs):
        if "company_address_id" in request.POST:
            address = (
                company_addresses_for(user=request.user)
                .filter(pk=request.POST["company_address_id"])
                .first()
            )
            if address is None:
                raise http.Http404
            self.checkout_session.ship_to_new_address(
                company_address_fields(address=address, user=request.user)
            )
            return redirect(self.get_success_url())
        # Oscar answers an address id of someone else with a 500 (DoesNotExist).
        if "address_id" in request.POST and request.user.is_authenticated:
            if not request.user.addresses.filter(pk=request.POST["address_id"]).exists():
                raise http.Http404
        return super().post(request, *args, **kwargs)


class ShippingMethodView(AtomicWritesMixin, views.ShippingMethodView):
    """Each vendor part gets its own delivery: home delivery where the vendor covers the
    address's municipality, or pickup at one of its points."""

    form_class = DeliveryChoiceForm
    success_url = views.ShippingMethodView.success_url

    def get(self, request, *args, **kwargs):
        if not request.basket.is_shipping_required():
            return super().get(request, *args, **kwargs)
        if not self.checkout_session.is_shipping_address_set():
            messages.error(request, _("Please choose a shipping address"))
            return redirect("checkout:shipping-address")
        if self.municipality() is None:
            messages.error(
                request, _("Choose the province and municipality of the delivery address.")
            )
            return redirect("checkout:shipping-address")
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        if self.municipality() is None:
            messages.error(
                request, _("Choose the province and municipality of the delivery address.")
            )
            return redirect("checkout:shipping-address")
        return super(views.ShippingMethodView, self).post(request, *args, **kwargs)

    def municipality(self):
        if not hasattr(self, "_municipality"):
            self._municipality = address_municipality(
                self.get_shipping_address(self.request.basket), basket=self.request.basket
            )
        return self._municipality

    def get_form_kwargs(self):
        kwargs = super(views.ShippingMethodView, self).get_form_kwargs()
        kwargs["parts"] = basket_vendor_parts(
            basket=self.request.basket, municipality=self.municipality()
        )
        chosen = self.checkout_session.delivery_choices()
        kwargs["initial"] = {f"vendor-{key}": code for key, code in chosen.items()}
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super(views.ShippingMethodView, self).get_context_data(**kwargs)
        ctx["municipality"] = self.municipality()
        return ctx

    def form_valid(self, form):
        self.checkout_session.set_delivery_choices(form.choices())
        self.checkout_session.use_shipping_method(VendorDelivery.code)
        return self.get_success_response()

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PaymentMethodView(AtomicWritesMixin, CheckoutMixin, views.PaymentMethodView):
    template_name = "oscar/checkout/payment_method.html"
    success_url = reverse_lazy("checkout:preview")

    def get(self, request, *args, **kwargs):
        chosen = self.checkout_session.payment_method()
        initial = {"method": chosen} if chosen else {}
        company = self.checkout_session.billing_company() or billing_company_last(user=request.user)
        if self.checkout_session.company_id():
            initial["buy_as"] = self.checkout_session.company_id()
        elif company:
            initial.update(
                as_company=True, company_name=company["name"], company_nit=company["nit"]
            )
        form = PaymentMethodForm(
            methods=self.payment_methods(),
            companies=self.buyer_companies(),
            initial=initial or None,
        )
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = PaymentMethodForm(
            request.POST, methods=self.payment_methods(), companies=self.buyer_companies()
        )
        if form.is_valid() and gateway_can(form.cleaned_data["method"], Capability.PAY_ON_ACCOUNT):
            if form.cleaned_data.get("buy_as") not in self.on_account_companies():
                form.add_error(
                    "method",
                    _(
                        "Payment on account is for a company whose every store in the "
                        "basket granted it terms: choose that company or another way to pay."
                    ),
                )
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        company_id = form.cleaned_data.get("buy_as")
        company = next((c for c in self.buyer_companies() if c.pk == company_id), None)
        self.checkout_session.buy_as_company(company)
        self.checkout_session.pay_with(form.cleaned_data["method"])
        if company is None:
            self.checkout_session.bill_to(
                company_name=form.cleaned_data["company_name"],
                company_nit=form.cleaned_data["company_nit"],
            )
        return self.get_success_response()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["payment_methods"] = self.payment_methods()
        ctx["payment_methods_unavailable"] = payment_methods_unavailable()
        return ctx


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentDetailsView(CheckoutMixin, views.PaymentDetailsView):
    """The review (preview) and the placing of the order. Cash on delivery needs no
    payment details, so the details step goes straight to the review."""

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        plan = self.delivery_plan()
        ctx["delivery_plan"] = plan
        ctx["payment_method"] = self.payment_methods().get(self.checkout_session.payment_method())
        ctx["billing_company"] = self.checkout_session.billing_company()
        if plan is not None and ctx.get("order_total") is not None:
            ctx["purchase_fingerprint"] = purchase_fingerprint(
                basket=self.request.basket, plan=plan, total=ctx["order_total"]
            )
        return ctx

    def handle_place_order_submission(self, request):
        submission = self.build_submission()
        reviewed = request.POST.get("purchase_fingerprint", "")
        current = purchase_fingerprint(
            basket=submission["basket"], plan=self.delivery_plan(), total=submission["order_total"]
        )
        if reviewed != current:
            return self.render_preview(
                request,
                error=_(
                    "Your purchase changed since you reviewed it (products, quantities, prices "
                    "or delivery). Check it again and place the order."
                ),
            )
        return self.submit(**submission)

    def handle_payment(self, order_number, total, **kwargs):
        # The payment is started by the placement path, once the order is committed.
        pass

    def handle_order_placement(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        **kwargs,
    ):
        """The one placement path (shop/apps/checkout/placement.py) with what the
        checkout collected; a refusal shows the review again with its reason."""
        company = self.checkout_session.billing_company() or {}
        try:
            account = None
            if self.checkout_session.company_id():
                account = company_account(company_id=self.checkout_session.company_id(), user=user)
            placed = purchase_place(
                basket=basket,
                shipping_address=shipping_address,
                choices=self.checkout_session.delivery_choices(),
                payment_method=self.checkout_session.payment_method(),
                user=user,
                email=kwargs.get("guest_email", ""),
                order_number=order_number,
                request=self.request,
                language=self.request.LANGUAGE_CODE,
                company_name=company.get("name", ""),
                company_nit=company.get("nit", ""),
                account=account,
            )
        except (PurchaseRefused, CompanyRefused) as refused:
            raise UnableToPlaceOrder(refused.message) from refused
        self.payment, self.payment_started = placed.payment, placed.started
        if placed.held:
            self.held_purchase = placed.order.company_purchase
        return self.handle_successful_order(placed.order)

    def get_success_url(self):
        if getattr(self, "held_purchase", None) is not None:
            messages.info(
                self.request,
                _("Your purchase is above your spending limit: it waits for an approver."),
            )
            return reverse("companies:purchase", kwargs={"pk": self.held_purchase.pk})
        started = getattr(self, "payment_started", None)
        if started is not None and started.next_action in (
            NextAction.CLIENT_SDK,
            NextAction.INSTRUCTIONS,
            NextAction.REDIRECT,
        ):
            payable_remember(self.request, self.payment.reference)
        if started is not None and started.next_action == NextAction.CLIENT_SDK:
            return reverse("payment_pages:card", kwargs={"reference": self.payment.reference})
        if started is not None and started.next_action == NextAction.REDIRECT:
            # Paid in the gateway's app: our page with its QR code, link and code.
            return reverse("payment_pages:link", kwargs={"reference": self.payment.reference})
        return super().get_success_url()

    def send_order_placed_email(self, order):
        pass  # the placement path tells the stores and the buyer


class ThankYouView(AtomicWritesMixin, views.ThankYouView):
    pass
