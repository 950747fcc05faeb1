import logging
from decimal import Decimal

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
    terms_days_by_company,
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

    def terms_by_company(self) -> dict[int, dict[int, int]]:
        """{company id: {store id: days}}: the terms the basket's stores grant the buyer's
        companies."""
        if not hasattr(self, "_terms_by_company"):
            self._basket_vendor_ids = set()
            self._terms_by_company = {}
            if self.buyer_companies():
                self._basket_vendor_ids = basket_vendor_ids(self.request.basket)
                self._terms_by_company = terms_days_by_company(
                    companies=self.buyer_companies(), vendor_ids=self._basket_vendor_ids
                )
        return self._terms_by_company

    def on_account_companies(self) -> set[int]:
        """The ids of the buyer's companies that every store of the basket sells to on
        account."""
        terms = self.terms_by_company()
        return {
            company_id for company_id, days in terms.items() if set(days) == self._basket_vendor_ids
        }

    def parts_on_account(self) -> dict[int, int]:
        """{store id: days} of the parts going on the company's account while the rest is
        paid with the method chosen (empty: none do)."""
        if not self.checkout_session.parts_on_account():
            return {}
        terms = self.terms_by_company().get(self.checkout_session.company_id(), {})
        return {} if set(terms) == self._basket_vendor_ids else terms

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
        initial["parts_on_account"] = self.checkout_session.parts_on_account()
        form = PaymentMethodForm(
            methods=self.payment_methods(),
            companies=self.buyer_companies(),
            initial=initial,
            some_terms=self.some_terms(),
        )
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = PaymentMethodForm(
            request.POST,
            methods=self.payment_methods(),
            companies=self.buyer_companies(),
            some_terms=self.some_terms(),
        )
        whole = form.is_valid() and gateway_can(
            form.cleaned_data["method"], Capability.PAY_ON_ACCOUNT
        )
        if whole and form.cleaned_data.get("buy_as") not in self.on_account_companies():
            form.add_error(
                "method",
                _(
                    "Payment on account is for a company whose every store in the "
                    "basket granted it terms: choose that company or another way to pay."
                ),
            )
        if form.is_valid() and form.cleaned_data.get("parts_on_account") and not whole:
            self._parts_on_account_check(form)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        company_id = form.cleaned_data.get("buy_as")
        company = next((c for c in self.buyer_companies() if c.pk == company_id), None)
        self.checkout_session.buy_as_company(company)
        self.checkout_session.pay_with(form.cleaned_data["method"])
        self.checkout_session.pay_parts_on_account(
            bool(form.cleaned_data.get("parts_on_account")) and not whole
        )
        if company is None:
            self.checkout_session.bill_to(
                company_name=form.cleaned_data["company_name"],
                company_nit=form.cleaned_data["company_nit"],
            )
        return self.get_success_response()

    def some_terms(self) -> bool:
        """Whether a company the buyer buys for has terms with some stores of the basket,
        not all of them."""
        return any(
            set(days) != self._basket_vendor_ids for days in self.terms_by_company().values()
        )

    def _parts_on_account_check(self, form) -> None:
        terms = self.terms_by_company().get(form.cleaned_data.get("buy_as"))
        if not terms:
            form.add_error(
                "parts_on_account",
                _(
                    "No store in the basket grants terms to the company you buy as: "
                    "buy as a company with terms or leave this unticked."
                ),
            )
        elif set(terms) == self._basket_vendor_ids:
            form.add_error(
                "parts_on_account",
                _(
                    "Every store in the basket grants this company terms: choose payment "
                    "on account."
                ),
            )

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
        on_account = self.parts_on_account()
        if plan is not None and on_account:
            ctx["parts_on_account"] = {
                str(vendor_id): days for vendor_id, days in on_account.items()
            }
            ctx["on_account_total"] = sum(
                (
                    part.subtotal + (part.chosen.charge if part.chosen else 0)
                    for part in plan.parts
                    if part.vendor.pk in on_account
                ),
                Decimal("0"),
            )
        if plan is not None and ctx.get("order_total") is not None:
            if on_account:
                ctx["pay_now_total"] = ctx["order_total"].incl_tax - ctx["on_account_total"]
            ctx["purchase_fingerprint"] = purchase_fingerprint(
                basket=self.request.basket,
                plan=plan,
                total=ctx["order_total"],
                on_account=on_account,
            )
        return ctx

    def handle_place_order_submission(self, request):
        submission = self.build_submission()
        reviewed = request.POST.get("purchase_fingerprint", "")
        current = purchase_fingerprint(
            basket=submission["basket"],
            plan=self.delivery_plan(),
            total=submission["order_total"],
            on_account=self.parts_on_account(),
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
                on_account_vendor_ids=set(self.parts_on_account()),
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
