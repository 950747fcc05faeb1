"""The store's team: its members, the invitations it sends, and accepting one."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from vendors.actors.services import vendor_invitation_accept, vendor_invitation_create
from vendors.dashboard.base import VendorDashboardMixin
from vendors.dashboard.forms import InvitationForm


class TeamView(VendorDashboardMixin, View):
    owner_only = True

    def context(self, form):
        return {
            "form": form,
            "members": self.vendor.memberships.select_related("user").order_by("role", "id"),
            "invitations": self.vendor.invitations.filter(accepted_at__isnull=True),
        }

    def get(self, request, vendor_slug):
        return self.render("team.html", self.context(InvitationForm()))

    def post(self, request, vendor_slug):
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                vendor_invitation_create(
                    vendor=self.vendor, email=form.cleaned_data["email"], invited_by=request.user
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Invitation sent."))
                return redirect("vendor_dashboard:team", vendor_slug=self.vendor.slug)
        return self.render("team.html", self.context(form), status=400)


class InvitationAcceptView(LoginRequiredMixin, View):
    def get(self, request, token):
        return render(request, "vendors/dashboard/invitation.html", {"token": token})

    def post(self, request, token):
        try:
            membership = vendor_invitation_accept(token=token, user=request.user)
        except ValidationError as error:
            return render(
                request,
                "vendors/dashboard/invitation.html",
                {"token": token, "errors": error.messages},
                status=400,
            )
        messages.success(
            request, _("You now work for %(vendor)s.") % {"vendor": membership.vendor.trade_name}
        )
        return redirect("vendor_dashboard:home", vendor_slug=membership.vendor.slug)
