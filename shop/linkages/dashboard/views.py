"""The store's deals (mounted at /vendedor/<store>/negocios/): declaring a deal closed
elsewhere, answering the deals other actors declared with it, and its own list; and its
initiatives (/vendedor/<store>/iniciativas/)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from shop.core.transactions import AtomicWritesMixin
from shop.linkages.error_codes import LinkageErrorCode
from shop.linkages.exceptions import LinkageRefused
from shop.linkages.forms import DealDeclareForm, InitiativeForm, InitiativeInviteForm
from shop.linkages.models import Initiative
from shop.linkages.selectors import (
    vendor_deals,
    vendor_deals_to_answer,
    vendor_initiatives,
    vendor_linkages,
)
from shop.linkages.services import (
    deal_confirm,
    deal_declare,
    deal_reject,
    initiative_member_confirm,
    initiative_member_invite,
    initiative_register,
)
from shop.sourcing.conversations import store_unread_total
from vendors.dashboard.base import PAGE_SIZE, VendorDashboardMixin


class VendorDealsView(AtomicWritesMixin, VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        return self._page(DealDeclareForm())

    def post(self, request, vendor_slug):
        form = DealDeclareForm(request.POST)
        if form.is_valid():
            try:
                deal_declare(vendor=self.vendor, user=request.user, **form.cleaned_data)
            except LinkageRefused as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Deal declared: it counts once %(actor)s confirms it.")
                    % {"actor": form.cleaned_data["counterpart"]},
                )
                return redirect("linkages_dashboard:deals", vendor_slug=self.vendor.slug)
        return self._page(form, status=400)

    def _page(self, form, status=200):
        page = Paginator(vendor_deals(vendor=self.vendor), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return render(
            self.request,
            "linkages/dashboard/deals.html",
            {
                "vendor": self.vendor,
                "inbox_unread": store_unread_total(vendor=self.vendor),
                "form": form,
                "to_answer": list(vendor_deals_to_answer(vendor=self.vendor)),
                "page_obj": page,
                "deals": page.object_list,
                "linkages": vendor_linkages(vendor=self.vendor),
            },
            status=status,
        )


class VendorDealAnswerView(AtomicWritesMixin, VendorDashboardMixin, View):
    def post(self, request, vendor_slug, pk):
        answer = deal_confirm if request.POST.get("answer") == "confirm" else deal_reject
        try:
            answer(deal_id=pk, vendor=self.vendor, user=request.user)
        except LinkageRefused as error:
            messages.error(request, error.messages[0])
        else:
            if answer is deal_confirm:
                messages.success(request, _("Deal confirmed: it now counts for both of you."))
            else:
                messages.info(request, _("Deal not recognised: it will not count."))
        return redirect("linkages_dashboard:deals", vendor_slug=self.vendor.slug)


class VendorInitiativesView(AtomicWritesMixin, VendorDashboardMixin, View):
    """Register an initiative the store coordinates, invite members to it, and confirm
    the invitations of others."""

    def get(self, request, vendor_slug):
        return self._page(InitiativeForm())

    def post(self, request, vendor_slug):
        action = request.POST.get("action")
        form = InitiativeForm()
        try:
            if action == "register":
                form = InitiativeForm(request.POST)
                if not form.is_valid():
                    return self._page(form, status=400)
                initiative_register(coordinator=self.vendor, user=request.user, **form.cleaned_data)
                messages.success(request, _("Initiative registered: operators will review it."))
            elif action == "invite":
                initiative = self._initiative(coordinated=True)
                invite = InitiativeInviteForm(request.POST)
                if not invite.is_valid():
                    messages.error(request, invite.errors["counterpart"][0])
                else:
                    initiative_member_invite(
                        initiative=initiative,
                        coordinator=self.vendor,
                        member=invite.cleaned_data["counterpart"],
                    )
                    messages.success(request, _("Invited: it is a member once it confirms."))
            elif action == "confirm":
                initiative_member_confirm(initiative=self._initiative(), vendor=self.vendor)
                messages.success(request, _("You are a member of this initiative now."))
        except LinkageRefused as error:
            messages.error(request, error.messages[0])
        return redirect("linkages_dashboard:initiatives", vendor_slug=self.vendor.slug)

    def _initiative(self, *, coordinated: bool = False):
        initiatives = Initiative.objects.filter(pk=self.request.POST.get("initiative") or 0)
        if coordinated:
            initiatives = initiatives.filter(coordinator=self.vendor)
        initiative = initiatives.first()
        if initiative is None:
            raise LinkageRefused(
                _("This initiative is not waiting for your confirmation."),
                code=LinkageErrorCode.NOT_YOURS,
            )
        return initiative

    def _page(self, form, status=200):
        coordinated, invited = vendor_initiatives(vendor=self.vendor)
        return render(
            self.request,
            "linkages/dashboard/initiatives.html",
            {
                "vendor": self.vendor,
                "inbox_unread": store_unread_total(vendor=self.vendor),
                "form": form,
                "coordinated": coordinated,
                "invited": invited,
            },
            status=status,
        )
