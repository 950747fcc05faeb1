"""The public pages of requests: the board, posting a request, a request's page (with
the offers, for its requester), accepting an offer and the requester's own list."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from payments.interface import NextAction
from payments.selectors import payment_methods_offered
from payments.views import payable_remember
from shop.companies.selectors import buyer_companies, on_account_company_ids
from shop.core.transactions import AtomicWritesMixin
from shop.sourcing.awards import Acceptance, offer_accept
from shop.sourcing.conversations import (
    offer_message_post,
    offer_messages_read,
    unread_counts,
)
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.forms import AcceptForm, BoardFilterForm, MessageForm, SourcingRequestForm
from shop.sourcing.models import OfferStatus, SourcingOffer, SourcingRequest
from shop.sourcing.selectors import (
    BoardFilters,
    board_requests,
    offer_home_delivery,
    offers_to_compare,
    request_for_viewer,
)
from shop.sourcing.services import request_close, request_create
from vendors.models import Vendor

PAGE_SIZE = 20


class BoardView(View):
    def get(self, request):
        form = BoardFilterForm(request.GET or None)
        filters = BoardFilters()
        if form.is_valid():
            data = form.cleaned_data
            filters = BoardFilters(
                query=data["q"],
                sector=data["sector"].pk if data["sector"] else None,
                category=data["category"].pk if data["category"] else None,
                province=data["province"].pk if data["province"] else None,
                actor_type=data["actor_type"],
            )
        page = Paginator(board_requests(filters=filters), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return render(
            request,
            "sourcing/board.html",
            {"form": form, "page_obj": page, "requests": page.object_list},
        )


class RequestCreateView(LoginRequiredMixin, AtomicWritesMixin, View):
    def get(self, request):
        initial = {}
        if request.GET.get("tienda"):
            initial = {"visibility": "invited", "invited": request.GET["tienda"][:80]}
        # A "busco" post of the community board turns into a request with its own words.
        for field, parameter, length in (
            ("title", "titulo", 140),
            ("description", "descripcion", 4000),
        ):
            if request.GET.get(parameter):
                initial[field] = request.GET[parameter][:length]
        form = SourcingRequestForm(user=request.user, initial=initial)
        return render(request, "sourcing/request_form.html", {"form": form})

    def post(self, request):
        form = SourcingRequestForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return render(request, "sourcing/request_form.html", {"form": form}, status=400)
        created = request_create(
            requester=request.user,
            fields=form.request_fields(),
            invited_vendors=form.cleaned_data["invited"],
        )
        messages.success(request, _("Your request is posted. The stores that match it are told."))
        return redirect("sourcing:detail", pk=created.pk)


class RequestDetailView(View):
    def get(self, request, pk):
        found = request_for_viewer(request_id=pk, user=request.user)
        if found is None:
            raise Http404
        is_requester = request.user.is_authenticated and found.requester_id == request.user.pk
        offers = offers_to_compare(request=found) if is_requester else []
        unread = unread_counts(offers=offers, for_store=False) if offers else {}
        for offer in offers:
            offer.unread = unread.get(offer.pk, 0)
        stores = (
            Vendor.objects.filter(memberships__user=request.user).order_by("trade_name")
            if request.user.is_authenticated and not is_requester
            else Vendor.objects.none()
        )
        return render(
            request,
            "sourcing/request_detail.html",
            {
                "sourcing_request": found,
                "is_requester": is_requester,
                "offers": offers,
                "my_stores": list(stores),
            },
        )


class RequestCloseView(LoginRequiredMixin, AtomicWritesMixin, View):
    def post(self, request, pk):
        try:
            request_close(request_id=pk, user=request.user)
        except SourcingRequest.DoesNotExist as missing:
            raise Http404 from missing
        except SourcingRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("The request is closed."))
        return redirect("sourcing:detail", pk=pk)


class MyRequestsView(LoginRequiredMixin, View):
    def get(self, request):
        mine = SourcingRequest.objects.filter(requester=request.user).select_related(
            "municipality__province"
        )
        page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request, "sourcing/my_requests.html", {"page_obj": page, "requests": page.object_list}
        )


class ConversationView(LoginRequiredMixin, AtomicWritesMixin, View):
    """The requester's side of the conversation on one offer."""

    def offer(self, pk, offer_id) -> SourcingOffer:
        offer = (
            SourcingOffer.objects.select_related("request", "vendor")
            .filter(pk=offer_id, request_id=pk, request__requester=self.request.user)
            .first()
        )
        if offer is None:
            raise Http404
        return offer

    def page(self, offer, form, status=200):
        return render(
            self.request,
            "sourcing/conversation.html",
            {
                "offer": offer,
                "sourcing_request": offer.request,
                "messages_list": offer_messages_read(offer=offer, by_store=False),
                "form": form,
            },
            status=status,
        )

    def get(self, request, pk, offer_id):
        return self.page(self.offer(pk, offer_id), MessageForm())

    def post(self, request, pk, offer_id):
        offer = self.offer(pk, offer_id)
        form = MessageForm(request.POST)
        if not form.is_valid():
            return self.page(offer, form, status=400)
        try:
            offer_message_post(
                offer=offer, author=request.user, from_store=False, body=form.cleaned_data["body"]
            )
        except SourcingRefused as refused:
            form.add_error("body", refused.message)
            return self.page(offer, form, status=429)
        return redirect("sourcing:conversation", pk=pk, offer_id=offer_id)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class OfferAcceptView(LoginRequiredMixin, View):
    """The requester buys from one offer; the gateway is called after the purchase is
    committed, so this page runs outside the request's transaction."""

    def offer(self, pk, offer_id) -> SourcingOffer:
        offer = (
            SourcingOffer.objects.select_related(
                "request__municipality__province", "vendor__municipality__province"
            )
            .filter(pk=offer_id, request_id=pk, request__requester=self.request.user)
            .first()
        )
        if offer is None:
            raise Http404
        return offer

    def form(self, offer, data=None):
        remaining = offer.request.remaining_quantity
        companies = buyer_companies(user=self.request.user)
        return AcceptForm(
            data,
            offer=offer,
            remaining=remaining,
            home_charge=offer_home_delivery(
                offer=offer, quantity=min(offer.quantity, remaining) or offer.quantity
            ),
            payment_methods=payment_methods_offered(
                currency=offer.request.currency,
                on_account=bool(
                    on_account_company_ids(companies=companies, vendor_ids=[offer.vendor_id])
                ),
            ),
            companies=companies,
            initial={
                "first_name": self.request.user.first_name,
                "last_name": self.request.user.last_name,
            },
        )

    def get(self, request, pk, offer_id):
        offer = self.offer(pk, offer_id)
        return self.page(offer, self.form(offer))

    def page(self, offer, form, status=200):
        acceptable = offer.status == OfferStatus.SENT and offer.request.is_open
        return render(
            request=self.request,
            template_name="sourcing/offer_accept.html",
            context={"offer": offer, "form": form, "acceptable": acceptable},
            status=status,
        )

    def post(self, request, pk, offer_id):
        offer = self.offer(pk, offer_id)
        form = self.form(offer, request.POST)
        if not form.is_valid():
            return self.page(offer, form, status=400)
        try:
            placed = offer_accept(
                offer_id=offer.pk,
                user=request.user,
                acceptance=Acceptance(
                    quantity=form.cleaned_data["quantity"],
                    address=form.address(),
                    delivery=form.cleaned_data["delivery"],
                    payment_method=form.cleaned_data["payment_method"],
                    company_id=form.cleaned_data.get("buy_as"),
                ),
                language=request.LANGUAGE_CODE,
                request=request,
            )
        except SourcingRefused as refused:
            form.add_error(None, refused.message)
            return self.page(offer, form, status=409)
        if placed.held:
            messages.info(
                request,
                _("Your purchase is above your spending limit: it waits for an approver."),
            )
            return redirect("companies:purchase", pk=placed.order.company_purchase.pk)
        started = placed.started
        if started.next_action in (
            NextAction.CLIENT_SDK,
            NextAction.INSTRUCTIONS,
            NextAction.REDIRECT,
        ):
            payable_remember(request, placed.payment.reference)
        if started.next_action == NextAction.CLIENT_SDK:
            return redirect(
                reverse("payment_pages:card", kwargs={"reference": placed.payment.reference})
            )
        request.session["checkout_order_id"] = placed.order.pk
        if started.next_action == NextAction.REDIRECT:  # paid in the gateway's app
            return redirect(
                reverse("payment_pages:link", kwargs={"reference": placed.payment.reference})
            )
        return redirect("checkout:thank-you")
