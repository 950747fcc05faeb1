"""The store's requests pages (mounted in vendors/dashboard/urls.py): the open requests
it can answer, and its own offer on each; never another store's offers."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from shop.core.transactions import AtomicWritesMixin
from shop.sourcing.conversations import (
    offer_message_post,
    offer_messages_read,
    store_threads,
    unread_counts,
)
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.forms import FollowingForm, MessageForm, OfferForm
from shop.sourcing.models import (
    Conversation,
    RequestStatus,
    SourcingOffer,
    SourcingRequest,
    StoreFollowing,
)
from shop.sourcing.selectors import vendor_may_offer, vendor_offers, vendor_open_requests
from shop.sourcing.services import OfferTerms, offer_save, offer_withdraw
from vendors.dashboard.base import PAGE_SIZE, VendorDashboardMixin

OFFER_FIELDS = (
    "price",
    "quantity",
    "lead_time_days",
    "delivery_price",
    "valid_until",
    "message",
    "stockrecord",
)


class VendorSourcingListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        page = Paginator(vendor_open_requests(vendor=self.vendor), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        offers = {offer.request_id: offer for offer in vendor_offers(vendor=self.vendor)}
        unread = unread_counts(offers=list(offers.values()), for_store=True)
        for sourcing_request in page.object_list:
            sourcing_request.my_offer = offers.get(sourcing_request.pk)
            if sourcing_request.my_offer is not None:
                sourcing_request.my_offer.unread = unread.get(sourcing_request.my_offer.pk, 0)
        return self.render(
            "sourcing_list.html",
            {
                "page_obj": page,
                "requests": page.object_list,
                "offers": list(offers.values())[:PAGE_SIZE],
            },
        )


class VendorInboxView(VendorDashboardMixin, View):
    """The store's conversations, newest activity first, with what is unread in each."""

    def get(self, request, vendor_slug):
        page = Paginator(store_threads(vendor=self.vendor), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return self.render("inbox.html", {"page_obj": page, "threads": page.object_list})


class VendorFollowingView(AtomicWritesMixin, VendorDashboardMixin, View):
    """The sectors and provinces whose requests the store is told of."""

    def following(self) -> StoreFollowing:
        return StoreFollowing.objects.filter(vendor=self.vendor).first() or StoreFollowing(
            vendor=self.vendor
        )

    def get(self, request, vendor_slug):
        return self.render(
            "sourcing_following.html", {"form": FollowingForm(instance=self.following())}
        )

    def post(self, request, vendor_slug):
        form = FollowingForm(request.POST, instance=self.following())
        if not form.is_valid():
            return self.render("sourcing_following.html", {"form": form}, status=400)
        form.save()
        messages.success(request, _("Saved: you will be told of the requests you follow."))
        return redirect("vendor_dashboard:sourcing-following", vendor_slug=vendor_slug)


class VendorOfferView(AtomicWritesMixin, VendorDashboardMixin, View):
    """The store's offer on one request: sent, changed or sent again after withdrawing."""

    def sourcing_request(self, request_id) -> SourcingRequest:
        found = (
            SourcingRequest.objects.select_related("municipality__province", "sector", "category")
            .filter(pk=request_id)
            .first()
        )
        offer = self.own_offer(request_id)
        if found is None or (
            offer is None and not vendor_may_offer(request=found, vendor=self.vendor)
        ):
            raise Http404
        return found

    def own_offer(self, request_id) -> SourcingOffer | None:
        return SourcingOffer.objects.filter(request_id=request_id, vendor=self.vendor).first()

    def get(self, request, vendor_slug, request_id):
        found = self.sourcing_request(request_id)
        offer = self.own_offer(request_id)
        initial = {"quantity": found.quantity}
        if offer is not None:
            initial = {name: getattr(offer, name) for name in OFFER_FIELDS}
        return self.page(found, offer, OfferForm(vendor=self.vendor, initial=initial))

    def page(self, found, offer, form, status=200, message_form=None):
        # The offer's thread is the store's: an operator who is not a member reads it
        # only on the audited page (each reading recorded), never here.
        member = self.membership is not None
        thread = Conversation.objects.filter(offer=offer).first() if offer and not member else None
        return self.render(
            "sourcing_offer.html",
            {
                "sourcing_request": found,
                "offer": offer,
                "form": form,
                "member": member,
                "audited_thread": thread,
                "messages_list": (
                    offer_messages_read(offer=offer, by_store=True)
                    if offer is not None and member
                    else []
                ),
                "message_form": message_form or MessageForm(),
                "can_offer": found.status == RequestStatus.OPEN
                and (offer is None or offer.is_editable),
            },
            status=status,
        )

    def post(self, request, vendor_slug, request_id):
        found = self.sourcing_request(request_id)
        form = OfferForm(request.POST, vendor=self.vendor)
        if not form.is_valid():
            return self.page(found, self.own_offer(request_id), form, status=400)
        data = form.cleaned_data
        try:
            offer_save(
                request_id=found.pk,
                vendor=self.vendor,
                terms=OfferTerms(
                    price=data["price"],
                    quantity=data["quantity"],
                    lead_time_days=data["lead_time_days"],
                    valid_until=data["valid_until"],
                    delivery_price=data["delivery_price"],
                    message=data["message"],
                    stockrecord_id=data["stockrecord"].pk if data["stockrecord"] else None,
                ),
            )
        except SourcingRefused as refused:
            form.add_error(None, refused.message)
            return self.page(found, self.own_offer(request_id), form, status=409)
        messages.success(request, _("Your offer is sent. You can change it until it is accepted."))
        return redirect(
            "vendor_dashboard:sourcing-offer", vendor_slug=vendor_slug, request_id=found.pk
        )


class VendorOfferMessageView(AtomicWritesMixin, VendorDashboardMixin, View):
    """The store writes in the conversation on its offer (POST only)."""

    def post(self, request, vendor_slug, request_id):
        offer = (
            SourcingOffer.objects.select_related("request")
            .filter(request_id=request_id, vendor=self.vendor)
            .first()
        )
        if offer is None or self.membership is None:  # only the store's people write
            raise Http404
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                offer_message_post(
                    offer=offer,
                    author=request.user,
                    from_store=True,
                    body=form.cleaned_data["body"],
                )
            except SourcingRefused as refused:
                messages.error(request, refused.message)
        else:
            messages.error(request, " ".join(form.errors["body"]))
        return redirect(
            "vendor_dashboard:sourcing-offer", vendor_slug=vendor_slug, request_id=request_id
        )


class VendorOfferWithdrawView(AtomicWritesMixin, VendorDashboardMixin, View):
    def post(self, request, vendor_slug, request_id):
        offer = SourcingOffer.objects.filter(request_id=request_id, vendor=self.vendor).first()
        if offer is None:
            raise Http404
        try:
            offer_withdraw(offer_id=offer.pk, vendor=self.vendor)
        except SourcingRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Your offer is withdrawn. You can send it again."))
        return redirect(
            "vendor_dashboard:sourcing-offer", vendor_slug=vendor_slug, request_id=request_id
        )
