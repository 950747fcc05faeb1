"""The call-center console: thin views over shop.callcenter's selectors and services.
Agents and operators only; anyone else is told the page does not exist."""

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_model

from logistics.delivery import (
    address_municipality,
    basket_vendor_parts,
    vendor_order_delivery_options,
)
from payments.selectors import (
    payment_method_default,
    payment_methods_for_agents,
    payment_methods_offered,
)
from shop.callcenter import forms, phone_orders, services
from shop.callcenter.audit import audit_lines
from shop.callcenter.models import CustomerNote
from shop.callcenter.search import console_search
from shop.callcenter.selectors import audit_entries, customer_file, purchase_file
from shop.companies.selectors import basket_vendor_ids, buyer_companies, on_account_company_ids
from shop.core.roles import AGENT_GROUP, console_access, is_operator
from shop.invoices.models import Invoice
from vendors.models import VendorOrder

User = get_user_model()
Order = get_model("order", "Order")
Line = get_model("order", "Line")


class ConsoleView(LoginRequiredMixin, View):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not console_access(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


class SearchView(ConsoleView):
    def get(self, request):
        form = forms.SearchForm(request.GET or None)
        results = console_search(query=form.data.get("q", "")) if form.is_bound else None
        return render(request, "callcenter/search.html", {"form": form, "results": results})


class CustomerCreateView(ConsoleView):
    def get(self, request):
        return render(
            request,
            "callcenter/customer_create.html",
            {"form": forms.CustomerCreateForm(initial=request.GET.dict())},
        )

    def post(self, request):
        form = forms.CustomerCreateForm(request.POST)
        if form.is_valid():
            try:
                customer = services.customer_create(agent=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Customer created."))
                return redirect("callcenter:customer", pk=customer.pk)
        return render(request, "callcenter/customer_create.html", {"form": form}, status=400)


class CustomerView(ConsoleView):
    def get(self, request, pk):
        get_object_or_404(User, pk=pk)
        return render(request, "callcenter/customer.html", {"file": customer_file(customer_id=pk)})


class NoteCreateView(ConsoleView):
    def post(self, request, pk):
        customer = get_object_or_404(User, pk=pk)
        form = forms.NoteForm(request.POST)
        if not form.is_valid():
            _form_errors(request, form)
            return redirect("callcenter:customer", pk=pk)
        order = Order.objects.filter(number=form.cleaned_data["order"], user=customer).first()
        try:
            services.note_add(
                agent=request.user, customer=customer, text=form.cleaned_data["text"], order=order
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Note saved."))
        return redirect(
            request.POST.get("next")
            if request.POST.get("next", "").startswith("/")
            and not request.POST.get("next", "").startswith("//")
            else reverse("callcenter:customer", kwargs={"pk": pk})
        )


class PurchaseView(ConsoleView):
    def get(self, request, number):
        try:
            file = purchase_file(number=number)
        except Order.DoesNotExist as missing:
            raise Http404 from missing
        municipality = address_municipality(file.order.shipping_address)
        options = {
            part.vendor_order.pk: vendor_order_delivery_options(
                vendor_order=part.vendor_order, municipality=municipality
            )
            for part in file.parts
            if part.not_shipped and municipality
        }
        address_form = forms.AddressForm(
            instance=file.order.shipping_address, initial=_address_initial(file.order, municipality)
        )
        return render(
            request,
            "callcenter/purchase.html",
            {
                "file": file,
                "options": options,
                "address_form": address_form,
                "refund_key": uuid.uuid4().hex,
                "notes": CustomerNote.objects.filter(order=file.order).select_related("author"),
            },
        )


def _address_initial(order, municipality) -> dict:
    if municipality is None:
        return {}
    return {"province": municipality.province, "municipality": municipality}


class ActionView(ConsoleView):
    """POST-only: validate the form, run one service, say how it went, go back."""

    form_class = forms.ReasonForm

    def post(self, request, **kwargs):
        target = self.target(**kwargs)
        form = self.form_class(request.POST)
        if not form.is_valid():
            _form_errors(request, form)
        else:
            try:
                message = self.act(target, form)
            except ValidationError as error:
                _errors(request, error)
            else:
                messages.success(request, message)
        return redirect("callcenter:purchase", number=self.purchase_number(target))

    def purchase_number(self, target) -> str:
        return target.order.number


class VendorOrderActionView(ActionView):
    def target(self, number):
        return get_object_or_404(VendorOrder.objects.select_related("order"), number=number)


class VendorOrderCancelView(VendorOrderActionView):
    def act(self, target, form):
        services.vendor_order_cancel(
            agent=self.request.user, vendor_order_id=target.pk, reason=form.cleaned_data["reason"]
        )
        return _("Order %(number)s cancelled.") % {"number": target.number}


class DeliveryOptionView(VendorOrderActionView):
    form_class = forms.DeliveryOptionForm

    def act(self, target, form):
        services.delivery_option_change(
            agent=self.request.user,
            vendor_order_id=target.pk,
            option_code=form.cleaned_data["option"],
            reason=form.cleaned_data["reason"],
        )
        return _("Delivery of %(number)s changed.") % {"number": target.number}


class RefundView(VendorOrderActionView):
    form_class = forms.RefundForm

    def act(self, target, form):
        done = services.vendor_order_refund(
            agent=self.request.user,
            vendor_order_id=target.pk,
            amount=form.cleaned_data["amount"],
            key=form.cleaned_data["key"],
            reason=form.cleaned_data["reason"],
        )
        return (
            _("Refund of %(number)s recorded.") if done else _("That refund was already made.")
        ) % {"number": target.number}


class LineCancelView(ActionView):
    def target(self, pk):
        return get_object_or_404(Line.objects.select_related("order"), pk=pk)

    def act(self, target, form):
        services.order_line_cancel(
            agent=self.request.user, line_id=target.pk, reason=form.cleaned_data["reason"]
        )
        return _("%(title)s cancelled.") % {"title": target.title}


class PurchaseActionView(ActionView):
    def target(self, number):
        return get_object_or_404(Order, number=number)

    def purchase_number(self, target) -> str:
        return target.number


class ConfirmationResendView(PurchaseActionView):
    def act(self, target, form):
        services.confirmation_resend(
            agent=self.request.user, order_id=target.pk, reason=form.cleaned_data["reason"]
        )
        return _("Confirmation sent to %(email)s.") % {"email": target.email}


class PaymentLinkView(PurchaseActionView):
    def act(self, target, form):
        services.payment_link_send(
            agent=self.request.user, order_id=target.pk, reason=form.cleaned_data["reason"]
        )
        return _("Payment request sent again.")


class AddressChangeView(PurchaseActionView):
    form_class = forms.AddressForm

    def act(self, target, form):
        services.delivery_address_change(
            agent=self.request.user,
            order_id=target.pk,
            address=form.address(),
            reason=form.cleaned_data.get("reason", ""),
        )
        return _("Delivery address changed.")


class InvoiceResendView(ActionView):
    def target(self, pk):
        return get_object_or_404(Invoice.objects.select_related("vendor_order__order"), pk=pk)

    def purchase_number(self, target) -> str:
        return target.vendor_order.order.number

    def act(self, target, form):
        services.invoice_resend(
            agent=self.request.user, invoice_id=target.pk, reason=form.cleaned_data["reason"]
        )
        return _("Invoice %(number)s sent.") % {"number": target.display_number}


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PhoneOrderView(ConsoleView):
    """The agent's basket for a customer: find products, add or remove them, then the
    address, each store's delivery, the channel and the payment, and place it."""

    def dispatch(self, request, *args, **kwargs):
        self.customer = get_object_or_404(User, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def companies(self) -> list:
        """The companies the customer buys for (read once per request)."""
        if not hasattr(self, "_companies"):
            self._companies = buyer_companies(user=self.customer)
        return self._companies

    def basket(self):
        """Priced for the company the agent chose in the form sent, if the customer buys
        for it (the placement prices it so again)."""
        chosen = self.request.POST.get("buy_as", "")
        company_id = next((c.pk for c in self.companies() if str(c.pk) == chosen), None)
        return phone_orders.phone_basket(
            session=self.request.session, customer=self.customer, company_id=company_id
        )

    def get(self, request, pk):
        return self.render(address_form=forms.AddressForm(initial=self.address_initial()))

    def render(self, *, address_form, place_form=None, status=200, choices=None):
        basket = self.basket()
        municipality = (
            address_form.cleaned_data.get("municipality")
            if address_form.is_bound and address_form.is_valid()
            else address_form.initial.get("municipality")
        )
        parts = basket_vendor_parts(basket=basket, municipality=municipality)
        methods = payment_methods_for_agents(
            currency=basket.currency, on_account=self.on_account(basket)
        )
        return render(
            self.request,
            "callcenter/phone_order.html",
            {
                "customer": self.customer,
                "basket": basket,
                "parts": parts,
                "products": phone_orders.catalogue_search(query=self.request.GET.get("q", "")),
                "query": self.request.GET.get("q", ""),
                "address_form": address_form,
                "place_form": place_form
                or self.place_form(
                    basket,
                    initial={"channel": "phone", "payment_method": payment_method_default(methods)},
                ),
                "methods": methods,
                "municipality": municipality,
                "choices": choices or {},
            },
            status=status,
        )

    def on_account(self, basket) -> bool:
        """Whether a company the customer buys for has terms with every store of the
        basket (payment on account is then offered)."""
        return bool(
            on_account_company_ids(companies=self.companies(), vendor_ids=basket_vendor_ids(basket))
        )

    def place_form(self, basket, *, data=None, initial=None):
        """The customer may buy as a company they buy for: its prices, approval limit
        and terms apply, as on the web."""
        return forms.PlaceForm(
            data,
            methods=payment_methods_offered(
                currency=basket.currency, on_account=self.on_account(basket)
            ),
            companies=self.companies(),
            initial=initial,
        )

    def address_initial(self) -> dict:
        address = self.customer.addresses.order_by("-is_default_for_shipping", "-pk").first()
        initial = {"first_name": self.customer.first_name, "last_name": self.customer.last_name}
        contact = getattr(self.customer, "callcenter_contact", None)
        if contact:
            initial["phone_number"] = contact.phone_number
        if address is not None:
            municipality = address_municipality(address)
            initial.update(
                {
                    name: getattr(address, name)
                    for name in ("first_name", "last_name", "line1", "line2", "notes")
                },
                phone_number=str(address.phone_number or initial.get("phone_number", "")),
            )
            if municipality:
                initial.update(province=municipality.province, municipality=municipality)
        return initial

    def post(self, request, pk):
        action = request.POST.get("action")
        basket = self.basket()
        here = reverse("callcenter:phone-order", kwargs={"pk": pk})
        if request.POST.get("q"):
            here += "?" + urlencode({"q": request.POST["q"][:80]})
        try:
            if action == "add":
                phone_orders.phone_basket_add(
                    basket=basket,
                    stockrecord_id=int(request.POST.get("stockrecord", 0)),
                    quantity=int(request.POST.get("quantity", 1) or 1),
                )
                return redirect(here)
            if action == "remove":
                basket.lines.filter(pk=request.POST.get("line")).delete()
                return redirect(here)
        except (ValueError, TypeError):
            messages.error(request, _("Enter a quantity of at least 1."))
            return redirect(here)
        except ValidationError as error:
            _errors(request, error)
            return redirect(here)
        address_form = forms.AddressForm(request.POST)
        place_form = self.place_form(basket, data=request.POST)
        choices = {
            key.removeprefix("vendor-"): value
            for key, value in request.POST.items()
            if key.startswith("vendor-")
        }
        if action != "place" or not (address_form.is_valid() and place_form.is_valid()):
            return self.render(
                address_form=address_form,
                place_form=place_form,
                choices=choices,
                status=200 if action != "place" else 400,
            )
        try:
            order = phone_orders.phone_order_place(
                agent=request.user,
                customer=self.customer,
                basket=basket,
                order=phone_orders.PhoneOrder(
                    address=address_form.address(),
                    choices=choices,
                    payment_method=place_form.cleaned_data["payment_method"],
                    channel=place_form.cleaned_data["channel"],
                    company_name=place_form.cleaned_data["company_name"],
                    company_nit=place_form.cleaned_data["company_nit"],
                    company_id=place_form.cleaned_data.get("buy_as"),
                ),
            )
        except ValidationError as error:
            _errors(request, error)
            return self.render(
                address_form=address_form, place_form=place_form, choices=choices, status=400
            )
        phone_orders.phone_basket_forget(session=request.session, customer=self.customer)
        messages.success(request, _("Purchase %(number)s placed.") % {"number": order.number})
        return redirect("callcenter:purchase", number=order.number)


class AuditLogView(LoginRequiredMixin, View):
    """Supervisors read what agents did; nobody changes it."""

    def get(self, request):
        if not is_operator(request.user):
            raise Http404
        form = forms.AuditFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        entries = audit_entries(
            agent_id=filters.get("agent"),
            customer_id=filters.get("customer"),
            since=filters.get("since"),
            until=filters.get("until"),
        )
        page = Paginator(entries, 50).get_page(request.GET.get("page"))
        return render(
            request,
            "callcenter/audit_log.html",
            {
                "form": form,
                "page_obj": page,
                "entries": page.object_list,
                "lines": audit_lines(page.object_list),
                "agents": User.objects.filter(groups__name=AGENT_GROUP).order_by("first_name"),
            },
        )
